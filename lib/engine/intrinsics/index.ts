import type { Json } from '../../asl';
import type { RandomSource } from '../scope';
import { callIntrinsicFunction, IntrinsicError, IntrinsicFunctions, type CallContext, type IntrinsicFunction } from './functions';
import { parseIntrinsic, type IntrinsicArg, type IntrinsicCall } from './parse-intrinsic';

export { isIntrinsic, parseIntrinsic, IntrinsicSyntaxError } from './parse-intrinsic';
export { IntrinsicFunctions, IntrinsicError, type CallContext } from './functions';

/** Reads a path argument; throws IntrinsicError with AWS's text when it matches nothing. */
export interface PathReader {
  read(path: string): Json;
}

/** An intrinsic expression parsed once: evaluate it as often as needed. */
export interface CompiledIntrinsic {
  evaluate(reader: PathReader, random: RandomSource): Json;
}

const compiledCalls = new Map<string, CompiledIntrinsic>();

/** Parses `text` once (throws IntrinsicSyntaxError for a malformed call); later calls reuse it. */
export function compileIntrinsic(text: string): CompiledIntrinsic {
  let compiled = compiledCalls.get(text);
  if (!compiled) {
    compiled = new CompiledCall(parseIntrinsic(text));
    if (compiledCalls.size > 10_000) compiledCalls.clear();
    compiledCalls.set(text, compiled);
  }
  return compiled;
}

/**
 * Evaluates one intrinsic expression. Failures throw IntrinsicError carrying the detail AWS writes
 * after "The function '<expression>' had the following error: ".
 */
export function evaluateIntrinsicCall(text: string, reader: PathReader, random: RandomSource): Json {
  return compileIntrinsic(text).evaluate(reader, random);
}

class CompiledCall implements CompiledIntrinsic {
  private readonly args: readonly IntrinsicArg[];
  private readonly nested: readonly (CompiledCall | undefined)[];
  private readonly templatePieces: readonly string[] | undefined;
  private readonly templateError: string | undefined;
  private readonly fn: IntrinsicFunction | undefined;
  /** The last call's context: executions each have their own random source, and most calls repeat the last one's. */
  private context: CallContext | undefined;
  constructor(private readonly call: IntrinsicCall) {
    this.args = call.args;
    this.nested = call.args.map((a) => (a.k === 'call' ? new CompiledCall(a.call) : undefined));
    const first = call.args[0];
    const literalTemplate = call.name === 'States.Format' && first?.k === 'literal' ? first : undefined;
    this.templatePieces = literalTemplate?.pieces;
    this.templateError = literalTemplate?.braceError;
    this.fn = Object.prototype.hasOwnProperty.call(IntrinsicFunctions, call.name) ? IntrinsicFunctions[call.name] : undefined;
  }

  evaluate(reader: PathReader, random: RandomSource): Json {
    const values: Json[] = new Array<Json>(this.args.length);
    for (let i = 0; i < this.args.length; i++) {
      const arg = this.args[i]!;
      values[i] = arg.k === 'literal' ? arg.value : arg.k === 'path' ? reader.read(arg.path) : this.nested[i]!.evaluate(reader, random);
    }
    let context = this.context;
    if (context === undefined || context.random !== random) {
      context = this.templatePieces ? { random, templatePieces: this.templatePieces, templateError: this.templateError } : { random };
      this.context = context;
    }
    return callIntrinsicFunction(this.fn, this.call.name, values, context);
  }
}

export function isIntrinsicError(e: unknown): e is IntrinsicError {
  return e instanceof IntrinsicError;
}
