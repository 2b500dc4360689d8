import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startHarness, CALLBACK_DEFINITION, PASS_DEFINITION, ROLE, type Harness } from '../api/api-harness';
import { sagaflow, tableRows } from './run-cli';

// The everyday client commands, run as a user runs them, against the API server backed by a fake.

jest.setTimeout(120_000);

let h: Harness;
let orders: string;
let approval: string;
let ok: string;
let waiting: string;
let rejected: string;

beforeAll(async () => {
  h = await startHarness({ clock: 'virtual', now: Date.UTC(2024, 0, 2, 3, 4, 5, 678) });
  orders = String((await h.call('CreateStateMachine', { name: 'orders', definition: PASS_DEFINITION, roleArn: ROLE })).json().stateMachineArn);
  approval = String((await h.call('CreateStateMachine', { name: 'approval', definition: CALLBACK_DEFINITION, roleArn: ROLE })).json().stateMachineArn);
  // An EXPRESS machine has no list of executions (ListExecutions refuses it): `executions` passes it by.
  await h.call('CreateStateMachine', { name: 'quick', definition: PASS_DEFINITION, roleArn: ROLE, type: 'EXPRESS' });
  ok = String((await h.call('StartExecution', { stateMachineArn: orders, name: 'order-1', input: '{"orderId":"o-1","items":[1,2]}' })).json().executionArn);
  waiting = String((await h.call('StartExecution', { stateMachineArn: approval, name: 'req-7', input: '{"requestId":"r-7"}' })).json().executionArn);
  rejected = String((await h.call('StartExecution', { stateMachineArn: approval, name: 'req-8', input: '{}' })).json().executionArn);
  await h.call('SendTaskFailure', { taskToken: h.fake.executions.get(rejected)!.token, error: 'Rejected', cause: 'Budget exceeded for Q3' });
});
afterAll(() => h.close());

const cli = (...args: string[]) => sagaflow([...args, '--endpoint-url', h.server.url]);

describe('executions', () => {
  test('a table across every state machine, newest first', async () => {
    const run = await cli('executions');
    expect(run.code).toBe(0);
    const rows = tableRows(run.stdout);
    expect(rows[0]).toEqual(['STATE MACHINE', 'NAME', 'STATUS', 'START', 'DURATION']);
    expect(rows.slice(1)).toEqual(
      expect.arrayContaining([
        ['orders', 'order-1', 'SUCCEEDED', '2024-01-02 03:04:05Z', '1.5s'],
        ['approval', 'req-7', 'RUNNING', '2024-01-02 03:04:05Z', 'running'],
        ['approval', 'req-8', 'FAILED', '2024-01-02 03:04:05Z', '1.5s'],
      ]),
    );
    expect(rows).toHaveLength(4);
  });

  test('--state-machine by name, --status, --limit', async () => {
    const byName = await cli('executions', '--state-machine', 'approval', '--status', 'running');
    expect(byName.code).toBe(0);
    expect(tableRows(byName.stdout)).toEqual([
      ['NAME', 'STATUS', 'START', 'DURATION'],
      ['req-7', 'RUNNING', '2024-01-02 03:04:05Z', 'running'],
    ]);
    const limited = await cli('executions', '--state-machine', approval, '--limit', '1', '--json');
    expect(JSON.parse(limited.stdout).executions).toHaveLength(1);
    expect(h.fake.calls.filter((c) => c.operation === 'ListExecutions').at(-1)!.input).toEqual({ stateMachineArn: approval, maxResults: 1 });
  });

  test('--json: ISO dates and a duration in milliseconds', async () => {
    const run = await cli('executions', '--state-machine', 'orders', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      executions: [{ executionArn: ok, stateMachineArn: orders, name: 'order-1', status: 'SUCCEEDED', startDate: '2024-01-02T03:04:05.678Z', stopDate: '2024-01-02T03:04:07.178Z', durationMs: 1500 }],
    });
  });

  test('nothing to show', async () => {
    const run = await cli('executions', '--state-machine', 'orders', '--status', 'TIMED_OUT');
    expect(run).toMatchObject({ code: 0, stdout: 'No TIMED_OUT executions.\n' });
  });

  test('an unknown state machine name is an error naming the ones there are', async () => {
    const run = await cli('executions', '--state-machine', 'nope');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("sagaflow executions: no state machine named 'nope'. State machines: orders, approval, quick\n");
  });

  test('usage mistakes exit 2', async () => {
    const status = await cli('executions', '--status', 'DONE');
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('--status must be one of RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE');
    const flag = await cli('executions', '--colour');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown option '--colour'");
    expect(flag.stderr).toContain('Run `sagaflow executions --help` for usage.');
  });
});

