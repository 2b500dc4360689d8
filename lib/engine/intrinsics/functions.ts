import { createHash } from 'node:crypto';
import type { Json, JsonObject } from '../../asl';
import { JavaRandom } from '../jsonata/java-random';
import type { RandomSource } from '../scope';
import { javaHashSetOrder } from './java-hash-set';
import { lenientBase64Decode } from './lenient-base64';

/**
 * The States.* intrinsic functions: each one's argument signature as data, and its behaviour.
 * A function throws IntrinsicError with the detail AWS appends after "had the following error: ".
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */

export class IntrinsicError extends Error {}

/**
 * An argument a function refuses. AWS's detail for it is "Invalid arguments in <function>": a
 * non-number to States.MathAdd (a test run against AWS asserting it), a non-string to
 * States.StringToJson (a user's AWS execution), a zero step, 1001 items or a string to
 * States.ArrayRange and a chunk size below 1 or a string to States.ArrayPartition (an
 * AWS-executed intrinsic conformance suite, tests/support/conformance/intrinsicCases, measured).
 */
class InvalidArguments extends Error {}
const invalid = (): InvalidArguments => new InvalidArguments();

type ArgType = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'any';

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
  /** What is wrong with a literal template's braces, if anything (see templateBraceError). */
  templateError?: string;
}

/**
 * A brace in a template that is not half of `{}` (nor escaped, in a literal) makes the template
 * invalid: AWS failed `'... \\{ "name": "Bob" \\}'` at run time with "Invalid template in
 * States.Format: matching '}' not found for '{'." (aws/aws-cdk#29261, measured), and fails
 * 'Hello {', 'Hello {{}}' and '}' (the AWS-executed conformance suite; the lone '}' text mirrors it,
 * unverified). The first offending brace names the error.
 */
export function templateBraceError(pieces: readonly string[]): string | undefined {
  for (const piece of pieces) {
    for (const ch of piece) {
      if (ch === '{') return "matching '}' not found for '{'.";
      if (ch === '}') return "matching '{' not found for '}'.";
    }
  }
  return undefined;
}

const typeOf = (v: Json): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function matches(t: ArgType, v: Json): boolean {
  switch (t) {
    case 'any':
      return true;
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeOf(v) === 'object';
    default:
      return typeof v === t;
  }
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

/** States.MathAdd rounds a non-integer argument to the nearest integer, halves up as Java's Math.round. */
const rounded = (v: Json): number => Math.round(v as number);

/**
 * The other functions that take integers drop the fraction, as Java's (int) cast: on AWS
 * States.ArrayRange(1.6, 1.4, 1) is [1], ArrayPartition with 2.6 makes chunks of 2, ArrayGetItem
 * with 1.2 reads index 1 and MathRandom(1.4, 1.6) is refused (the AWS-executed conformance suite).
 */
const truncated = (v: Json): number => Math.trunc(v as number);

const isJavaInt = (n: number): boolean => n >= -2147483648 && n <= 2147483647;

/**
 * How States.ArrayContains compares: by text, a string as itself and anything else as its compact
 * JSON. On AWS true is found among ['true'], 9007199254740991 among its digits as a string, and
 * {a:1, b:2} is not {b:2, a:1} (the AWS-executed conformance suite, States.ArrayContains.ts).
 */
const containsKey = (v: Json): string => (typeof v === 'string' ? v : JSON.stringify(v));

const HASH_ALGORITHMS: Record<string, string> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };


