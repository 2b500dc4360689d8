import type { StateMachineDefinition } from '../../lib/asl';

// asl-validator ships CommonJS without types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const aslValidator = require('asl-validator') as (definition: unknown) => { isValid: boolean; errorsText: (separator?: string) => string };

/** Fails the test with asl-validator's own messages when the definition is not valid ASL. */
export function expectValidAsl(definition: StateMachineDefinition): void {
  const { isValid, errorsText } = aslValidator(definition);
  expect(isValid ? 'valid' : errorsText('\n')).toBe('valid');
}
