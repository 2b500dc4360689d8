import { createHash } from 'node:crypto';
import type { Json, JsonObject } from '../../asl';
import { JavaRandom } from '../jsonata/java-random';
import type { RandomSource } from '../scope';

/**
 * The States.* intrinsic functions: each one's argument signature as data, and its behaviour.
 * A function throws IntrinsicError with the detail AWS appends after "had the following error: ".
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */

export class IntrinsicError extends Error {}

type ArgType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'any';

export interface IntrinsicFunction {
  /** Argument types in order; a trailing `rest` type repeats. */
  args: ArgType[];
  rest?: ArgType;
  /** Optional trailing arguments (counted from the end of `args`). */
  optional?: number;
  run(args: Json[], context: CallContext): Json;
}

/** What a function may use beyond its argument values. */
export interface CallContext {
  random: RandomSource;
  /**
   * States.Format's template, split at its unescaped `{}` when the template is a string literal
   * (escaped `\{` and `\}` are literal braces there). A template read from a path has no escapes.
   */
  templatePieces?: readonly string[];
}

const typeOf = (v: Json): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function matches(t: ArgType, v: Json): boolean {
  switch (t) {
    case 'any':
      return true;
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeOf(v) === 'object';
    default:
      return typeof v === t;
  }
}

function jsonEquals(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as Json[]).length && a.every((x, i) => jsonEquals(x, (b as Json[])[i]));
  const ka = Object.keys(a);
  const bo = b as JsonObject;
  return ka.length === Object.keys(bo).length && ka.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && jsonEquals((a as JsonObject)[k], bo[k]));
}

/**
 * How States.Format renders a value: as Java's `toString` of the parsed JSON, so a string is itself,
 * an array `[a, 1]`, an object `{k=v, n=[]}` and a scalar its JSON text (localstack, AWS-recorded).
 */
