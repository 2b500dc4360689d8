import type { Json } from '../../../lib/asl';
import { compileIntrinsic, evaluateIntrinsicCall, IntrinsicError, IntrinsicSyntaxError, isIntrinsic, parseIntrinsic, type PathReader } from '../../../lib/engine/intrinsics';
import { JavaRandom, javaRandomFirstDouble } from '../../../lib/engine/jsonata/java-random';

const random = { next: () => 0.5, uuid: () => '11111111-2222-4333-8444-555555555555' };
const data: Record<string, Json> = { '$.s': 'abc', '$.n': 5, '$.o': { k: [1, 'x'] }, '$.l': [1, 2, 3] };
const reader: PathReader = {
  read(path) {
    if (!(path in data)) throw new IntrinsicError(`no ${path}`);
    return data[path]!;
  },
};
const run = (text: string) => evaluateIntrinsicCall(text, reader, random);
const detail = (text: string): string => {
  try {
    run(text);
  } catch (e) {
    if (e instanceof IntrinsicError || e instanceof IntrinsicSyntaxError) return e.message;
    throw e;
  }
  throw new Error(`${text} did not fail`);
};

describe('parsing', () => {
  it('recognises an intrinsic by its States.<Name>( head', () => {
    expect(isIntrinsic("States.Format('x')")).toBe(true);
    expect(isIntrinsic('  States.UUID()')).toBe(true);
    expect(isIntrinsic('$.States.Format')).toBe(false);
    expect(isIntrinsic('States.Format')).toBe(false);
  });

  it('resolves the four escapes of a string literal and keeps Format placeholders apart', () => {
    const call = parseIntrinsic("States.Format('a\\'b \\{\\} \\\\ {} end', $.s)");
    expect(call.args[0]).toEqual({ k: 'literal', value: "a'b {} \\ {} end", pieces: ["a'b {} \\ ", ' end'] });
    expect(call.args[1]).toEqual({ k: 'path', path: '$.s' });
  });

  it('reads an escaped double quote as a quote (recorded: a JSON text inside a literal)', () => {
    const call = parseIntrinsic(`States.StringToJson('{\\"a\\": \\"b\\"}')`);
    // The lone braces only matter to States.Format, which reads braceError.
    expect(call.args[0]).toEqual({ k: 'literal', value: '{"a": "b"}', pieces: ['{"a": "b"}'], braceError: "matching '}' not found for '{'." });
    expect(run(`States.StringToJson('{\\"a\\": \\"b\\"}')`)).toEqual({ a: 'b' });
  });

  it('reads numbers, booleans, null, paths with brackets and nested calls', () => {
    const call = parseIntrinsic("States.Array(-1.5e2, true, null, $['a,b'][0], States.UUID())");
    expect(call.args.map((a) => a.k)).toEqual(['literal', 'literal', 'literal', 'path', 'call']);
    expect(call.args.slice(0, 3).map((a) => (a as { value: Json }).value)).toEqual([-150, true, null]);
    expect(call.args[3]).toEqual({ k: 'path', path: "$['a,b'][0]" });
  });

  it('refuses an open escape, an unterminated string and trailing text', () => {
    expect(() => parseIntrinsic("States.Format('a\\nb')")).toThrow(IntrinsicSyntaxError);
    expect(() => parseIntrinsic("States.Format('abc)")).toThrow(IntrinsicSyntaxError);
    expect(() => parseIntrinsic("States.Format('a') x")).toThrow(IntrinsicSyntaxError);
  });

  it('compiles a call once per text', () => {
    expect(compileIntrinsic('States.ArrayLength($.l)')).toBe(compileIntrinsic('States.ArrayLength($.l)'));
  });
});

describe('evaluation', () => {
  it.each<[string, Json]>([
    ["States.Format('{}|{}|{}', $.s, $.n, $.o)", 'abc|5|{k=[1, x]}'],
    ["States.Format('\\{\\}')", '{}'],
    ['States.Format($.s)', 'abc'],
    ['States.MathAdd(2.5, -2.5)', 1],
    ['States.MathRandom(0, 1000, 42)', 130],
    ['States.MathRandom(10, 20)', 15],
    ['States.ArrayRange(5, 1, -2)', [5, 3, 1]],
    ['States.ArrayPartition($.l, 1.6)', [[1], [2], [3]]],
    ['States.ArrayRange(1.6, 1.4, 1)', [1]],
    ['States.ArrayGetItem($.l, 1.5)', 2],
    ['States.ArrayGetItem(States.Array(), 999)', null],
    ["States.ArrayContains(States.Array('true', 'x'), true)", true],
    ['States.Hash($.n, \'MD5\')', 'e4da3b7fbbce2345d7772b0674a318d5'],
    ["States.Base64Decode(' YW!Jj ZA== trailing')", 'abcd'],
    ['States.UUID()', '11111111-2222-4333-8444-555555555555'],
    ["States.UUID('ignored', null, 2)", '11111111-2222-4333-8444-555555555555'],
    ['States.ArrayContains(States.Array($.o), $.o)', true],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it('checks arity and argument types before running', () => {
    expect(detail('States.ArrayLength()')).toBe('Expected 1 arguments but received 0');
    expect(detail('States.MathRandom(1)')).toBe('Expected 2 to 3 arguments but received 1');
    expect(detail("States.ArrayGetItem($.l, '1')")).toBe('Invalid arguments in States.ArrayGetItem');
    expect(detail('States.Base64Encode($.n)')).toBe('Invalid arguments in States.Base64Encode');
  });

  it('enforces the documented limits and value checks as invalid arguments', () => {
    expect(detail('States.ArrayRange(0, 1000, 1)')).toBe('Invalid arguments in States.ArrayRange');
    expect(detail('States.ArrayRange(1, 10, 0.49)')).toBe('Invalid arguments in States.ArrayRange');
    expect(detail('States.ArrayPartition($.l, 0.6)')).toBe('Invalid arguments in States.ArrayPartition');
    expect(detail('States.ArrayGetItem($.l, 3)')).toBe('Invalid arguments in States.ArrayGetItem');
    expect(detail('States.MathRandom(1.4, 1.6)')).toBe('Invalid arguments in States.MathRandom');
    expect(detail(`States.Base64Decode('${'A'.repeat(10_001)}')`)).toBe('Invalid arguments in States.Base64Decode');
    expect(run("States.Base64Decode('YQ')")).toBe('a');
  });

  it('refuses a template brace that is not half of {}, escaped braces excepted', () => {
    expect(detail("States.Format('Hello {', $.s)")).toBe("Invalid template in States.Format: matching '}' not found for '{'.");
    expect(detail("States.Format('Hello {{}}', $.s)")).toBe("Invalid template in States.Format: matching '}' not found for '{'.");
    expect(detail("States.Format('}')")).toBe("Invalid template in States.Format: matching '{' not found for '}'.");
    expect(run("States.Format('\\{ {} \\}', $.s)")).toBe('{ abc }');
    expect(run("States.StringToJson('{\\\"a\\\": 1}')")).toEqual({ a: 1 });
  });
});

describe('java.util.Random', () => {
  it('matches Java bit for bit (values measured on AWS for $random, and the JDK)', () => {
    expect(javaRandomFirstDouble(42)).toBe(0.7275636800328681);
    expect(javaRandomFirstDouble(0)).toBe(0.730967787376657);
    // new Random(42).nextInt(10) is 0 on the JDK; a power-of-two bound takes the high bits.
    expect(new JavaRandom(42).nextInt(10)).toBe(0);
    expect(new JavaRandom(42).nextInt(16)).toBe(11);
  });
});
