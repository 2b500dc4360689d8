import { javaDouble } from '../../lib/api/protocol/java-double';
import { toWireJson } from '../../lib/api/protocol/wire-json';
import { jsonProblem } from '../../lib/api/validation/json-problem';

describe('javaDouble: numbers as Java prints them', () => {
  test.each([
    [1686509515.191, '1.686509515191E9'],
    [1700000000, '1.7E9'],
    [2000000000, '2.0E9'],
    [1704164645.678, '1.704164645678E9'],
    [1e7, '1.0E7'],
    [9999999.5, '9999999.5'],
    [12345, '12345.0'],
    [0.001, '0.001'],
    [0.0001, '1.0E-4'],
    [1.5e-7, '1.5E-7'],
    [0, '0.0'],
    [-0, '-0.0'],
    [-1686509515.191, '-1.686509515191E9'],
    [1.2345678901234568e21, '1.2345678901234568E21'],
  ])('%p → %s', (n, text) => {
    expect(javaDouble(n)).toBe(text);
  });

  test('each written value reads back as the same number', () => {
    for (let ms = 1_600_000_000_000; ms < 1_600_000_000_000 + 5000; ms += 7) expect(Number(javaDouble(ms / 1000))).toBe(ms / 1000);
  });
});

describe('toWireJson', () => {
  test('Dates anywhere become bare epoch-second numbers; other values are plain JSON', () => {
    const text = toWireJson({ a: new Date(1686509515191), list: [{ at: new Date(0) }, { at: new Date(1500) }], s: 'x', n: 1.5, missing: undefined });
    expect(text).toBe('{"a":1.686509515191E9,"list":[{"at":0.0},{"at":1.5}],"s":"x","n":1.5}');
    expect(JSON.parse(text)).toEqual({ a: 1686509515.191, list: [{ at: 0 }, { at: 1.5 }], s: 'x', n: 1.5 });
  });

  test('strings that look like the internal marks pass through untouched', () => {
    const sneaky = { s: '\u0000abc:1.0E9', t: '"\\u0000' };
    expect(JSON.parse(toWireJson(sneaky))).toEqual(sneaky);
  });
});

describe('jsonProblem', () => {
  test.each(['{}', '[]', '0', '-1.5e+3', '"\\ud83d\\ude00"', '{"a":{"b":[true,false,null]}}', ' \n\t{}\r\n'])('%j is JSON', (text) => {
    expect(jsonProblem(text)).toBeUndefined();
  });

  test.each([
    ['   ', 'No content to map due to end-of-input'],
    ['{} x', "Unexpected character ('x' (code 120)): expected end-of-input"],
    ['tru', "Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"],
    ['NaN', "Unrecognized token 'NaN': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"],
    ['[1,', 'Unexpected end-of-input: expected close marker for Array'],
    ['[', 'Unexpected end-of-input: expected close marker for Array'],
    ['{"a"', 'Unexpected end-of-input: expected close marker for Object'],
    ['-', 'Unexpected end-of-input: expected digit (0-9) to follow minus sign, for valid numeric value'],
    ['-x', "Unexpected character ('x' (code 120)): expected digit (0-9) to follow minus sign, for valid numeric value"],
    ['1.', 'Unexpected end-of-input: expected a digit for number exponent or fraction'],
    ['"\\u12g4"', 'Unexpected character in unicode escape: expected a hex-digit for character escape sequence'],
    ['{,}', "Unexpected character (',' (code 44)): was expecting double-quote to start field name"],
    ['[,]', "Unexpected character (',' (code 44)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"],
    ['["é" "ü"]', "Unexpected character ('\"' (code 34)): was expecting comma to separate Array entries"],
    ['[1 €]', "Unexpected character ('€' (code 8364 / 0x20ac)): was expecting comma to separate Array entries"],
  ])('%j: %s', (text, problem) => {
    expect(jsonProblem(text)).toBe(problem);
  });
});
