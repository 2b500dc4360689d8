import { VARIABLE_NAME_SOURCE } from '../jsonpath/variable-name';

/**
 * JSONPath syntax as ASL accepts it, without evaluating anything. A reference path names one node
 * (`$.a.b`, `$['a b']`, `$.a[0]`); a general path may also select (`[*]`, `..`, filters, slices,
 * unions). Both may start at the input (`$`), the context object (`$$`) or a variable (`$name`).
 * @see https://states-language.net/spec.html#path
 */
const ROOT = String.raw`\$(?:\$|${VARIABLE_NAME_SOURCE})?`;
const NAME = String.raw`\.[^.\[\]\s'"()]+`;
const QUOTED = String.raw`\[(?:'(?:[^'\\]|\\.)+'|"(?:[^"\\]|\\.)+")\]`;
const INDEX = String.raw`\[\d+\]`;
const REFERENCE = new RegExp(`^${ROOT}(?:${NAME}|${QUOTED}|${INDEX})*$`, 'u');
const SELECTORS = [
  String.raw`\.\*`,
  String.raw`\[\*\]`,
  String.raw`\.\.(?:[^.\[\]\s'"()]+|\*)?`,
  String.raw`\[-?\d*:-?\d*(?::-?\d+)?\]`,
  String.raw`\[-?\d+(?:\s*,\s*-?\d+)+\]`,
  String.raw`\[(?:'[^']*'|"[^"]*")(?:\s*,\s*(?:'[^']*'|"[^"]*"))+\]`,
  String.raw`\[\?\(.+?\)\]`,
  String.raw`\[-\d+\]`,
  // Jayway's function calls (`.length()`, `.sum()`) parse, so AWS accepts the definition; they
  // match nothing when the path runs (an execution quoted on re:Post failed on `$.Jobs.sum()`).
  String.raw`\.[A-Za-z_][A-Za-z0-9_]*\([^()]*\)`,
];
const GENERAL = new RegExp(`^${ROOT}(?:${NAME}|${QUOTED}|${INDEX}|${SELECTORS.join('|')})*$`, 'u');

/** Jayway reads `$.[...]` as `$[...]` (a recorded AWS test uses `$.[?(@.year <= 1998)]`). */
const dotBracket = (path: string) => path.replace(/\.(?=\[)/g, '');

export function isReferencePath(path: string): boolean {
  return REFERENCE.test(dotBracket(path));
}

export function isJsonPath(path: string): boolean {
  return GENERAL.test(dotBracket(path));
}