export const IntrinsicFunctions: Record<string, IntrinsicFunction> = {
  'States.Format': {
    args: ['string'],
    rest: 'any',
    run([template, ...values], { templatePieces, templateError }) {
      const pieces = templatePieces ?? (template as string).split('{}');
      const braceError = templatePieces ? templateError : templateBraceError(pieces);
      if (braceError) throw new IntrinsicError(`Invalid template in States.Format: ${braceError}`);
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
        throw invalid();
      }
    },
  },
  'States.JsonToString': { args: ['any'], run: ([v]) => JSON.stringify(v) },
  'States.Array': { args: [], rest: 'any', run: (values) => values },
  'States.ArrayPartition': {
    args: ['array', 'number'],
    run([array, size]) {
      const n = truncated(size);
      if (n <= 0) throw invalid();
      const a = array as Json[];
      const out: Json[] = [];
      for (let i = 0; i < a.length; i += n) out.push(a.slice(i, i + n));
      return out;
    },
  },
  'States.ArrayContains': {
    args: ['array', 'any'],
    run([array, v]) {
      const key = containsKey(v);
      return (array as Json[]).some((x) => containsKey(x) === key);
    },
  },
  'States.ArrayRange': {
    args: ['number', 'number', 'number'],
    run([start, end, stepBy]) {
      const [a, b, s] = [truncated(start), truncated(end), truncated(stepBy)];
      if (s === 0) throw invalid();
      const out: number[] = [];
      for (let v = a; s > 0 ? v <= b : v >= b; v += s) {
        out.push(v);
        if (out.length > 1000) throw invalid();
      }
      return out;
    },
  },
  'States.ArrayGetItem': {
    args: ['array', 'number'],
    run([array, index]) {
      const a = array as Json[];
      const i = truncated(index);
      // An empty array gives null for any index: AWS returned { value: null } for index 999 of []
      // while index 3 of three items, or -1, fails (the AWS-executed conformance suite).
      if (a.length === 0 && i >= 0) return null;
      if (i < 0 || i >= a.length) throw invalid();
      return a[i];
    },
  },
  'States.ArrayLength': { args: ['array'], run: ([array]) => (array as Json[]).length },
  'States.ArrayUnique': { args: ['array'], run: ([array]) => javaHashSetOrder(array as Json[]) },
  'States.Base64Encode': {
    args: ['string'],
    run([s]) {
      if ((s as string).length > 10_000) throw invalid();
      return Buffer.from(s as string, 'utf8').toString('base64');
    },
  },
  'States.Base64Decode': {
    args: ['string'],
    run([s]) {
      const text = s as string;
      if (text.length > 10_000) throw invalid();
      return lenientBase64Decode(text);
    },
  },
  'States.Hash': {
    // Data that is not a string is hashed as its JSON text: AWS returns a digest for 123 and for
    // {} (the AWS-executed conformance suite; the text hashed is our reading). null is refused (unverified).
    args: ['any', 'string'],
    run([data, algorithm]) {
      if (data === null) throw invalid();
      const alg = Object.prototype.hasOwnProperty.call(HASH_ALGORITHMS, algorithm as string) ? HASH_ALGORITHMS[algorithm as string] : undefined;
      if (!alg) throw invalid();
      const text = typeof data === 'string' ? data : JSON.stringify(data);
      if (text.length > 10_000) throw invalid();
      return createHash(alg).update(text, 'utf8').digest('hex');
    },
  },
  'States.JsonMerge': {
    // Only `true` asks for the deep merge AWS refuses: a flag that is not a boolean ('false')
    // merges shallowly on AWS (the AWS-executed conformance suite, States.JsonMerge.ts; the
    // string 'true' is our reading).
    args: ['object', 'object', 'any'],
    run([a, b, deep]) {
      if (deep === true) throw invalid();
      return { ...(a as JsonObject), ...(b as JsonObject) };
    },
  },
  'States.MathRandom': {
    // Start inclusive, end exclusive; a seed draws from java.util.Random as the seeded JSONata
    // $random does (the seeded value is unverified on AWS).
    args: ['number', 'number', 'number'],
    optional: 1,
    run([start, end, seed], { random }) {
      const [a, b] = [truncated(start), truncated(end)];
      if (a >= b) throw invalid();
      if (seed !== undefined) return a + new JavaRandom(rounded(seed)).nextInt(b - a);
      return a + Math.floor(random.next() * (b - a));
    },
  },
  'States.MathAdd': {
    // Each argument is rounded before the sum: 1.49 + 1.5 is 3, -1.5 + -1.51 is -3 (localstack,
    // AWS-recorded). Operands and sum are Java ints: 2147483647 + 1 and 3000000000 + 1 are refused,
    // 2147483646 + 1 is not (the AWS-executed conformance suite, States.MathAdd.ts).
    args: ['number', 'number'],
    run([a, b]) {
      const sum = rounded(a) + rounded(b);
      if (![rounded(a), rounded(b), sum].every(isJavaInt)) throw invalid();
      return sum;
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
  /** AWS ignores any arguments given to States.UUID and still returns a v4 UUID (AWS-executed conformance suite, States.UUID.ts UUID-011..016). */
  'States.UUID': { args: [], rest: 'any', run: (_args, { random }) => random.uuid() },
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
    if (!matches(t, args[i]!)) throw new IntrinsicError(`Invalid arguments in ${name}`);
  }
  try {
    return fn.run(args, context);
  } catch (e) {
    if (e instanceof InvalidArguments) throw new IntrinsicError(`Invalid arguments in ${name}`);
    throw e;
  }
}
