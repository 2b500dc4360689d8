import type { Json, JsonObject } from '../../asl';
import { excessNesting, nestingDepthMessage } from '../core/json-nesting';

/** A JSON syntax error worded as AWS's parser (Jackson) words it. */
export interface JsonSyntaxError {
  message: string;
  /** `[Source: (String)"..."; line: L, column: C]`, what AWS puts in the diagnostic's location. */
  location: string;
}

export type ParseJsonResult = { ok: true; value: Json | undefined } | { ok: false; error: JsonSyntaxError };

/** Jackson quotes at most this many characters of the source in a location. */
const SOURCE_QUOTE_LIMIT = 500;
const EXPECTED_VALUE = "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

class SyntaxFailure {
  constructor(readonly message: string, readonly offset: number) {}
}

/**
 * Parses JSON text as AWS does: Jackson's `readTree`, so the first value is read and anything after
 * it is ignored, and blank text is "no value" (undefined) rather than an error. Error texts and the
 * `line`/`column` convention (1-based, counted after the offending character) follow Jackson, as
 * recorded on AWS: `Unrecognized token 'not': ...` at column 4 for "not a definition".
 */
export function parseJson(text: string): ParseJsonResult {
  const reader = new Reader(text);
  try {
    // The reader recurses: a document past Jackson's nesting limit is refused before it is read.
    const excess = excessNesting(text);
    if (excess) throw new SyntaxFailure(nestingDepthMessage(excess.depth), excess.offset + 1);
    reader.skipWhitespace();
    if (reader.atEnd()) return { ok: true, value: undefined };
    return { ok: true, value: reader.value() };
  } catch (e) {
    if (!(e instanceof SyntaxFailure)) throw e;
    const location = sourceLocation(text, e.offset);
    return { ok: false, error: { message: `${e.message}\n at ${location}`, location } };
  }
}

function sourceLocation(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  const quoted =
    text.length > SOURCE_QUOTE_LIMIT
      ? `"${text.slice(0, SOURCE_QUOTE_LIMIT)}"[truncated ${text.length - SOURCE_QUOTE_LIMIT} chars]`
      : `"${text}"`;
  return `[Source: (String)${quoted}; line: ${line}, column: ${offset - lineStart + 1}]`;
}

function describeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code < 32 ? `(CTRL-CHAR, code ${code})` : `('${c}' (code ${code}))`;
}

class Reader {
  private pos = 0;
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  skipWhitespace(): void {
    while (!this.atEnd() && ' \t\r\n'.includes(this.text[this.pos])) this.pos++;
  }

  /** Fails at the character just consumed, as Jackson reports it. */
  private unexpected(what: string): never {
    const c = this.text[this.pos];
    throw new SyntaxFailure(`Unexpected character ${describeChar(c)}: ${what}`, this.pos + 1);
  }

  private endOfInput(what: string): never {
    throw new SyntaxFailure(`Unexpected end-of-input: ${what}`, this.pos);
  }

  value(): Json {
    this.skipWhitespace();
    if (this.atEnd()) this.endOfInput('expected a value');
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    if (/[A-Za-z_$]/.test(c)) return this.keyword();
    return this.unexpected('expected a value');
  }

  private closeMarker(kind: 'Object' | 'Array', start: number): never {
    // Jackson gives the marker token's own column, not the one after it.
    const at = sourceLocation(this.text, start);
    return this.endOfInput(`expected close marker for ${kind} (start marker at ${at})`);
  }

  private object(): JsonObject {
    const start = this.pos++;
    const result: JsonObject = {};
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.atEnd()) this.closeMarker('Object', start);
      if (this.text[this.pos] !== '"') this.unexpected('was expecting double-quote to start field name');
      const key = this.string();
      this.skipWhitespace();
      if (this.atEnd()) this.closeMarker('Object', start);
      if (this.text[this.pos] !== ':') this.unexpected('was expecting a colon to separate field name and value');
      this.pos++;
      this.skipWhitespace();
      if (this.atEnd()) this.closeMarker('Object', start);
      result[key] = this.value();
      this.skipWhitespace();
      if (this.atEnd()) this.closeMarker('Object', start);
      const c = this.text[this.pos];
      if (c === '}') {
        this.pos++;
        return result;
      }
      if (c !== ',') this.unexpected('was expecting comma to separate Object entries');
      this.pos++;
    }
  }

  private array(): Json[] {
    const start = this.pos++;
    const result: Json[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.atEnd()) this.closeMarker('Array', start);
      result.push(this.value());
      this.skipWhitespace();
      if (this.atEnd()) this.closeMarker('Array', start);
      const c = this.text[this.pos];
      if (c === ']') {
        this.pos++;
        return result;
      }
      if (c !== ',') this.unexpected('was expecting comma to separate Array entries');
      this.pos++;
    }
  }

  private string(): string {
    this.pos++;
    let out = '';
    for (;;) {
      if (this.atEnd()) this.endOfInput('was expecting closing quote for a string value');
      const c = this.text[this.pos];
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c.charCodeAt(0) < 32) {
        throw new SyntaxFailure(
          `Illegal unquoted character (${describeChar(c).slice(1, -1)}): has to be escaped using backslash to be included in string value`,
          this.pos + 1,
        );
      }
      if (c !== '\\') {
        out += c;
        this.pos++;
        continue;
      }
      this.pos++;
      if (this.atEnd()) this.endOfInput('was expecting closing quote for a string value');
      const e = this.text[this.pos];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e in simple) {
        out += simple[e];
        this.pos++;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 1, this.pos + 5))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.pos + 1, this.pos + 5), 16));
        this.pos += 5;
      } else {
        throw new SyntaxFailure(`Unrecognized character escape ${describeChar(e)}`, this.pos + 1);
      }
    }
  }

  private number(): number {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.pos));
    if (!match || match[0] === '-') {
      this.pos++;
      return this.unexpected('expected digit (0-9) to follow minus sign, for valid numeric value');
    }
    if (match[1] === '0' && /[0-9]/.test(this.text[this.pos + match[0].length] ?? '')) {
      throw new SyntaxFailure('Invalid numeric value: Leading zeroes not allowed', this.pos + match[0].length + 1);
    }
    this.pos += match[0].length;
    return Number(match[0]);
  }

  /** `true`, `false`, `null`; any other bare word is Jackson's "Unrecognized token". */
  private keyword(): Json {
    const word = /^[A-Za-z0-9_$]+/.exec(this.text.slice(this.pos))![0];
    this.pos += word.length;
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    throw new SyntaxFailure(`Unrecognized token '${word}': ${EXPECTED_VALUE}`, this.pos);
  }
}
