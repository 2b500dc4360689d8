import { jsonataLib } from './jsonata-lib';
import type { RandomSource } from '../scope';
import { AwsJsonataFunctions, signatureError } from './aws-functions';
import { degeneratePictureError } from './format-number-picture';
import { InternalEvaluationError } from './internal-evaluation-error';
import { awsString } from './string-function';

/** A native function as jsonata-js represents one; `signature` is its parsed signature, if any. */
interface JsonataFunctionObject {
  _jsonata_function: true;
  implementation: (this: unknown, ...args: unknown[]) => unknown;
  signature?: unknown;
}

export interface FunctionContext {
  random: RandomSource;
  /** Epoch millis that `$now()` / `$millis()` report. */
  nowMillis: number;
}

/** jsonata-js's own `$now`/`$fromMillis`, fetched once: their parsed signatures and the formatter are reused. */
type Builtin = 'now' | 'millis' | 'fromMillis' | 'formatNumber' | 'shuffle' | 'base64decode' | 'string';
let builtins: Promise<Record<Builtin, JsonataFunctionObject>> | undefined;
function jsonataBuiltins() {
  builtins ??= jsonataLib()(
    '{"now": $now, "millis": $millis, "fromMillis": $fromMillis, "formatNumber": $formatNumber, "shuffle": $shuffle, "base64decode": $base64decode, "string": $string}',
  ).evaluate(undefined);
  return builtins;
}

/** jsonata-js's inside-out Fisher-Yates, drawing from the execution's random source, not Math.random. */
function shuffle(array: unknown[], random: RandomSource): unknown[] {
  if (array.length <= 1) return array;
  const result = new Array<unknown>(array.length);
  for (let i = 0; i < array.length; i++) {
    const j = Math.floor(random.next() * (i + 1));
    if (i !== j) result[i] = result[j];
    result[j] = array[i];
  }
  return result;
}

/**
 * `$base64decode` as a browser's atob decodes: jsonata-js on Node reads any text through Buffer and
 * answers garbage for text that is not base64, where AWS fails the state with an internal error
 * (floci-io/floci#2736, measured: `$base64decode("!!!")`).
 */
function base64decode(text: unknown): unknown {
  if (text === undefined) return undefined;
  try {
    return atob(text as string);
  } catch {
    throw new InternalEvaluationError();
  }
}

function awsFunction(name: string, context: FunctionContext): JsonataFunctionObject | undefined {
  const definition = AwsJsonataFunctions[name];
  if (!definition) return undefined;
  return {
    _jsonata_function: true,
    implementation(...args: unknown[]) {
      const surplus = args.findIndex((arg, i) => i >= definition.maxArguments && arg !== undefined);
      if (surplus >= 0) throw signatureError(name, surplus + 1);
      return definition.implement(args, context);
    },
  };
}

/**
 * Bindings for the functions an expression names that differ from stock jsonata-js: AWS's six,
 * `$eval` (absent on AWS, so a call fails with T1006 "Attempted to invoke a non-function"),
 * `$now()`/`$millis()`, pinned to `context.nowMillis` because the engine has no clock, and
 * `$shuffle`, drawing from the execution's random source, `$formatNumber`, which answers
 * AWS's error where jsonata-js crashes on a digitless picture, and `$base64decode`, which refuses
 * text that is not base64 as AWS does, and `$string`, which writes whole numbers in full as AWS does.
 */
export async function functionBindings(names: readonly string[], context: FunctionContext): Promise<Record<string, unknown>> {
  const bound: Record<string, unknown> = {};
  for (const name of names) {
    const aws = awsFunction(name, context);
    if (aws) {
      bound[name] = aws;
    } else if (name === 'eval') {
      bound.eval = undefined;
    } else if (name === 'shuffle') {
      const stock = (await jsonataBuiltins()).shuffle;
      bound.shuffle = {
        _jsonata_function: true,
        signature: stock.signature,
        implementation: (array: unknown) => (array === undefined ? undefined : shuffle(array as unknown[], context.random)),
      };
    } else if (name === 'base64decode') {
      const stock = (await jsonataBuiltins()).base64decode;
      bound.base64decode = { _jsonata_function: true, signature: stock.signature, implementation: base64decode };
    } else if (name === 'string') {
      const stock = (await jsonataBuiltins()).string;
      bound.string = { _jsonata_function: true, signature: stock.signature, implementation: awsString };
    } else if (name === 'formatNumber') {
      const stock = (await jsonataBuiltins()).formatNumber;
      bound.formatNumber = {
        _jsonata_function: true,
        signature: stock.signature,
        implementation(this: unknown, value: unknown, picture: unknown, options: unknown) {
          const code = typeof picture === 'string' ? degeneratePictureError(picture, options as Record<string, unknown>) : undefined;
          if (value !== undefined && code) throw { code };
          return stock.implementation.call(this, value, picture, options);
        },
      };
    } else if (name === 'now' || name === 'millis') {
      const stock = await jsonataBuiltins();
      bound[name] =
        name === 'millis'
          ? { _jsonata_function: true, implementation: () => context.nowMillis, signature: stock.millis.signature }
          : {
              _jsonata_function: true,
              signature: stock.now.signature,
              implementation(this: unknown, picture?: unknown, timezone?: unknown) {
                return stock.fromMillis.implementation.call(this, context.nowMillis, picture, timezone);
              },
            };
    }
  }
  return bound;
}
