import {
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListMapRunsCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  type ExecutionStatus,
} from '@aws-sdk/client-sfn';
import { PASS, ROLE, SM_PREFIX, recordedService } from './recorded-service';

// Executions: start, describe, list, history, stop, time out, Map Runs: answers recorded on AWS, through the SDK against the real runtime.

const { send, create, failure, finished, advance } = recordedService();

describe('executions (test_sfn_api.snapshot.json)', () => {
  test('StartExecution of a machine that does not exist: StateMachineDoesNotExist', async () => {
    const arn = `${SM_PREFIX}statemachine_invalid_x`;
    expect(await failure(send(new StartExecutionCommand({ stateMachineArn: arn })))).toEqual({ name: 'StateMachineDoesNotExist', message: `State Machine Does Not Exist: '${arn}'` });
  });

  test("execution input that is not JSON: InvalidExecutionInput with Jackson's words; numbers, strings and null are accepted", async () => {
    const { stateMachineArn } = await create('inputs');
    expect(await failure(send(new StartExecutionCommand({ stateMachineArn, input: 'not a json' })))).toEqual({
      name: 'InvalidExecutionInput',
      message: "Invalid State Machine Execution Input: 'Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')'",
    });
    expect(await failure(send(new StartExecutionCommand({ stateMachineArn, input: "{'not': 'json'}" })))).toEqual({
      name: 'InvalidExecutionInput',
      message: "Invalid State Machine Execution Input: 'Unexpected character (''' (code 39)): was expecting double-quote to start field name'",
    });
    expect(await failure(send(new StartExecutionCommand({ stateMachineArn, input: '' })))).toEqual({
      name: 'InvalidExecutionInput',
      message: "Invalid State Machine Execution Input: 'Invalid execution input.'",
    });
    for (const input of ['2', '"abc"', 'null']) await expect(send(new StartExecutionCommand({ stateMachineArn, input }))).resolves.toHaveProperty('executionArn');
  });

  test('an execution name over 80 characters: the model constraint in AWS words (getmoto/moto#6438, quoting AWS)', async () => {
    const { stateMachineArn } = await create('long-names');
    const name = `test.${'0'.repeat(76)}`;
    expect(await failure(send(new StartExecutionCommand({ stateMachineArn, name })))).toEqual({
      name: 'ValidationException',
      message: `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80`,
    });
  });

  test('a STANDARD name in use is ExecutionAlreadyExists; an EXPRESS name can be used again at once (floci-io/floci#3059)', async () => {
    const standard = await create('names-standard');
    await finished((await send(new StartExecutionCommand({ stateMachineArn: standard.stateMachineArn, name: 'again' }))).executionArn!);
    const err = await failure(send(new StartExecutionCommand({ stateMachineArn: standard.stateMachineArn, name: 'again' })));
    expect(err.name).toBe('ExecutionAlreadyExists');
    const express = await create('names-express', PASS, { type: 'EXPRESS' });
    const a = await send(new StartExecutionCommand({ stateMachineArn: express.stateMachineArn, name: 'again' }));
    const b = await send(new StartExecutionCommand({ stateMachineArn: express.stateMachineArn, name: 'again' }));
    expect(a.executionArn).not.toBe(b.executionArn);
  });

  test('DescribeExecution of a succeeded execution: included details, redrive fields', async () => {
    const { stateMachineArn } = await create('describe-exec');
    const { executionArn } = await send(new StartExecutionCommand({ stateMachineArn, name: 'e1', input: '{}' }));
    const d = await finished(executionArn!);
    expect(d).toMatchObject({
      executionArn,
      name: 'e1',
      input: '{}',
      inputDetails: { included: true },
      output: '{"Arg1":"argument1"}',
      outputDetails: { included: true },
      redriveCount: 0,
      redriveStatus: 'NOT_REDRIVABLE',
      redriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven',
      stateMachineArn,
      status: 'SUCCEEDED',
    });
  });

  test('DescribeExecution and GetExecutionHistory of an execution that does not exist: ExecutionDoesNotExist', async () => {
    const arn = 'arn:aws:states:us-east-1:123456789012:execution:describe-exec:nope';
    const expected = { name: 'ExecutionDoesNotExist', message: `Execution Does Not Exist: '${arn}'` };
    expect(await failure(send(new DescribeExecutionCommand({ executionArn: arn })))).toEqual(expected);
    expect(await failure(send(new GetExecutionHistoryCommand({ executionArn: arn })))).toEqual(expected);
  });

  test('ListExecutions of a machine that does not exist: StateMachineDoesNotExist', async () => {
    const arn = `${SM_PREFIX}ssm_nonexistent`;
    expect(await failure(send(new ListExecutionsCommand({ stateMachineArn: arn })))).toEqual({ name: 'StateMachineDoesNotExist', message: `State Machine Does Not Exist: '${arn}'` });
  });

  test('ListExecutions: newest first with redriveCount; a status filter not in the enum is refused in AWS words; limits', async () => {
    const { stateMachineArn } = await create('listed');
    for (const name of ['a', 'b', 'c']) {
      await finished((await send(new StartExecutionCommand({ stateMachineArn, name }))).executionArn!);
      await advance(1000);
    }
    const listed = await send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'SUCCEEDED' }));
    expect(listed.executions!.map((e) => e.name)).toEqual(['c', 'b', 'a']);
    expect(Object.keys(listed.executions![0]!).sort()).toEqual(['executionArn', 'name', 'redriveCount', 'startDate', 'stateMachineArn', 'status', 'stopDate']);
    expect((await send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING' }))).executions).toEqual([]);
    expect(await failure(send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'succeeded' as ExecutionStatus })))).toEqual({
      name: 'ValidationException',
      message: "1 validation error detected: Value 'succeeded' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]",
    });
    expect((await failure(send(new ListExecutionsCommand({ stateMachineArn, maxResults: 1001 })))).message).toBe(
      "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
    const long = 'x'.repeat(3097);
    expect((await failure(send(new ListExecutionsCommand({ stateMachineArn, nextToken: long })))).message).toBe(
      `1 validation error detected: Value '${long}' at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 3096`,
    );
  });

  test('ListExecutions with neither a state machine nor a Map Run (cloudquery/cloudquery#7911, quoting AWS)', async () => {
    expect(await failure(send(new ListExecutionsCommand({})))).toEqual({ name: 'ValidationException', message: 'Must provide a StateMachine ARN or MapRun ARN' });
  });

  test('names with a period are described by their ARNs (localstack/localstack#10976)', async () => {
    const { stateMachineArn } = await create('my.name');
    expect((await send(new DescribeStateMachineCommand({ stateMachineArn }))).name).toBe('my.name');
    const { executionArn } = await send(new StartExecutionCommand({ stateMachineArn, name: 'run.1' }));
    expect((await send(new DescribeExecutionCommand({ executionArn }))).name).toBe('run.1');
  });

  test('GetExecutionHistory in reverse order lists the same events last to first', async () => {
    const { stateMachineArn } = await create('reversed');
    const { executionArn } = await send(new StartExecutionCommand({ stateMachineArn }));
    await finished(executionArn!);
    const forward = await send(new GetExecutionHistoryCommand({ executionArn }));
    const backward = await send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true }));
    expect(forward.events!.map((e) => [e.id, e.previousEventId, e.type])).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 0, 'PassStateEntered'],
      [3, 2, 'PassStateExited'],
      [4, 3, 'ExecutionSucceeded'],
    ]);
    expect(backward.events).toEqual([...forward.events!].reverse());
  });

  test('DescribeStateMachineForExecution: definition, name, role, configurations and updateDate; no status, type or creationDate', async () => {
    const { stateMachineArn } = await create('for-exec');
    const { executionArn } = await send(new StartExecutionCommand({ stateMachineArn }));
    const d = await send(new DescribeStateMachineForExecutionCommand({ executionArn }));
    expect(d).toMatchObject({ stateMachineArn, name: 'for-exec', definition: PASS, roleArn: ROLE, loggingConfiguration: { level: 'OFF', includeExecutionData: false }, tracingConfiguration: { enabled: false } });
    expect(d.updateDate).toBeInstanceOf(Date);
    expect(d.revisionId).toBeUndefined();
    expect(d).not.toHaveProperty('status');
    expect(d).not.toHaveProperty('type');
    expect(d).not.toHaveProperty('creationDate');
  });
});

