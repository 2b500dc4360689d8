import { nestingDepthProblem } from '../../engine/core/json-nesting';

/**
 * Why a text is not a JSON document, in the words of Jackson (the parser behind Step Functions),
 * or undefined when it is one. AWS quotes this text inside InvalidExecutionInput and InvalidOutput,
 * e.g. "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null',
 * 'true' or 'false')". Only failing texts are scanned; valid ones cost one JSON.parse.
 */
export function jsonProblem(text: string): string | undefined {
  try {
    JSON.parse(text);
    return nestingDepthProblem(text);
  } catch {
    return new Scanner(text).problem() ?? 'Invalid JSON';
  }
}

const EXPECTED_VALUE = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

class Problem {
  constructor(readonly message: string) {}
}

function describe(code: number): string {
  if (code < 32) return `(CTRL-CHAR, code ${code})`;
  const ch = String.fromCodePoint(code);
  return code > 255 ? `'${ch}' (code ${code} / 0x${code.toString(16)})` : `'${ch}' (code ${code})`;
}

class Scanner {
  private i = 0;
  constructor(private readonly text: string) {}

  problem(): string | undefined {
    try {
      this.skipSpace();
      if (this.i >= this.text.length) return 'No content to map due to end-of-input';
      this.value();
      this.skipSpace();
      if (this.i < this.text.length) this.fail(`Unexpected character (${this.here()}): expected end-of-input`);
      return undefined;
    } catch (err) {
      if (err instanceof Problem) return err.message;
      throw err;
    }
  }

  private fail(message: string): never {
    throw new Problem(message);
  }

  private here(): string {
    return describe(this.text.codePointAt(this.i)!);
  }

  private skipSpace(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i])) this.i++;
  }

  private endOfInput(what: string): never {
    this.fail(`Unexpected end-of-input: ${what}`);
  }

  private value(): void {
    this.skipSpace();
    const ch = this.text[this.i];
    if (ch === undefined) this.endOfInput('expected a value');
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return this.number();
    if (/[A-Za-z_$]/.test(ch)) return this.word();
    this.fail(`Unexpected character (${this.here()}): expected a valid value ${EXPECTED_VALUE}`);
  }

  private word(): void {
    const match = /^[A-Za-z0-9_$]+/.exec(this.text.slice(this.i))![0];
    if (match !== 'true' && match !== 'false' && match !== 'null') this.fail(`Unrecognized token '${match}': was expecting ${EXPECTED_VALUE}`);
    this.i += match.length;
  }

  private object(): void {
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === '}') return void this.i++;
    for (;;) {
      this.skipSpace();
      if (this.i >= this.text.length) this.endOfInput('expected close marker for Object');
      if (this.text[this.i] !== '"') this.fail(`Unexpected character (${this.here()}): was expecting double-quote to start field name`);
      this.string();
      this.skipSpace();
      if (this.i >= this.text.length) this.endOfInput('expected close marker for Object');
      if (this.text[this.i] !== ':') this.fail(`Unexpected character (${this.here()}): was expecting a colon to separate field name and value`);
      this.i++;
      this.value();
      this.skipSpace();
      if (this.i >= this.text.length) this.endOfInput('expected close marker for Object');
      if (this.text[this.i] === '}') return void this.i++;
      if (this.text[this.i] !== ',') this.fail(`Unexpected character (${this.here()}): was expecting comma to separate Object entries`);
      this.i++;
    }
  }

  private array(): void {
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === ']') return void this.i++;
    for (;;) {
      if (this.i >= this.text.length) this.endOfInput('expected close marker for Array');
      this.value();
      this.skipSpace();
      if (this.i >= this.text.length) this.endOfInput('expected close marker for Array');
      if (this.text[this.i] === ']') return void this.i++;
      if (this.text[this.i] !== ',') this.fail(`Unexpected character (${this.here()}): was expecting comma to separate Array entries`);
      this.i++;
    }
  }

  private string(): void {
    this.i++;
    for (;;) {
      if (this.i >= this.text.length) this.endOfInput('was expecting closing quote for a string value');
      const code = this.text.charCodeAt(this.i);
      if (code === 0x22) return void this.i++;
      if (code < 32) this.fail(`Illegal unquoted character (${describe(code)}): has to be escaped using backslash to be included in string value`);
      if (code === 0x5c) {
        const next = this.text[this.i + 1];
        if (next === undefined) this.endOfInput('was expecting closing quote for a string value');
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}/.test(this.text.slice(this.i + 2, this.i + 6))) this.fail('Unexpected character in unicode escape: expected a hex-digit for character escape sequence');
          this.i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(next)) this.fail(`Unrecognized character escape ${describe(next.codePointAt(0)!)}`);
        this.i += 2;
        continue;
      }
      this.i++;
    }
  }

  private number(): void {
    const rest = this.text.slice(this.i);
    if (/^-?0\d/.test(rest)) this.fail('Invalid numeric value: Leading zeroes not allowed');
    const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (!match) {
      this.i++;
      if (this.i >= this.text.length) this.endOfInput('expected digit (0-9) to follow minus sign, for valid numeric value');
      this.fail(`Unexpected character (${this.here()}): expected digit (0-9) to follow minus sign, for valid numeric value`);
    }
    this.i += match[0].length;
    const after = this.text[this.i];
    if (after === '.' || after === 'e' || after === 'E') {
      this.i++;
      if (this.i >= this.text.length) this.endOfInput('expected a digit for number exponent or fraction');
      this.fail(`Unexpected character (${this.here()}): Decimal point or exponent not followed by a digit`);
    }
  }
}
