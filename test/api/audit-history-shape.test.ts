import { startApiServer, type ApiServer } from '../../lib/api';
import { createLocalService } from '../../lib/runtime';
import type { LocalService } from '../../lib/runtime/local-service-contract';
import { fixtureLambdas, fn, ROLE, START } from '../runtime/service-fixture';

/**
 * Audit: GetExecutionHistory's wire shape against the API reference's HistoryEvent and its
 * *EventDetails types (the member lists below are those of @aws-sdk/client-sfn's model).
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html
 */

const DATA = ['truncated'];
const ERR = ['error', 'cause'];
const RES = ['resourceType', 'resource'];
const MEMBERS: Record<string, string[]> = {
  activityFailedEventDetails: ERR,
  activityScheduleFailedEventDetails: ERR,
  activityScheduledEventDetails: ['resource', 'input', 'inputDetails', 'timeoutInSeconds', 'heartbeatInSeconds'],
  activityStartedEventDetails: ['workerName'],
  activitySucceededEventDetails: ['output', 'outputDetails'],
  activityTimedOutEventDetails: ERR,
  taskFailedEventDetails: [...RES, ...ERR],
  taskScheduledEventDetails: [...RES, 'region', 'parameters', 'timeoutInSeconds', 'heartbeatInSeconds', 'taskCredentials'],
  taskStartFailedEventDetails: [...RES, ...ERR],
  taskStartedEventDetails: RES,
  taskSubmitFailedEventDetails: [...RES, ...ERR],
  taskSubmittedEventDetails: [...RES, 'output', 'outputDetails'],
  taskSucceededEventDetails: [...RES, 'output', 'outputDetails'],
  taskTimedOutEventDetails: [...RES, ...ERR],
  executionFailedEventDetails: ERR,
  executionStartedEventDetails: ['input', 'inputDetails', 'roleArn', 'stateMachineAliasArn', 'stateMachineVersionArn'],
  executionSucceededEventDetails: ['output', 'outputDetails'],
  executionAbortedEventDetails: ERR,
  executionTimedOutEventDetails: ERR,
  executionRedrivenEventDetails: ['redriveCount'],
  mapStateStartedEventDetails: ['length'],
  mapIterationStartedEventDetails: ['name', 'index'],
  mapIterationSucceededEventDetails: ['name', 'index'],
  mapIterationFailedEventDetails: ['name', 'index'],
  mapIterationAbortedEventDetails: ['name', 'index'],
  lambdaFunctionFailedEventDetails: ERR,
  lambdaFunctionScheduleFailedEventDetails: ERR,
  lambdaFunctionScheduledEventDetails: ['resource', 'input', 'inputDetails', 'timeoutInSeconds', 'taskCredentials'],
  lambdaFunctionStartFailedEventDetails: ERR,
  lambdaFunctionSucceededEventDetails: ['output', 'outputDetails'],
  lambdaFunctionTimedOutEventDetails: ERR,
  stateEnteredEventDetails: ['name', 'input', 'inputDetails'],
  stateExitedEventDetails: ['name', 'output', 'outputDetails', 'assignedVariables', 'assignedVariablesDetails'],
  mapRunStartedEventDetails: ['mapRunArn'],
  mapRunFailedEventDetails: ERR,
  mapRunRedrivenEventDetails: ['mapRunArn', 'redriveCount'],
  evaluationFailedEventDetails: [...ERR, 'location', 'state'],
};
const NESTED: Record<string, string[]> = { inputDetails: DATA, outputDetails: DATA, assignedVariablesDetails: DATA, taskCredentials: ['roleArn'] };

let service: LocalService;
let server: ApiServer;
beforeAll(async () => {
  service = await createLocalService({ store: { kind: 'memory' }, clock: { mode: 'virtual', start: START }, lambdas: fixtureLambdas() });
  server = await startApiServer({ service, port: 0, log: () => {} });
});
afterAll(async () => {
  await server.close();
  await service.close();
});

async function call(op: string, body: unknown): Promise<{ status: number; json: Record<string, any> }> {
  const res = await fetch(server.url, { method: 'POST', headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `AWSStepFunctions.${op}` }, body: JSON.stringify(body) });
  return { status: res.status, json: JSON.parse((await res.text()) || '{}') };
}

