import type { Json } from '../../asl';

/** An intrinsic call as written: `States.Format('{}', $.a, States.UUID())`. */
export type IntrinsicArg =
  /**
   * `pieces`: a string literal split at its unescaped `{}` (States.Format's placeholders);
   * `braceError`: the first unescaped brace that is not half of a `{}`, as States.Format reports it.
   */
  | { k: 'literal'; value: Json; pieces?: string[]; braceError?: string }
  | { k: 'path'; path: string }
  | { k: 'call'; call: IntrinsicCall };

export interface IntrinsicCall {
  name: string;
  args: IntrinsicArg[];
}

export class IntrinsicSyntaxError extends Error {}

const cache = new Map<string, IntrinsicCall>();

/** The characters a backslash escapes inside a quoted literal. */
const ESCAPABLE = `'{}\\"`;

export function isIntrinsic(text: string): boolean {
  return /^\s*States\.[A-Za-z0-9]+\s*\(/.test(text);
}

export function parseIntrinsic(text: string): IntrinsicCall {
  let parsed = cache.get(text);
  if (!parsed) {
    const p = new Parser(text);
    parsed = p.call();
    p.skipSpace();
    if (p.i !== text.length) throw new IntrinsicSyntaxError(`unexpected text after the call: ${text.slice(p.i)}`);
    if (cache.size > 10_000) cache.clear();
    cache.set(text, parsed);
  }
  return parsed;
}

class Parser {
  i = 0;
  constructor(readonly s: string) {}

  skipSpace(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  call(): IntrinsicCall {
    this.skipSpace();
    const m = /^States\.[A-Za-z0-9]+/.exec(this.s.slice(this.i));
    if (!m) throw new IntrinsicSyntaxError(`expected States.<Function>( at ${this.i}`);
    this.i += m[0].length;
    this.skipSpace();
    if (this.s[this.i] !== '(') throw new IntrinsicSyntaxError(`expected ( after ${m[0]}`);
    this.i++;
    const args: IntrinsicArg[] = [];
    this.skipSpace();
    if (this.s[this.i] === ')') {
      this.i++;
      return { name: m[0], args };
    }
    for (;;) {
      args.push(this.arg());
      this.skipSpace();
      const c = this.s[this.i++];
      if (c === ')') return { name: m[0], args };
      if (c !== ',') throw new IntrinsicSyntaxError(`expected , or ) in ${this.s}`);
    }
  }

  /**
   * A quoted literal. `\'`, `\{`, `\}` and `\\` stand for the character itself, and so does `\"`
   * (a literal `'{\"a\": \"b\"}'` parsed by States.StringToJson, localstack
   * test_json_manipulation.snapshot.json, recorded); any other backslash is an open escape, which
   * AWS refuses. An unescaped `{}` is a Format placeholder.
   * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#amazon-states-language-intrinsic-functions-escapes
   */
  stringLiteral(): IntrinsicArg {
    const pieces: string[] = [];
    let piece = '';
    let braceError: string | undefined;
    this.i++;
    for (;;) {
      if (this.i >= this.s.length) throw new IntrinsicSyntaxError(`unterminated string in ${this.s}`);
      const ch = this.s[this.i]!;
      if (ch === "'") break;
      if (ch === '\\') {
        const escaped = this.s[this.i + 1];
        if (escaped === undefined || !ESCAPABLE.includes(escaped)) throw new IntrinsicSyntaxError(`open escape '\\' at ${this.i} in ${this.s}`);
        piece += escaped;
        this.i += 2;
      } else if (ch === '{' && this.s[this.i + 1] === '}') {
        pieces.push(piece);
        piece = '';
        this.i += 2;
      } else {
        if (ch === '{') braceError ??= "matching '}' not found for '{'.";
        else if (ch === '}') braceError ??= "matching '{' not found for '}'.";
        piece += ch;
        this.i++;
      }
    }
    this.i++;
    pieces.push(piece);
    const literal: IntrinsicArg = { k: 'literal', value: pieces.join('{}'), pieces };
    if (braceError) literal.braceError = braceError;
    return literal;
  }

  arg(): IntrinsicArg {
    this.skipSpace();
    const c = this.s[this.i];
    if (c === "'") return this.stringLiteral();
    if (this.s.startsWith('States.', this.i)) return { k: 'call', call: this.call() };
    if (c === '$') {
      const start = this.i;
      let depth = 0;
      let quote: string | undefined;
      while (this.i < this.s.length) {
        const ch = this.s[this.i];
        if (quote) {
          if (ch === quote) quote = undefined;
        } else if (ch === "'" || ch === '"') quote = ch;
        else if (ch === '[' || ch === '(') depth++;
        else if (ch === ']' || ch === ')') {
          if (depth === 0) break;
          depth--;
        } else if (ch === ',' && depth === 0) break;
        this.i++;
      }
      return { k: 'path', path: this.s.slice(start, this.i).trim() };
    }
    const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(this.s.slice(this.i));
    if (!m) throw new IntrinsicSyntaxError(`unexpected argument at ${this.i} in ${this.s}`);
    this.i += m[0].length;
    return { k: 'literal', value: JSON.parse(m[0]) as Json };
  }
}
