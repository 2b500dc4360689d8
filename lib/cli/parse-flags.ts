import { parseArgs } from 'node:util';
import { UsageError } from './command';

export type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;
export type Flags<S extends FlagSpec> = { [K in keyof S]?: S[K]['type'] extends 'string' ? string : boolean };

/** Parses a command's flags and positionals; any mistake is a UsageError (exit code 2). */
export function parseFlags<S extends FlagSpec>(args: string[], spec: S): { flags: Flags<S>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options: spec, allowPositionals: true, strict: true });
    return { flags: values as Flags<S>, positionals };
  } catch (err) {
    const message = (err as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(`unknown option '${unknown[1]}'`);
    const missing = /Option '(?:-\w, )?(--[\w-]+)(?: <value>)?' argument missing/.exec(message);
    if (missing) throw new UsageError(`${missing[1]} needs a value`);
    throw new UsageError(message.split('. ')[0]);
  }
}

/** Exactly one positional argument, named in the error when it is missing. */
export function onePositional(positionals: string[], what: string): string {
  if (positionals.length === 0) throw new UsageError(`name the ${what}`);
  if (positionals.length > 1) throw new UsageError(`one ${what} at a time (got ${positionals.length})`);
  return positionals[0];
}