async function run(name: string, definition: object, input: unknown = {}): Promise<string> {
  const sm = (await call('CreateStateMachine', { name, definition: JSON.stringify(definition), roleArn: ROLE })).json.stateMachineArn;
  const arn = (await call('StartExecution', { stateMachineArn: sm, input: JSON.stringify(input) })).json.executionArn as string;
  const until = Date.now() + 15_000;
  for (;;) {
    const d = (await call('DescribeExecution', { executionArn: arn })).json;
    if (d.status !== 'RUNNING') return arn;
    if (Date.now() > until) throw new Error('still running: ' + JSON.stringify((await call('GetExecutionHistory', { executionArn: arn })).json.events.slice(-2)));
    await service.admin.advanceTime(1000);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function shapeProblems(events: Record<string, any>[]): string[] {
  const problems: string[] = [];
  for (const e of events) {
    for (const [k, v] of Object.entries(e)) {
      if (['id', 'previousEventId', 'type'].includes(k)) continue;
      if (k === 'timestamp') {
        if (typeof v !== 'number') problems.push(`${e.type}.timestamp is ${typeof v}`);
        continue;
      }
      const members = MEMBERS[k];
      if (!members) {
        problems.push(`${e.type} has unknown member ${k}`);
        continue;
      }
      for (const [m, mv] of Object.entries(v as object)) {
        if (!members.includes(m)) problems.push(`${e.type}.${k} has unknown member ${m}`);
        if (NESTED[m]) for (const n of Object.keys(mv as object)) if (!NESTED[m]!.includes(n)) problems.push(`${e.type}.${k}.${m} has unknown member ${n}`);
      }
    }
  }
  return problems;
}

const MIXED = {
  StartAt: 'P',
  States: {
    P: { Type: 'Pass', Assign: { x: 1 }, Next: 'W' },
    W: { Type: 'Wait', Seconds: 0, Next: 'C' },
    C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'T' }], Default: 'T' },
    T: { Type: 'Task', Resource: fn('echo'), Next: 'TI' },
    TI: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'echo', 'Payload.$': '$' }, ResultPath: '$.r', Next: 'Par' },
    Par: { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', End: true } } }], ResultPath: '$.par', Next: 'M' },
    M: { Type: 'Map', ItemsPath: '$.event.items', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } }, Next: 'S' },
    S: { Type: 'Succeed' },
  },
};

