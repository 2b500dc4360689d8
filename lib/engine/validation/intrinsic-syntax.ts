import { isJsonPath } from './json-path-syntax';

/** The intrinsic functions AWS offers. @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html */
export const IntrinsicFunctions = new Set([
  'States.Format', 'States.StringToJson', 'States.JsonToString', 'States.Array', 'States.ArrayPartition',
  'States.ArrayContains', 'States.ArrayRange', 'States.ArrayGetItem', 'States.ArrayLength', 'States.ArrayUnique',
  'States.Base64Encode', 'States.Base64Decode', 'States.Hash', 'States.JsonMerge', 'States.MathRandom',
  'States.MathAdd', 'States.StringSplit', 'States.UUID',
]);

/** True when `text` is one well-formed call of a known intrinsic, arguments included. */
export function isIntrinsicCall(text: string): boolean {
  const parser = new Parser(text.trim());
  return parser.call() && parser.atEnd();
}

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos === this.text.length;
  }

  private skip(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }

  call(): boolean {
    const name = /^States\.[A-Za-z0-9]+/.exec(this.text.slice(this.pos));
    if (!name || !IntrinsicFunctions.has(name[0])) return false;
    this.pos += name[0].length;
    if (this.text[this.pos] !== '(') return false;
    this.pos++;
    this.skip();
    if (this.text[this.pos] === ')') {
      this.pos++;
      return true;
    }
    for (;;) {
      this.skip();
      if (!this.argument()) return false;
      this.skip();
      const c = this.text[this.pos++];
      if (c === ')') return true;
      if (c !== ',') return false;
    }
  }

  private argument(): boolean {
    const rest = this.text.slice(this.pos);
    if (rest.startsWith('States.')) return this.call();
    if (rest.startsWith("'")) {
      const literal = /^'(?:[^'\\]|\\.)*'/.exec(rest);
      if (!literal) return false;
      this.pos += literal[0].length;
      return true;
    }
    const scalar = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)(?=[\s,)])/.exec(rest);
    if (scalar) {
      this.pos += scalar[0].length;
      return true;
    }
    if (rest.startsWith('$')) {
      const end = pathEnd(rest);
      if (!isJsonPath(rest.slice(0, end))) return false;
      this.pos += end;
      return true;
    }
    return false;
  }
}

/** Where a path argument ends: the first top-level ',' or ')' outside brackets and quotes. */
function pathEnd(text: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') {
      if (depth === 0) return i;
      depth--;
    } else if (c === ',' && depth === 0) return i;
  }
  return text.length;
}