describe('describe', () => {
  test('a succeeded execution: status, dates, input and output', async () => {
    const run = await cli('describe', ok);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        `Execution:      ${ok}`,
        `State machine:  ${orders}`,
        'Status:         SUCCEEDED',
        'Started:        2024-01-02T03:04:05.678Z',
        'Stopped:        2024-01-02T03:04:07.178Z',
        'Duration:       1.5s',
        'Input:',
        '  {',
        '    "orderId": "o-1",',
        '    "items": [',
        '      1,',
        '      2',
        '    ]',
        '  }',
        'Output:',
        '  {',
        '    "orderId": "o-1",',
        '    "items": [',
        '      1,',
        '      2',
        '    ]',
        '  }',
        '',
      ].join('\n'),
    );
  });

  test('a failed execution shows its error and cause', async () => {
    const run = await cli('describe', rejected);
    expect(run.stdout).toContain('Status:         FAILED\n');
    expect(run.stdout).toContain('Error:          Rejected\nCause:\n  Budget exceeded for Q3\n');
    expect(run.stdout).not.toContain('Output:');
  });

  test('--json', async () => {
    const run = await cli('describe', waiting, '--json');
    expect(JSON.parse(run.stdout)).toEqual({
      executionArn: waiting,
      stateMachineArn: approval,
      name: 'req-7',
      status: 'RUNNING',
      startDate: '2024-01-02T03:04:05.678Z',
      stopDate: null,
      input: '{"requestId":"r-7"}',
      inputDetails: { included: true },
      redriveCount: 0,
    });
  });

  test('an execution that does not exist: the AWS error, exit 1', async () => {
    const missing = `${ok}-nope`;
    const run = await cli('describe', missing);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`sagaflow describe: ExecutionDoesNotExist: Execution Does Not Exist: '${missing}'\n`);
  });

  test('no ARN: exit 2', async () => {
    const run = await cli('describe');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('name the execution (its ARN or name)');
  });
});

describe('an execution by name', () => {
  test('describe and history take the name `executions` lists, or MACHINE:NAME', async () => {
    const byArn = await cli('describe', ok);
    expect(await cli('describe', 'order-1')).toEqual(byArn);
    expect(await cli('history', 'approval:req-7')).toEqual(await cli('history', waiting));
  });

  test('a name no execution has, or a machine that does not exist: exit 1, saying so', async () => {
    const run = await cli('describe', 'order-9');
    expect(run).toMatchObject({ code: 1, stderr: "sagaflow describe: no execution named 'order-9'; `sagaflow executions` lists them\n" });
    const other = await cli('history', 'orders:req-7');
    expect(other).toMatchObject({ code: 1, stderr: "sagaflow history: no execution named 'req-7' of state machine 'orders'; `sagaflow executions` lists them\n" });
    const express = await cli('describe', 'quick:run-1');
    expect(express).toMatchObject({ code: 1, stderr: "sagaflow describe: 'quick' is an EXPRESS state machine: its executions keep no history to look up by name; give the execution's ARN\n" });
    const machine = await cli('describe', 'billing:order-1');
    expect(machine).toMatchObject({ code: 1, stderr: "sagaflow describe: no state machine named 'billing'; `sagaflow executions` lists the executions there are\n" });
  });

  test('a name two state machines share must be told apart', async () => {
    const shared = await startHarness({ clock: 'virtual', now: Date.UTC(2024, 0, 2) });
    try {
      for (const name of ['first', 'second']) {
        const arn = String((await shared.call('CreateStateMachine', { name, definition: PASS_DEFINITION, roleArn: ROLE })).json().stateMachineArn);
        await shared.call('StartExecution', { stateMachineArn: arn, name: 'nightly', input: '{}' });
      }
      const run = await sagaflow(['describe', 'nightly', '--endpoint-url', shared.server.url]);
      expect(run).toMatchObject({ code: 1, stderr: "sagaflow describe: 2 executions are named 'nightly' (first:nightly, second:nightly); name one as MACHINE:NAME or by its ARN\n" });
      const one = await sagaflow(['describe', 'second:nightly', '--endpoint-url', shared.server.url, '--json']);
      expect(JSON.parse(one.stdout).executionArn).toBe('arn:aws:states:us-east-1:123456789012:execution:second:nightly');
    } finally {
      await shared.close();
    }
  });
});

