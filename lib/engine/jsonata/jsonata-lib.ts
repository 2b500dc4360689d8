import type jsonataType from 'jsonata';

let lib: typeof jsonataType | undefined;

/**
 * The jsonata package, loaded on the first JSONata expression: a service whose state machines
 * are all JSONPath never pays for it, and starts sooner.
 */
export function jsonataLib(): typeof jsonataType {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (lib ??= require('jsonata') as typeof jsonataType);
}
