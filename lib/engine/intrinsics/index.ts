import type { Json } from '../../asl';
import type { RandomSource } from '../scope';
import { callIntrinsic, IntrinsicError } from './functions';
import { parseIntrinsic, type IntrinsicArg, type IntrinsicCall } from './parse-intrinsic';

export { isIntrinsic, parseIntrinsic, IntrinsicSyntaxError } from './parse-intrinsic';
export { IntrinsicFunctions, IntrinsicError, type CallContext } from './functions';

/** Reads a path argument; throws IntrinsicError with AWS's text when it matches nothing. */
export type PathReader = (path: string) => Json;

/**
 * Evaluates one intrinsic expression. Failures throw IntrinsicError carrying the detail AWS writes
 * after "The function '<expression>' had the following error: ".
 */
export function evaluateIntrinsicCall(text: string, read: PathReader, random: RandomSource): Json {
  return run(parseIntrinsic(text), read, random);
}

function run(call: IntrinsicCall, read: PathReader, random: RandomSource): Json {
  const args = call.args.map((a) => value(a, read, random));
  const first = call.args[0];
  const templatePieces = call.name === 'States.Format' && first?.k === 'literal' ? first.pieces : undefined;
  return callIntrinsic(call.name, args, templatePieces ? { random, templatePieces } : { random });
}

function value(arg: IntrinsicArg, read: PathReader, random: RandomSource): Json {
  switch (arg.k) {
    case 'literal':
      return arg.value;
    case 'path':
      return read(arg.path);
    case 'call':
      return run(arg.call, read, random);
  }
}

export function isIntrinsicError(e: unknown): e is IntrinsicError {
  return e instanceof IntrinsicError;
}