describe('--port', () => {
  test('names the local service on 127.0.0.1 by its port, as `serve --port` does', async () => {
    const port = new URL(h.server.url).port;
    const run = await sagaflow(['describe', ok, '--port', port]);
    expect(run).toEqual(await cli('describe', ok));
  });

  test('not with --endpoint-url, and only a port number: exit 2', async () => {
    const both = await cli('executions', '--port', '8083');
    expect(both).toMatchObject({ code: 2 });
    expect(both.stderr).toContain('give --endpoint-url or --port, not both');
    const bad = await sagaflow(['executions', '--port', '80x']);
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.stderr).toContain("--port takes a port number, 1 to 65535 (got '80x')");
  });
});

describe('history', () => {
  test('a timeline: offset, id, event, state, details', async () => {
    const run = await cli('history', waiting);
    expect(run.code).toBe(0);
    const rows = tableRows(run.stdout);
    expect(rows[0]).toEqual(['TIME', 'ID', 'EVENT', 'STATE', 'DETAILS']);
    expect(rows[1]).toEqual(['+0.000s', '1', 'ExecutionStarted', '', 'input {"requestId":"r-7"}']);
    expect(rows[2]).toEqual(['+0.012s', '2', 'TaskStateEntered', 'Approve', 'input {"requestId":"r-7"}']);
    // The scheduled task has no name of its own: it inherits its state's through previousEventId.
    expect(rows[3][0]).toBe('+0.015s');
    expect(rows[3].slice(1, 4)).toEqual(['3', 'TaskScheduled', 'Approve']);
    expect(rows[3][4]).toMatch(/^lambda:invoke\.waitForTaskToken {2}parameters \{"FunctionName":"approver","Payload":\{"token":"token-.{20,}…  /);
    expect(rows[3][4]).toContain('timeout 86400s');
    expect(rows[3][4]).toContain('heartbeat 3600s');
    expect(rows.slice(4).map((r) => r.slice(1, 4))).toEqual([
      ['4', 'TaskStarted', 'Approve'],
      ['5', 'TaskSubmitted', 'Approve'],
    ]);
  });

  test('error and cause of a failure; --reverse puts the newest first', async () => {
    const run = await cli('history', rejected, '--reverse');
    const rows = tableRows(run.stdout).slice(1);
    expect(rows[0]).toEqual(['+1.500s', '7', 'ExecutionFailed', '', 'error Rejected  cause Budget exceeded for Q3']);
    expect(rows[1]).toEqual(['+1.400s', '6', 'TaskFailed', 'Approve', 'lambda:invoke.waitForTaskToken  error Rejected  cause Budget exceeded for Q3']);
    expect(rows.at(-1)![1]).toBe('1');
    expect(h.fake.calls.filter((c) => c.operation === 'GetExecutionHistory').at(-1)!.input).toEqual({ executionArn: rejected, reverseOrder: true, maxResults: 1000 });
  });

  test('--json keeps the events whole and adds offsetMs and state', async () => {
    const run = await cli('history', ok, '--json');
    const { events } = JSON.parse(run.stdout);
    expect(events.map((e: { id: number; type: string; offsetMs: number; state: string | null }) => [e.id, e.type, e.offsetMs, e.state])).toEqual([
      [1, 'ExecutionStarted', 0, null],
      [2, 'PassStateEntered', 3, 'P'],
      [3, 'PassStateExited', 5, 'P'],
      [4, 'ExecutionSucceeded', 6, null],
    ]);
    expect(events[0]).toMatchObject({ previousEventId: 0, timestamp: '2024-01-02T03:04:05.678Z', executionStartedEventDetails: { input: '{"orderId":"o-1","items":[1,2]}', roleArn: ROLE } });
  });
});

describe('send-task-success and send-task-failure', () => {
  test('success completes the waiting task', async () => {
    const { executionArn } = (await h.call('StartExecution', { stateMachineArn: approval, input: '{}' })).json() as { executionArn: string };
    const run = await cli('send-task-success', '--task-token', h.fake.executions.get(executionArn)!.token!, '--output', '{"approved": true}');
    expect(run).toMatchObject({ code: 0, stdout: 'Task completed (success).\n' });
    expect(h.fake.executions.get(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '{"approved": true}' });
  });

  test('failure fails it with the error and cause given', async () => {
    const { executionArn } = (await h.call('StartExecution', { stateMachineArn: approval, input: '{}' })).json() as { executionArn: string };
    const run = await cli('send-task-failure', '--task-token', h.fake.executions.get(executionArn)!.token!, '--error', 'Denied', '--cause', 'by Ops', '--json');
    expect(run).toMatchObject({ code: 0 });
    expect(JSON.parse(run.stdout)).toEqual({ sent: 'failure' });
    expect(h.fake.executions.get(executionArn)).toMatchObject({ status: 'FAILED', error: 'Denied', cause: 'by Ops' });
  });

  test('a token the service does not know, and output that is not JSON, are the service\'s errors', async () => {
    const unknown = await cli('send-task-success', '--task-token', 'nope', '--output', '{}');
    expect(unknown).toMatchObject({ code: 1, stderr: 'sagaflow send-task-success: TaskDoesNotExist: Task Does Not Exist\n' });
    const notJson = await cli('send-task-success', '--task-token', 'nope', '--output', 'yes');
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/^sagaflow send-task-success: InvalidOutput: Invalid Output: 'Unrecognized token 'yes'/);
  });

  test('--execution completes the one task of an execution that waits for a callback, found by name', async () => {
    const { executionArn } = (await h.call('StartExecution', { stateMachineArn: approval, name: 'req-20', input: '{}' })).json() as { executionArn: string };
    const run = await cli('send-task-success', '--execution', 'req-20', '--output', '{"approved": true}');
    expect(run).toMatchObject({ code: 0, stdout: 'Task completed (success).\n' });
    expect(h.fake.executions.get(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '{"approved": true}' });
    const again = await cli('send-task-failure', '--execution', 'req-20', '--error', 'Late');
    expect(again).toMatchObject({ code: 1, stderr: 'sagaflow send-task-failure: req-20 has no task waiting for a callback (`sagaflow tasks req-20` shows what it waits for)\n' });
    const state = await cli('send-task-success', '--execution', 'req-7', '--state', 'Review', '--output', '{}');
    expect(state).toMatchObject({ code: 1, stderr: "sagaflow send-task-success: no task of req-7 in state 'Review' waits for a callback; these do: Approve\n" });
  });

  test('--execution of an execution that waits for an activity says that its worker completes it', async () => {
    const definition = JSON.stringify({ StartAt: 'Review', States: { Review: { Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:review', End: true } } });
    const review = String((await h.call('CreateStateMachine', { name: 'review', definition, roleArn: ROLE })).json().stateMachineArn);
    await h.call('StartExecution', { stateMachineArn: review, name: 'rev-1', input: '{}' });
    const run = await cli('send-task-success', '--execution', 'rev-1', '--output', '{}');
    expect(run).toMatchObject({
      code: 1,
      stderr: 'sagaflow send-task-success: rev-1 waits for an activity in state Review (no worker has it yet), not a callback: its worker completes it, or send the token it got with --task-token\n',
    });
  });

  test('missing flags exit 2', async () => {
    expect((await cli('send-task-success', '--output', '{}')).code).toBe(2);
    const both = await cli('send-task-success', '--task-token', 't', '--execution', 'req-7', '--output', '{}');
    expect(both).toMatchObject({ code: 2 });
    expect(both.stderr).toContain('give --task-token, or --execution (and --state), not both');
    const run = await cli('send-task-success', '--task-token', 't');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--output is required');
    expect((await cli('send-task-failure')).code).toBe(2);
  });
});

describe('tasks', () => {
  test('the tasks an execution waits on, with their tokens', async () => {
    const run = await cli('tasks', 'req-7');
    expect(run.code).toBe(0);
    const rows = tableRows(run.stdout);
    expect(rows).toEqual([
      ['STATE', 'WAITS FOR', 'RESOURCE', 'TASK TOKEN'],
      ['Approve', 'callback', 'arn:aws:states:::lambda:invoke.waitForTaskToken', h.fake.executions.get(waiting)!.token!],
    ]);
    const json = await cli('tasks', waiting, '--json');
    expect(JSON.parse(json.stdout)).toEqual({ executionArn: waiting, tasks: [{ taskToken: h.fake.executions.get(waiting)!.token, stateName: 'Approve', resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', waitsFor: 'callback' }] });
  });

  test('an execution that waits on nothing says so', async () => {
    expect(await cli('tasks', 'order-1')).toMatchObject({ code: 0, stdout: 'No task of order-1 waits with a task token.\n' });
  });
});

describe('advance-time', () => {
  test.each([
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['1d', 86_400_000],
    ['2500', 2500],
  ])('%s', async (text, ms) => {
    const before = h.fake.admin.now();
    const run = await cli('advance-time', text);
    expect(run.code).toBe(0);
    expect(h.fake.advances.at(-1)).toBe(ms);
    expect(run.stdout).toMatch(new RegExp(`^Advanced .+: the service clock is now ${new Date(before + ms).toISOString().replace(/\./g, '\\.')}; 0 timers fired\\.\\n$`));
  });

  test('--json, with timers firing', async () => {
    h.fake.timers = [h.fake.admin.now() + 1000, h.fake.admin.now() + 2000];
    const run = await cli('advance-time', '5m', '--json');
    const out = JSON.parse(run.stdout);
    expect(out).toEqual({ advancedMs: 300_000, now: h.fake.admin.now(), iso: new Date(h.fake.admin.now()).toISOString(), fired: 2 });
  });

  test('a duration that is not one: exit 2', async () => {
    const run = await cli('advance-time', 'soon');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("DURATION must be a duration such as 90s, 5m, 24h, 1d or a number of milliseconds (got 'soon')");
    expect((await cli('advance-time', '0s')).code).toBe(2);
  });

  test('a service on real time says so: exit 1', async () => {
    const real = await startHarness({ clock: 'real' });
    try {
      const run = await sagaflow(['advance-time', '1h', '--endpoint-url', real.server.url]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe("sagaflow advance-time: ClockNotVirtual: The service clock is 'real'; only a virtual clock can be advanced (start the service with --clock virtual).\n");
    } finally {
      await real.close();
    }
  });
});

describe('purge', () => {
  test('by age, status and state machine', async () => {
    const now = h.fake.admin.now();
    const run = await cli('purge', '--older-than', '30d', '--status', 'succeeded,FAILED', '--state-machine', orders);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Purged 0 executions (SUCCEEDED/FAILED, closed over 30d 00h ago).\n');
    expect(h.fake.purges.at(-1)).toEqual({ closedBefore: now - 30 * 86_400_000, statuses: ['SUCCEEDED', 'FAILED'], stateMachineArn: orders });
  });

  test('--state-machine by name, as `executions` takes it; a name no machine has is an error', async () => {
    const spare = String((await h.call('CreateStateMachine', { name: 'spare', definition: PASS_DEFINITION, roleArn: ROLE })).json().stateMachineArn);
    const done = String((await h.call('StartExecution', { stateMachineArn: spare, input: '{}' })).json().executionArn);
    expect(await cli('purge', '--state-machine', 'spare')).toMatchObject({ code: 0, stdout: 'Purged 1 execution.\n' });
    expect(h.fake.purges.at(-1)).toEqual({ stateMachineArn: spare });
    expect(h.fake.executions.has(done)).toBe(false);
    const run = await cli('purge', '--state-machine', 'nope');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^sagaflow purge: no state machine named 'nope'\. State machines: .*orders/);
  });

  test('everything closed, --json', async () => {
    const scratch = await startHarness();
    try {
      const arn = String((await scratch.call('CreateStateMachine', { name: 's', definition: PASS_DEFINITION, roleArn: ROLE })).json().stateMachineArn);
      await scratch.call('StartExecution', { stateMachineArn: arn, input: '{}' });
      const run = await sagaflow(['purge', '--json', '--endpoint-url', scratch.server.url]);
      expect(JSON.parse(run.stdout)).toEqual({ purged: 1 });
      expect(scratch.fake.executions.size).toBe(0);
    } finally {
      await scratch.close();
    }
  });

  test('a status that is not a closed one: exit 2', async () => {
    const run = await cli('purge', '--status', 'RUNNING');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--status takes closed statuses (SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE); not RUNNING');
  });
});

describe('no service running', () => {
  let nobody: string;
  beforeAll(async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    nobody = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise((resolve) => probe.close(resolve));
  });

  test.each([['executions'], ['describe', 'arn:aws:states:us-east-1:123456789012:execution:m:e'], ['advance-time', '1h'], ['purge']])('%s says so and how to start one', async (...args) => {
    const run = await sagaflow([...args, '--endpoint-url', nobody]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`sagaflow ${args[0]}: no sagaflow service answers at ${nobody}. Start one with \`npx sagaflow serve\` (or \`npm start\` for the example app), or pass --endpoint-url.\n`);
  });

  test('SAGAFLOW_ENDPOINT is the default endpoint when set', async () => {
    const run = await sagaflow(['executions', '--state-machine', 'orders', '--json'], { SAGAFLOW_ENDPOINT: h.server.url });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).executions).toHaveLength(1);
  });
});

test('every command has --help', async () => {
  const run = await sagaflow(['--help']);
  for (const name of ['serve', 'executions', 'describe', 'history', 'tasks', 'send-task-success', 'send-task-failure', 'advance-time', 'purge']) {
    expect(run.stdout).toMatch(new RegExp(`\\n  ${name} +\\S`));
  }
  const help = await sagaflow(['history', '--help']);
  expect(help).toMatchObject({ code: 0 });
  expect(help.stdout).toMatch(/^Usage: sagaflow history EXECUTION \[options\]\n[^]*EXECUTION is an execution ARN, or its name/);
});