function formatArg(v: Json): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map(formatArg).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.keys(v).map((k) => `${k}=${formatArg(v[k]!)}`).join(', ')}}`;
  return JSON.stringify(v);
}

/** AWS rounds a non-integer numeric argument to the nearest integer, halves up as Java's Math.round. */
const rounded = (v: Json): number => Math.round(v as number);

const HASH_ALGORITHMS: Record<string, string> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };


export const IntrinsicFunctions: Record<string, IntrinsicFunction> = {
  'States.Format': {
    args: ['string'],
    rest: 'any',
    run([template, ...values], { templatePieces }) {
      const pieces = templatePieces ?? (template as string).split('{}');
      if (pieces.length - 1 !== values.length) {
        throw new IntrinsicError('Number of arguments in the format string does not match the number of arguments provided');
      }
      let out = pieces[0]!;
      for (let i = 0; i < values.length; i++) out += formatArg(values[i]!) + pieces[i + 1]!;
      return out;
    },
  },
  'States.StringToJson': {
    args: ['string'],
    run([s]) {
      // A blank string is null (localstack, AWS-recorded).
      if ((s as string).trim() === '') return null;
      try {
        return JSON.parse(s as string) as Json;
      } catch {
        throw new IntrinsicError(`Unable to parse '${s as string}' as JSON`);
      }
    },
  },
  'States.JsonToString': { args: ['any'], run: ([v]) => JSON.stringify(v) },
  'States.Array': { args: [], rest: 'any', run: (values) => values },
  'States.ArrayPartition': {
    args: ['array', 'number'],
    run([array, size]) {
      const n = rounded(size);
      if (n <= 0) throw new IntrinsicError('Chunk size must be greater than 0');
      const a = array as Json[];
      const out: Json[] = [];
      for (let i = 0; i < a.length; i += n) out.push(a.slice(i, i + n));
      return out;
    },
  },
  'States.ArrayContains': { args: ['array', 'any'], run: ([array, v]) => (array as Json[]).some((x) => jsonEquals(x, v)) },
  'States.ArrayRange': {
    args: ['number', 'number', 'number'],
    run([start, end, stepBy]) {
      const [a, b, s] = [rounded(start), rounded(end), rounded(stepBy)];
      if (s === 0) throw new IntrinsicError('Step value cannot be zero');
      const out: number[] = [];
      for (let v = a; s > 0 ? v <= b : v >= b; v += s) {
        out.push(v);
        if (out.length > 1000) throw new IntrinsicError('The array created by States.ArrayRange exceeds the maximum of 1000 items');
      }
      return out;
    },
  },
  'States.ArrayGetItem': {
    args: ['array', 'integer'],
    run([array, index]) {
      const a = array as Json[];
      const i = index as number;
      if (i < 0 || i >= a.length) throw new IntrinsicError(`Index ${i} is out of bounds for an array of length ${a.length}`);
      return a[i];
    },
  },
  'States.ArrayLength': { args: ['array'], run: ([array]) => (array as Json[]).length },
  'States.ArrayUnique': {
    args: ['array'],
    run([array]) {
      const out: Json[] = [];
      for (const v of array as Json[]) if (!out.some((x) => jsonEquals(x, v))) out.push(v);
      return out;
    },
  },
  'States.Base64Encode': {
    args: ['string'],
    run([s]) {
      if ((s as string).length > 10_000) throw new IntrinsicError('The input string exceeds the maximum of 10000 characters');
      return Buffer.from(s as string, 'utf8').toString('base64');
    },
  },
  'States.Base64Decode': {
    args: ['string'],
    run([s]) {
      const text = s as string;
      if (text.length > 10_000) throw new IntrinsicError('The input string exceeds the maximum of 10000 characters');
      // Java's basic decoder: the standard alphabet, optional padding, nothing else.
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.replace(/=+$/, '').length % 4 === 1) {
        throw new IntrinsicError('The input string is not valid base64');
      }
      return Buffer.from(text, 'base64').toString('utf8');
    },
  },
  'States.Hash': {
    args: ['string', 'string'],
    run([data, algorithm]) {
      const alg = HASH_ALGORITHMS[algorithm as string];
      if (!alg) throw new IntrinsicError(`Unsupported hashing algorithm '${algorithm as string}'. Supported algorithms: ${Object.keys(HASH_ALGORITHMS).join(', ')}`);
      const text = data as string;
      if (text.length > 10_000) throw new IntrinsicError('The input data exceeds the maximum of 10000 characters');
      return createHash(alg).update(text, 'utf8').digest('hex');
    },
  },
  'States.JsonMerge': {
    args: ['object', 'object', 'boolean'],
    run([a, b, deep]) {
      if (deep) throw new IntrinsicError('Deep merge is not supported; the third argument must be false');
      return { ...(a as JsonObject), ...(b as JsonObject) };
    },
  },
  'States.MathRandom': {
    // Start inclusive, end exclusive; a seed draws from java.util.Random as the seeded JSONata
    // $random does (the seeded value is unverified on AWS).
    args: ['number', 'number', 'number'],
    optional: 1,
    run([start, end, seed], { random }) {
      const [a, b] = [rounded(start), rounded(end)];
      if (a >= b) throw new IntrinsicError('The start value must be less than the end value');
      if (seed !== undefined) return a + new JavaRandom(rounded(seed)).nextInt(b - a);
      return a + Math.floor(random.next() * (b - a));
    },
  },
  'States.MathAdd': {
    // Each argument is rounded before the sum: 1.49 + 1.5 is 3, -1.5 + -1.51 is -3 (localstack, AWS-recorded).
    args: ['number', 'number'],
    run([a, b]) {
      return rounded(a) + rounded(b);
    },
  },
  'States.StringSplit': {
    args: ['string', 'string'],
    run([s, delimiters]) {
      const set = new Set((delimiters as string).split(''));
      const out: string[] = [];
      let cur = '';
      for (const ch of s as string) {
        if (set.has(ch)) {
          if (cur) out.push(cur);
          cur = '';
        } else cur += ch;
      }
      if (cur) out.push(cur);
      return out;
    },
  },
  'States.UUID': { args: [], run: (_args, { random }) => random.uuid() },
};

/** Checks arity and types, then runs. */
export function callIntrinsic(name: string, args: Json[], context: CallContext): Json {
  return callIntrinsicFunction(IntrinsicFunctions[name], name, args, context);
}

/** callIntrinsic with the function already looked up (a compiled call looks it up once). */
export function callIntrinsicFunction(fn: IntrinsicFunction | undefined, name: string, args: Json[], context: CallContext): Json {
  if (!fn) throw new IntrinsicError(`Unknown function '${name}'`);
  const declared = fn.args;
  const required = declared.length - (fn.optional ?? 0);
  if (args.length < required || (!fn.rest && args.length > declared.length)) {
    throw new IntrinsicError(`Expected ${fn.optional ? `${required} to ${declared.length}` : declared.length}${fn.rest ? ' or more' : ''} arguments but received ${args.length}`);
  }
  for (let i = 0; i < args.length; i++) {
    const t = i < declared.length ? declared[i]! : fn.rest!;
    const v = args[i]!;
    if (!matches(t, v)) throw new IntrinsicError(`Argument ${i + 1} of ${name} must be ${t === 'integer' ? 'an integer' : t === 'array' || t === 'object' || t === 'any' ? `an ${t}` : `a ${t}`}, but was ${typeOf(v)}: ${JSON.stringify(v)}`);
  }
  return fn.run(args, context);
}
