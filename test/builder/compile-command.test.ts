import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compile } from '../../lib/cli/commands/compile';
import { UsageError } from '../../lib/cli/command';

/** Runs the command with console output captured. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    return { code: await compile.run(args), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('sagaflow compile', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sagaflow-compile-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const builder = path.resolve(__dirname, '../../lib/builder');

  it('compiles the example app with no module argument and prints a budget table', async () => {
    const out = path.join(dir, 'asl');
    const result = await run(['--out', out]);
    expect(result.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['Approval.asl.json', 'FanOut.asl.json', 'Monitor.asl.json', 'OrderSaga.asl.json']);
    const order = JSON.parse(fs.readFileSync(path.join(out, 'OrderSaga.asl.json'), 'utf8'));
    expect(order.StartAt).toBe('ValidateOrder');
    const lines = result.out.split('\n');
    expect(lines[0]).toMatch(/^Workflow\s+States\s+Bytes\s+Worst-case events\s+File$/);
    expect(lines.find((l) => l.startsWith('OrderSaga'))).toMatch(/^OrderSaga\s+10\s+\d+\s+125\s+/);
    expect(lines.find((l) => l.startsWith('FanOut'))).toMatch(/^FanOut\s+3\s+\d+\s+20 \+ 16\/item of ProcessItems\s+/);
    expect(lines.find((l) => l.startsWith('Monitor'))).toMatch(/^Monitor\s+9\s+\d+\s+36 per iteration; 277 iterations = 9983\/execution \(budget 10000\)\s+/);
  });

  it('compiles the workflows a user module exports, with --json', async () => {
    const module = write('mine.ts', `
      import { activity, invoke, workflow } from '${builder}';
      const Hello = activity<{ name: string }, { greeting: string }>('Hello', { entry: 'lambdas/hello.ts' });
      export const Greet = workflow('Greet', () => invoke(Hello));
      export default Greet;
      export const notAWorkflow = 42;
    `);
    const result = await run([module, '--out', dir, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(report).toEqual([
      {
        name: 'Greet',
        file: path.join(dir, 'Greet.asl.json'),
        budget: { states: 1, definitionBytes: expect.any(Number), worstCaseEvents: 16 },
        activities: [{ name: 'Hello', placeholder: 'HelloFunctionArn', entry: 'lambdas/hello.ts', handler: 'handler', timeoutSeconds: 30 }],
        subWorkflows: [],
      },
    ]);
    const written = JSON.parse(fs.readFileSync(path.join(dir, 'Greet.asl.json'), 'utf8'));
    expect(report[0].budget.definitionBytes).toBe(Buffer.byteLength(JSON.stringify(written)));
  });

  it('reports usage mistakes and modules without workflows', async () => {
    await expect(run([])).rejects.toThrow(new UsageError('missing --out DIR (where to write the .asl.json files)'));
    await expect(run(['--out'])).rejects.toThrow('--out needs a directory');
    await expect(run(['--out', dir, '--fast'])).rejects.toThrow("unknown option '--fast'");
    await expect(run(['missing.ts', '--out', dir])).rejects.toThrow('module not found: missing.ts');
    const empty = write('empty.ts', 'export const x = 1;\n');
    const result = await run([empty, '--out', dir]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('exports no workflows');
  });

  it('prints a workflow mistake and fails', async () => {
    const module = write('broken.ts', `
      import { pass, workflow } from '${builder}';
      export const Twice = workflow('Twice', () => pass('Same').next(pass('Same')));
    `);
    const result = await run([module, '--out', dir]);
    expect(result.code).toBe(1);
    expect(result.err).toBe("sagaflow compile: workflow 'Twice', state 'Same': the state name is used twice (names must be unique across the whole definition, nested graphs included). Fix: rename one of the states.");
    expect(fs.readdirSync(dir)).toEqual(['broken.ts']);
  });
});
