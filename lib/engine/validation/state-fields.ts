import type { StateType } from '../../asl';

/** Fields every state may carry. */
const COMMON = ['Type', 'Comment', 'QueryLanguage'] as const;
const TRANSITION = ['Next', 'End'] as const;
const PATHS = ['InputPath', 'OutputPath'] as const;
const OUTPUT_ASSIGN = ['Output', 'Assign'] as const;
const RETRY_CATCH = ['Retry', 'Catch'] as const;

/**
 * The fields each state type supports, in either query language (which language a field needs is
 * checked separately). Any other field is AWS's `Field 'X' is not supported` at the state
 * (floci-io/floci#2735 measured TimeoutSeconds, Retry and Catch on every type). A mapped type, so a
 * new state type does not compile until its fields are listed.
 * @see https://states-language.net/spec.html#statetypes
 */
export const StateFields: { readonly [K in StateType]: ReadonlySet<string> } = {
  Pass: new Set([...COMMON, ...TRANSITION, ...PATHS, ...OUTPUT_ASSIGN, 'Parameters', 'Result', 'ResultPath']),
  Task: new Set([
    ...COMMON, ...TRANSITION, ...PATHS, ...OUTPUT_ASSIGN, ...RETRY_CATCH,
    'Resource', 'Parameters', 'Arguments', 'ResultSelector', 'ResultPath', 'Credentials',
    'TimeoutSeconds', 'TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath',
  ]),
  Choice: new Set([...COMMON, ...PATHS, ...OUTPUT_ASSIGN, 'Choices', 'Default']),
  Wait: new Set([...COMMON, ...TRANSITION, ...PATHS, ...OUTPUT_ASSIGN, 'Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath']),
  Succeed: new Set([...COMMON, ...PATHS, 'Output']),
  Fail: new Set([...COMMON, 'Error', 'ErrorPath', 'Cause', 'CausePath']),
  Parallel: new Set([
    ...COMMON, ...TRANSITION, ...PATHS, ...OUTPUT_ASSIGN, ...RETRY_CATCH,
    'Branches', 'Parameters', 'Arguments', 'ResultSelector', 'ResultPath',
  ]),
  Map: new Set([
    ...COMMON, ...TRANSITION, ...PATHS, ...OUTPUT_ASSIGN, ...RETRY_CATCH,
    'ItemProcessor', 'Iterator', 'ItemsPath', 'Items', 'ItemSelector', 'Parameters', 'ItemReader', 'ItemBatcher',
    'ResultWriter', 'ResultSelector', 'ResultPath', 'Label',
    'MaxConcurrency', 'MaxConcurrencyPath', 'ToleratedFailureCount', 'ToleratedFailureCountPath',
    'ToleratedFailurePercentage', 'ToleratedFailurePercentagePath',
  ]),
};

/** Fields each state type cannot do without. */
export const RequiredStateFields: { readonly [K in StateType]: readonly string[] } = {
  Pass: [],
  Task: ['Resource'],
  Choice: ['Choices'],
  Wait: [],
  Succeed: [],
  Fail: [],
  Parallel: ['Branches'],
  Map: [],
};

/** Types that end a graph by themselves, and so take neither Next nor End. */
export const TerminalTypes: { readonly [K in StateType]: boolean } = {
  Pass: false,
  Task: false,
  Choice: false,
  Wait: false,
  Succeed: true,
  Fail: true,
  Parallel: false,
  Map: false,
};

export const StateTypes = Object.keys(StateFields) as StateType[];

export function isStateType(value: unknown): value is StateType {
  return typeof value === 'string' && (StateTypes as string[]).includes(value);
}
