/**
 * `$string` as AWS evaluates it. jsonata-js 2.0.6 rounds every number to 15 significant digits
 * before writing it; AWS rounds only numbers with a fraction, and writes a whole number as its
 * shortest round-trip digits (JSON's own form: in full below 1e21, exponent notation from there):
 * `$string(9223372036854775808)` is "9223372036854776000", `$string(1e20)` is
 * "100000000000000000000" (floci-io/floci#2669 and #2683, measured on AWS). jsonata-js 2.2 writes
 * numbers the same way. Nested numbers follow the same rule.
 */
export function awsString(arg: unknown, prettify: unknown = false): string | undefined {
  if (arg === undefined) return undefined;
  if (typeof arg === 'string') return arg;
  if (isFunction(arg)) return '';
  // jsonata's own error for a number JSON cannot write.
  if (typeof arg === 'number' && !Number.isFinite(arg)) throw { code: 'D3001', value: arg, stack: new Error().stack };
  // A singleton sequence jsonata wrapped around a top-level array is written as that array.
  if (Array.isArray(arg) && (arg as { outerWrapper?: boolean }).outerWrapper) arg = arg[0];
  return JSON.stringify(arg, numberReplacer, prettify ? 2 : 0);
}

function numberReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return value;
    if (!Number.isFinite(value)) throw { code: 'D1001', value, stack: new Error().stack };
    return Number.isInteger(value) ? value : Number(value.toPrecision(15));
  }
  return isFunction(value) ? '' : value;
}

/** jsonata's test for a function value: a native or lambda function object, or a JavaScript function. */
function isFunction(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (value === null || typeof value !== 'object') return false;
  const f = value as { _jsonata_function?: unknown; _jsonata_lambda?: unknown };
  return f._jsonata_function === true || f._jsonata_lambda === true;
}
