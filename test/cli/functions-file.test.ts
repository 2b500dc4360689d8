import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../lib/cli/command';
import { readFunctionsFile } from '../../lib/cli/functions-file';

// `sagaflow serve --functions FILE`: every field is checked, so a misspelt one is an error, not a default.

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sagaflow-functions-'));
  writeFileSync(join(dir, 'h.js'), 'exports.run = async () => 1;');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (content: unknown): string => {
  const path = join(dir, 'functions.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const refusal = (content: unknown): string => {
  try {
    readFunctionsFile(file(content));
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message.replace(`${dir}/`, '');
  }
  throw new Error('the file was accepted');
};

test('every field is read, the module resolved next to the file', () => {
  const all = { functionName: 'pay-1', modulePath: 'h.js', handlerName: 'run', timeoutSeconds: 900, memorySize: 10240, environment: { A: 'b' }, isolation: 'inline', maxConcurrency: 2 };
  expect(readFunctionsFile(file([all, { functionName: 'min_2', modulePath: './h.js' }]))).toEqual([
    { ...all, modulePath: join(dir, 'h.js') },
    { functionName: 'min_2', modulePath: join(dir, 'h.js') },
  ]);
});

test('a misspelt field is refused, naming the fields there are', () => {
  expect(refusal([{ functionName: 'f', modulePath: 'h.js', handler: 'run' }])).toBe(
    '--functions functions.json: function 0 (f): unknown field "handler"; the fields are functionName, modulePath, handlerName, timeoutSeconds, memorySize, environment, isolation, maxConcurrency',
  );
});

test.each([
  [{ timeoutSeconds: 0 }, '"timeoutSeconds" must be whole seconds, 1 to 900 (got 0)'],
  [{ timeoutSeconds: 901 }, '"timeoutSeconds" must be whole seconds, 1 to 900 (got 901)'],
  [{ timeoutSeconds: '10' }, '"timeoutSeconds" must be whole seconds, 1 to 900 (got "10")'],
  [{ memorySize: 64 }, '"memorySize" must be MB, a whole number from 128 to 10240 (got 64)'],
  [{ environment: { N: 1 } }, '"environment" must be an object of string values (got {"N":1})'],
  [{ isolation: 'process' }, '"isolation" must be "worker" or "inline" (got "process")'],
  [{ maxConcurrency: 0 }, '"maxConcurrency" must be a whole number of at least 1 (got 0)'],
  [{ handlerName: '' }, '"handlerName" must be the name of the exported handler (got "")'],
])('a field of the wrong kind is refused: %j', (field, message) => {
  expect(refusal([{ functionName: 'f', modulePath: 'h.js', ...field }])).toBe(`--functions functions.json: function 0 (f): ${message}`);
});

test('the file, each entry, its name and its module must be there', () => {
  expect(refusal('{"functionName":')).toMatch(/^--functions functions.json: .*JSON/);
  expect(refusal({ functionName: 'f' })).toBe('--functions functions.json: expected a JSON array of functions');
  expect(refusal(['f'])).toBe('--functions functions.json: function 0 is not an object');
  expect(refusal([{ modulePath: 'h.js' }])).toBe('--functions functions.json: function 0 needs a "functionName" and a "modulePath"');
  expect(refusal([{ functionName: 'has space', modulePath: 'h.js' }])).toBe(
    '--functions functions.json: function 0 (has space): "functionName" must be a function name (1-64 letters, digits, - and _) (got "has space")',
  );
  expect(refusal([{ functionName: 'f', modulePath: 'h.js' }, { functionName: 'f', modulePath: 'h.js' }])).toBe('--functions functions.json: function 1 (f): the name is given twice');
  expect(refusal([{ functionName: 'f', modulePath: 'gone.js' }])).toBe(`--functions functions.json: f's module ${join(dir, 'gone.js')} does not exist`);
});
