import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CreateStateMachineCommand, DescribeExecutionCommand, GetExecutionHistoryCommand, ListExecutionsCommand, SendTaskSuccessCommand, SFNClient, StartExecutionCommand, type HistoryEvent } from '@aws-sdk/client-sfn';

/**
 * Kill -9 with hundreds of executions mid-flight — waiting, retrying, awaiting task tokens,
 * inside a Map and a Parallel — then restart on the same data folder: every execution completes,
 * once, with its history contiguous.
 */

const ROOT = join(__dirname, '../../..');
const ROLE = 'arn:aws:iam::123456789012:role/crash';
const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const PER_KIND = 60;

const machines: Record<string, object> = {
  Waiting: { StartAt: 'Before', States: { Before: { Type: 'Pass', Next: 'Wait' }, Wait: { Type: 'Wait', Seconds: 6, Next: 'After' }, After: { Type: 'Pass', Result: 'waited', ResultPath: '$.result', End: true } } },
  Retrying: {
    StartAt: 'Call',
    States: {
      Call: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: fn('flaky'), Payload: { 'attempt.$': '$$.State.RetryCount', 'id.$': '$.id' } },
        Retry: [{ ErrorEquals: ['Transient'], IntervalSeconds: 3, BackoffRate: 1.5, MaxAttempts: 3 }],
        OutputPath: '$.Payload',
        End: true,
      },
    },
  },
  Callback: {
    StartAt: 'Ask',
    States: { Ask: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: fn('ask'), Payload: { 'token.$': '$$.Task.Token', 'name.$': '$$.Execution.Name' } }, TimeoutSeconds: 600, ResultPath: '$.answer', End: true } },
  },
  Mapping: {
    StartAt: 'Each',
    States: {
      Each: { Type: 'Map', ItemsPath: '$.items', MaxConcurrency: 2, ItemSelector: { 'n.$': '$$.Map.Item.Value' }, ItemProcessor: { StartAt: 'Pause', States: { Pause: { Type: 'Wait', Seconds: 1, Next: 'Work' }, Work: { Type: 'Task', Resource: fn('work'), End: true } } }, ResultPath: '$.results', End: true },
    },
  },
  Branching: {
    StartAt: 'Both',
    States: {
      Both: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'W1', States: { W1: { Type: 'Wait', Seconds: 3, Next: 'T1' }, T1: { Type: 'Task', Resource: fn('work'), Parameters: { n: 1 }, End: true } } },
          { StartAt: 'W2', States: { W2: { Type: 'Wait', Seconds: 6, End: true } } },
        ],
        ResultPath: '$.branches',
        End: true,
      },
    },
  },
};

interface Running {
  child: ChildProcess;
  sfn: SFNClient;
}

async function startService(dir: string, tokens: string): Promise<Running> {
  const child = spawn(process.execPath, ['-r', require.resolve('tsx/cjs'), join(__dirname, 'crash-service.ts'), dir, tokens], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`the service process exited with ${code} before listening`)));
  });
  return { child, sfn: new SFNClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 }) };
}

function readTokens(file: string): Map<string, string> {
  const byName = new Map<string, string>();
  if (!existsSync(file)) return byName;
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const { name, token } = JSON.parse(line) as { name: string; token: string };
    byName.set(name, token);
  }
  return byName;
}

async function history(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000, nextToken }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

let dir: string;
let running: Running | undefined;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sagaflow-crash-'));
});
afterAll(() => {
  running?.sfn.destroy();
  running?.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

test('kill -9 mid-flight, restart: every execution completes once with a contiguous history', async () => {
  const data = join(dir, 'data');
  const tokens = join(dir, 'tokens.jsonl');
  running = await startService(data, tokens);
  const arns: Record<string, string[]> = {};
  await Promise.all(Object.entries(machines).map(async ([name, definition]) => {
    const { stateMachineArn } = await running!.sfn.send(new CreateStateMachineCommand({ name, definition: JSON.stringify(definition), roleArn: ROLE }));
    arns[name] = [];
    await Promise.all(
      Array.from({ length: PER_KIND }, async (_v, i) => {
        const input = { id: `${name}-${i}`, items: Array.from({ length: 12 }, (_x, k) => k + i) };
        const { executionArn } = await running!.sfn.send(new StartExecutionCommand({ stateMachineArn, name: `${name}-${i}`, input: JSON.stringify(input) }));
        arns[name]!.push(executionArn!);
      }),
    );
  }));
  // Complete some callbacks before the crash, once their tokens are out.
  const deadline = Date.now() + 20_000;
  while (readTokens(tokens).size < PER_KIND && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const before = readTokens(tokens);
  expect(before.size).toBe(PER_KIND);
  const early = [...before].slice(0, PER_KIND / 2);
  for (const [name, token] of early) await running.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ by: name }) }));

  // The kill must find every kind mid-flight.
  const stateMachines = Object.fromEntries(Object.entries(arns).map(([name, list]) => [name, list[0]!.replace(':execution:', ':stateMachine:').replace(/:[^:]+$/, '')]));
  for (const [name, stateMachineArn] of Object.entries(stateMachines)) {
    const open = await running.sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING', maxResults: 1000 }));
    expect({ name, running: (open.executions?.length ?? 0) > 0 }).toEqual({ name, running: true });
  }
  running.sfn.destroy();
  running.child.kill('SIGKILL');
  await new Promise((r) => running!.child.once('exit', r));
  const midFlight = { total: Object.values(arns).flat().length };
  expect(midFlight.total).toBe(PER_KIND * Object.keys(machines).length);

  running = await startService(data, tokens);
  const sfn = running.sfn;
  // Tokens issued before the crash are still accepted.
  for (const [name, token] of [...readTokens(tokens)].filter(([n]) => !early.some(([e]) => e === n))) {
    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ by: name }) }));
  }
  const all = Object.entries(arns).flatMap(([kind, list]) => list.map((arn) => ({ kind, arn })));
  const until = Date.now() + 60_000;
  for (const { kind, arn } of all) {
    let d = await sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
    while (d.status === 'RUNNING' && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      d = await sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
    }
    expect({ arn, status: d.status }).toEqual({ arn, status: 'SUCCEEDED' });
    const out = JSON.parse(d.output!);
    if (kind === 'Waiting') expect(out.result).toBe('waited');
    if (kind === 'Retrying') expect(out).toEqual({ id: d.name, attempts: 3 });
    if (kind === 'Callback') expect(out.answer).toEqual({ by: d.name });
    if (kind === 'Mapping') expect(out.results).toEqual(out.items.map((n: number) => ({ doubled: n * 2 })));
    if (kind === 'Branching') expect(out.branches).toEqual([{ doubled: 2 }, { id: d.name, items: out.items }]);
    const events = await history(sfn, arn);
    expect(events.map((e) => e.id)).toEqual(events.map((_e, k) => k + 1));
    expect(events.every((e) => e.previousEventId! < e.id!)).toBe(true);
    expect(events.filter((e) => e.type === 'ExecutionStarted')).toHaveLength(1);
    expect(events[events.length - 1]!.type).toBe('ExecutionSucceeded');
  }
  // None lost, none duplicated.
  for (const [name, list] of Object.entries(arns)) {
    const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn: stateMachines[name], maxResults: 1000 }));
    expect(listed.executions!.map((e) => e.executionArn).sort()).toEqual([...list].sort());
    expect(listed.executions!.every((e) => e.status === 'SUCCEEDED')).toBe(true);
  }
}, 180_000);