describe('stopping (floci-io/floci#2734 and #2965, measured on AWS)', () => {
  const WAIT = JSON.stringify({ StartAt: 'State_1', States: { State_1: { Type: 'Wait', Seconds: 30, End: true } } });

  test('StopExecution with an error and a cause: ABORTED with both; without: ABORTED with neither key, an empty details object', async () => {
    const { stateMachineArn } = await create('stopped', WAIT);
    const a = await send(new StartExecutionCommand({ stateMachineArn, name: 'with' }));
    const stopped = await send(new StopExecutionCommand({ executionArn: a.executionArn, error: 'Manual', cause: 'probe' }));
    expect(stopped.stopDate).toBeInstanceOf(Date);
    expect(await send(new DescribeExecutionCommand({ executionArn: a.executionArn }))).toMatchObject({ status: 'ABORTED', error: 'Manual', cause: 'probe' });
    const b = await send(new StartExecutionCommand({ stateMachineArn, name: 'without' }));
    await send(new StopExecutionCommand({ executionArn: b.executionArn }));
    const d = await send(new DescribeExecutionCommand({ executionArn: b.executionArn }));
    expect(d.status).toBe('ABORTED');
    expect(d).not.toHaveProperty('error');
    expect(d).not.toHaveProperty('cause');
    const { events } = await send(new GetExecutionHistoryCommand({ executionArn: b.executionArn }));
    expect(events!.at(-1)).toMatchObject({ type: 'ExecutionAborted', id: 3, previousEventId: 0, executionAbortedEventDetails: {} });
  });
});

