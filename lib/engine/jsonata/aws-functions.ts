import { createHash } from 'node:crypto';
import type { RandomSource } from '../scope';
import { MEMORY_LIMIT_MESSAGE } from './evaluation-bounds';
import { javaRandomFirstDouble } from './java-random';
import { parseStrictJson } from './strict-json';

/**
 * The functions Step Functions adds to JSONata, declared as data. Behaviours beyond the AWS page
 * (undefined vs error for odd arguments, rounding towards zero, the single-element `$range`) were
 * measured on AWS by floci-io/floci (docs/services/step-functions.md, JsonataEvaluator).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html#jsonata-functions-provided-by-sfn
 */
export interface AwsJsonataFunction {
  /** AWS's documented call shape, for readers. */
  readonly signature: string;
  /** More arguments than this fails with T0410 naming the first surplus one. */
  readonly maxArguments: number;
  /** Returns undefined where AWS answers nothing; throws a JSONata error object where AWS fails. */
  readonly implement: (args: readonly unknown[], context: AwsFunctionContext) => unknown;
}

export interface AwsFunctionContext {
  readonly random: RandomSource;
}

/** AWS's own bound on `$range`, checked before allocating: 360,145 elements pass, one more fails. */
export const MAX_RANGE_ELEMENTS = 360_145;
const HASH_ALGORITHMS: Readonly<Record<string, string>> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

/** jsonata-js renders these objects into "T0410: Argument 2 of function "range" does not match function signature". */
export function signatureError(functionName: string, argumentNumber: number): object {
  return { code: 'T0410', index: argumentNumber, token: functionName };
}

function dynamicError(message: string): object {
  return { code: 'D3137', message };
}

const LONG_MAX = 2 ** 63 - 1;
const LONG_MIN = -(2 ** 63);

/**
 * AWS truncates a non-integer argument towards zero (-1.7 is -1, 2.9 is 2), as Java's cast to long
 * does: NaN becomes 0 and an infinity the nearest long.
 */
function towardsZero(value: unknown, functionName: string, argumentNumber: number): number {
  if (typeof value !== 'number') throw signatureError(functionName, argumentNumber);
  if (Number.isNaN(value)) return 0;
  return Math.min(LONG_MAX, Math.max(LONG_MIN, Math.trunc(value)));
}

function partition(args: readonly unknown[]): unknown {
  const [array, size] = args;
  if (array === undefined) return undefined;
  // AWS's own wording, type placeholder unfilled ("... must be an array of undefined").
  if (!Array.isArray(array)) throw { code: 'T0412', index: 1, token: 'partition', type: undefined };
  if (array.length === 0) return undefined;
  if (size === undefined) return [[...array]];
  const chunk = towardsZero(size, 'partition', 2);
  if (chunk < 0) throw dynamicError('Second argument must be zero or greater');
  if (chunk === 0) return undefined;
  const chunks: unknown[][] = [];
  for (let i = 0; i < array.length; i += chunk) chunks.push(array.slice(i, i + chunk));
  return chunks;
}

function range(args: readonly unknown[]): unknown {
  const start = towardsZero(args[0], 'range', 1);
  const end = towardsZero(args[1], 'range', 2);
  if (args[2] === undefined) return undefined;
  const step = towardsZero(args[2], 'range', 3);
  if (step === 0 || (step > 0 && start > end) || (step < 0 && start < end)) return undefined;
  const count = Math.floor((end - start) / step) + 1;
  if (count > MAX_RANGE_ELEMENTS) throw { message: MEMORY_LIMIT_MESSAGE };
  // AWS answers a one-element range with the bare number.
  if (count === 1) return start;
  const values: number[] = [];
  for (let i = 0; i < count; i++) values.push(start + i * step);
  return values;
}

function hash(args: readonly unknown[]): unknown {
  const [value, algorithm] = args;
  if (typeof value !== 'string') throw signatureError('hash', 1);
  if (algorithm === undefined) return undefined;
  if (typeof algorithm !== 'string') throw signatureError('hash', 2);
  const nodeName = HASH_ALGORITHMS[algorithm];
  if (!nodeName) throw dynamicError(`Hash algorithm '${algorithm}' must be one of SHA-1, SHA-384, SHA-256, SHA-512, MD5`);
  return createHash(nodeName).update(value, 'utf8').digest('hex');
}

function parse(args: readonly unknown[]): unknown {
  const [text] = args;
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw signatureError('parse', 1);
  const parsed = parseStrictJson(text);
  if (!parsed.ok) throw dynamicError('Invalid JSON');
  return parsed.value;
}

export const AwsJsonataFunctions: Readonly<Record<string, AwsJsonataFunction>> = {
  partition: { signature: '$partition(array, chunkSize)', maxArguments: 2, implement: partition },
  range: { signature: '$range(start, end, step)', maxArguments: 3, implement: range },
  hash: { signature: '$hash(value, algorithm)', maxArguments: 2, implement: hash },
  random: {
    signature: '$random([seed])',
    maxArguments: 1,
    // Unseeded: the execution's random source. Seeded: java.util.Random, as on AWS.
    implement: (args, context) =>
      args[0] === undefined ? context.random.next() : javaRandomFirstDouble(towardsZero(args[0], 'random', 1)),
  },
  uuid: { signature: '$uuid()', maxArguments: 0, implement: (_args, context) => context.random.uuid() },
  parse: { signature: '$parse(jsonString)', maxArguments: 1, implement: parse },
};