describe('GetExecutionHistory wire shape (audit)', () => {
  test('every event carries only HistoryEvent members and each details object only its type\'s members', async () => {
    const arn = await run('mixed', MIXED, { a: 1, items: [1, 2] });
    const { json } = await call('GetExecutionHistory', { executionArn: arn });
    expect(json.events.length).toBeGreaterThan(10);
    expect(shapeProblems(json.events)).toEqual([]);
    expect(Object.keys(json)).toEqual(['events']);
  });

  test('a failing lambda task and a Fail state: shapes match too', async () => {
    const arn = await run('failing', { StartAt: 'T', States: { T: { Type: 'Task', Resource: fn('fail'), End: true, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F' }] }, F: { Type: 'Fail', Error: 'E', Cause: 'C' } } });
    const { json } = await call('GetExecutionHistory', { executionArn: arn });
    expect(shapeProblems(json.events)).toEqual([]);
    expect(json.events.at(-1)).toMatchObject({ type: 'ExecutionFailed', executionFailedEventDetails: { error: 'E', cause: 'C' } });
  });

  test('the first event is ExecutionStarted with id 1 and previousEventId 0; events are numbered sequentially', async () => {
    const arn = await run('seq', MIXED, { items: [] });
    const { json } = await call('GetExecutionHistory', { executionArn: arn });
    expect(json.events[0]).toMatchObject({ id: 1, previousEventId: 0, type: 'ExecutionStarted' });
    expect(json.events.map((e: any) => e.id)).toEqual(json.events.map((_: unknown, i: number) => i + 1));
    expect(json.events[0].executionStartedEventDetails).toMatchObject({ input: '{"items":[]}', inputDetails: { truncated: false }, roleArn: ROLE });
  });

  test('Assign: stateExitedEventDetails.assignedVariables is a map of serialized JSON strings with assignedVariablesDetails', async () => {
    const arn = await run('assign', { StartAt: 'P', States: { P: { Type: 'Pass', Assign: { x: 1, s: 'a' }, End: true } } });
    const { json } = await call('GetExecutionHistory', { executionArn: arn });
    const exited = json.events.find((e: any) => e.type === 'PassStateExited');
    expect(exited.stateExitedEventDetails).toMatchObject({ name: 'P', assignedVariables: { x: '1', s: '"a"' }, assignedVariablesDetails: { truncated: false } });
  });

  test('includeExecutionData false: no input or output anywhere', async () => {
    const arn = await run('nodata', MIXED, { a: 1, items: [1] });
    const { json } = await call('GetExecutionHistory', { executionArn: arn, includeExecutionData: false });
    for (const e of json.events) for (const [k, v] of Object.entries(e)) if (v && typeof v === 'object') {
      expect([k, 'input' in v]).toEqual([k, false]);
      expect([k, 'output' in v]).toEqual([k, false]);
    }
  });

  test('maxResults out of 0..1000 and a bad nextToken', async () => {
    const arn = await run('bounds', { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
    const over = await call('GetExecutionHistory', { executionArn: arn, maxResults: 1001 });
    expect(over.status).toBe(400);
    expect(over.json.__type).toMatch(/ValidationException/);
    expect(over.json.message).toMatch(/maxResults.*less than or equal to 1000/);
    const neg = await call('GetExecutionHistory', { executionArn: arn, maxResults: -1 });
    expect(neg.json.message).toMatch(/maxResults.*greater than or equal to 0/);
    const zero = await call('GetExecutionHistory', { executionArn: arn, maxResults: 0 });
    expect(zero.json.events).toHaveLength(4);
    const page = await call('GetExecutionHistory', { executionArn: arn, maxResults: 1, reverseOrder: true });
    expect(page.json.events.map((e: any) => e.type)).toEqual(['ExecutionSucceeded']);
    expect(typeof page.json.nextToken).toBe('string');
    const bad = await call('GetExecutionHistory', { executionArn: arn, nextToken: 'garbage' });
    expect(bad.status).toBe(400);
    expect(bad.json.__type).toMatch(/InvalidToken/);
  });
});

async function settle(arn: string): Promise<void> {
  const until = Date.now() + 15_000;
  for (;;) {
    const d = (await call('DescribeExecution', { executionArn: arn })).json;
    if (d.status !== 'RUNNING') return;
    if (Date.now() > until) throw new Error('still running');
    await service.admin.advanceTime(1000);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('GetExecutionHistory wire shape, more event families (audit)', () => {
  test('activity task: ActivityScheduled/Started/Succeeded details shapes; workerName', async () => {
    const activityArn = (await call('CreateActivity', { name: 'act' })).json.activityArn;
    const sm = (await call('CreateStateMachine', { name: 'acts', roleArn: ROLE, definition: JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Task', Resource: activityArn, TimeoutSeconds: 30, HeartbeatSeconds: 10, End: true } } }) })).json.stateMachineArn;
    const arn = (await call('StartExecution', { stateMachineArn: sm, input: '{"k":1}' })).json.executionArn;
    const task = (await call('GetActivityTask', { activityArn, workerName: 'w1' })).json;
    await call('SendTaskSuccess', { taskToken: task.taskToken, output: '{"ok":true}' });
    await settle(arn);
    const events = (await call('GetExecutionHistory', { executionArn: arn })).json.events;
    expect(shapeProblems(events)).toEqual([]);
    expect(events.find((e: any) => e.type === 'ActivityScheduled').activityScheduledEventDetails).toEqual({ resource: activityArn, input: '{"k":1}', inputDetails: { truncated: false }, timeoutInSeconds: 30, heartbeatInSeconds: 10 });
    expect(events.find((e: any) => e.type === 'ActivityStarted').activityStartedEventDetails).toEqual({ workerName: 'w1' });
    expect(events.find((e: any) => e.type === 'ActivitySucceeded').activitySucceededEventDetails).toEqual({ output: '{"ok":true}', outputDetails: { truncated: false } });
  });

  test('distributed Map: MapRunStarted carries mapRunArn, shapes match', async () => {
    const arn = await run('dmap', { StartAt: 'D', States: { D: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } } }, [1, 2]);
    const events = (await call('GetExecutionHistory', { executionArn: arn })).json.events;
    expect(shapeProblems(events)).toEqual([]);
    expect(events.find((e: any) => e.type === 'MapRunStarted').mapRunStartedEventDetails.mapRunArn).toMatch(/^arn:aws:states:us-east-1:123456789012:mapRun:dmap\//);
  });

  test('a start through a version: ExecutionStarted names stateMachineVersionArn; through an alias: both ARNs', async () => {
    const created = (await call('CreateStateMachine', { name: 'versioned', roleArn: ROLE, publish: true, definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }) })).json;
    const versionArn = created.stateMachineVersionArn;
    const aliasArn = (await call('CreateStateMachineAlias', { name: 'live', routingConfiguration: [{ stateMachineVersionArn: versionArn, weight: 100 }] })).json.stateMachineAliasArn;
    const byVersion = (await call('StartExecution', { stateMachineArn: versionArn })).json.executionArn;
    const byAlias = (await call('StartExecution', { stateMachineArn: aliasArn })).json.executionArn;
    await settle(byVersion);
    await settle(byAlias);
    const v = (await call('GetExecutionHistory', { executionArn: byVersion })).json.events[0].executionStartedEventDetails;
    expect(v).toEqual({ input: '{}', inputDetails: { truncated: false }, roleArn: ROLE, stateMachineVersionArn: versionArn });
    const a = (await call('GetExecutionHistory', { executionArn: byAlias })).json.events[0].executionStartedEventDetails;
    expect(a).toEqual({ input: '{}', inputDetails: { truncated: false }, roleArn: ROLE, stateMachineAliasArn: aliasArn, stateMachineVersionArn: versionArn });
  });

  test('includeExecutionData false: details keep their non-payload members (names, *Details, error and cause)', async () => {
    const arn = await run('nodata2', { StartAt: 'P', States: { P: { Type: 'Pass', Assign: { x: 1 }, Next: 'T' }, T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'echo', Payload: { a: 1 } }, Next: 'F' }, F: { Type: 'Fail', Error: 'E', Cause: 'C' } } }, { a: 1 });
    const events = (await call('GetExecutionHistory', { executionArn: arn, includeExecutionData: false })).json.events;
    expect(shapeProblems(events)).toEqual([]);
    expect(events[0].executionStartedEventDetails).toEqual({ inputDetails: { truncated: false }, roleArn: ROLE });
    expect(events.find((e: any) => e.type === 'PassStateExited').stateExitedEventDetails).not.toHaveProperty('output');
    expect(events.at(-1).executionFailedEventDetails).toEqual({ error: 'E', cause: 'C' });
  });

  test('redrive: ExecutionRedriven carries executionRedrivenEventDetails.redriveCount', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../runtime/fixtures/flaky').reset();
    const arn = await run('redriven', { StartAt: 'T', States: { T: { Type: 'Task', Resource: fn('flaky'), End: true } } }, { key: 'audit' });
    await call('RedriveExecution', { executionArn: arn });
    await settle(arn);
    const events = (await call('GetExecutionHistory', { executionArn: arn })).json.events;
    expect(shapeProblems(events)).toEqual([]);
    expect(events.find((e: any) => e.type === 'ExecutionRedriven')).toMatchObject({ executionRedrivenEventDetails: { redriveCount: 1 } });
  });

  test('EvaluationFailed: evaluationFailedEventDetails has state, error, cause', async () => {
    const arn = await run('evalfail', { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $undefinedFn() %}', End: true } } });
    const events = (await call('GetExecutionHistory', { executionArn: arn })).json.events;
    expect(shapeProblems(events)).toEqual([]);
    expect(events.find((e: any) => e.type === 'EvaluationFailed')?.evaluationFailedEventDetails).toMatchObject({ state: 'P', error: expect.any(String) });
  });
});

describe('GetExecutionHistory refusals (audit)', () => {
  test('an EXPRESS execution: refused ("This API action is not supported by EXPRESS state machines")', async () => {
    const sm = (await call('CreateStateMachine', { name: 'fast', type: 'EXPRESS', roleArn: ROLE, definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }) })).json.stateMachineArn;
    const arn = (await call('StartExecution', { stateMachineArn: sm })).json.executionArn;
    const r = await call('GetExecutionHistory', { executionArn: arn });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ __type: 'com.amazonaws.swf.service.v2.model#InvalidArn', message: "Invalid Arn: 'Resource type not valid in this context: express'" });
  });
});