describe('timing out (floci-io/floci#2733 and #2965, measured on AWS)', () => {
  test('a machine TimeoutSeconds: TIMED_OUT at start plus the timeout, error and cause absent; the event carries States.Timeout alone', async () => {
    const { stateMachineArn } = await create('timed-out', JSON.stringify({ StartAt: 'W', TimeoutSeconds: 3, States: { W: { Type: 'Wait', Seconds: 25, End: true } } }));
    const { executionArn } = await send(new StartExecutionCommand({ stateMachineArn }));
    await advance(3000);
    const d = await finished(executionArn!);
    expect(d.status).toBe('TIMED_OUT');
    expect(d.stopDate!.getTime() - d.startDate!.getTime()).toBe(3000);
    expect(d).not.toHaveProperty('error');
    expect(d).not.toHaveProperty('cause');
    expect(d).toMatchObject({ input: '{}', inputDetails: { included: true }, redriveCount: 0, redriveStatus: 'REDRIVABLE' });
    expect(d).not.toHaveProperty('redriveStatusReason');
    const { events } = await send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events!.at(-1)).toMatchObject({ type: 'ExecutionTimedOut', previousEventId: 0, executionTimedOutEventDetails: { error: 'States.Timeout' } });
    expect(events!.at(-1)!.executionTimedOutEventDetails).not.toHaveProperty('cause');
  });
});

describe('Map Runs (test_sfn_api_map_run.snapshot.json)', () => {
  test('ListMapRuns and DescribeMapRun of a finished Distributed Map', async () => {
    const definition = JSON.stringify({
      StartAt: 'Map',
      States: {
        Map: {
          Type: 'Map',
          MaxConcurrency: 1,
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
          End: true,
        },
      },
    });
    const { stateMachineArn } = await create('map-run', definition);
    const { executionArn } = await send(new StartExecutionCommand({ stateMachineArn, input: '[1, 2]' }));
    expect((await finished(executionArn!)).status).toBe('SUCCEEDED');
    const { mapRuns } = await send(new ListMapRunsCommand({ executionArn }));
    expect(mapRuns).toHaveLength(1);
    expect(Object.keys(mapRuns![0]!).sort()).toEqual(['executionArn', 'mapRunArn', 'startDate', 'stateMachineArn', 'stopDate']);
    expect(mapRuns![0]!.stateMachineArn).toMatch(new RegExp(`^${stateMachineArn}/[^/:]+$`));
    const d = await send(new DescribeMapRunCommand({ mapRunArn: mapRuns![0]!.mapRunArn }));
    // Ten counters each, failuresNotRedrivable and pendingRedrive too (floci-io/floci#2671, measured on AWS).
    const counts = { aborted: 0, failed: 0, pending: 0, resultsWritten: 2, running: 0, succeeded: 2, timedOut: 0, total: 2, failuresNotRedrivable: 0, pendingRedrive: 0 };
    expect(d).toMatchObject({ executionArn, maxConcurrency: 1, status: 'SUCCEEDED', toleratedFailureCount: 0, toleratedFailurePercentage: 0 });
    expect(d.itemCounts).toEqual(counts);
    expect(d.executionCounts).toEqual(counts);
  });
});
