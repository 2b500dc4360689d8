import { nestingDepthMessage } from '../../lib/engine/core/json-nesting';
import { join } from 'node:path';
import { fileFixture, fixtureLambdas, fn } from './service-fixture';

/**
 * JSON nested past Jackson's limit (1000 levels, the parser behind Step Functions) is refused where
 * it enters, in Jackson's words, and an execution the engine cannot go on with ends without leaving
 * open tasks behind: the service keeps answering with AWS's errors.
 */

const f = fileFixture({ lambdas: [...fixtureLambdas(), { functionName: 'deep', modulePath: join(__dirname, 'fixtures', 'deep.ts'), isolation: 'inline' }] });
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const tooDeep = nestingDepthMessage(1001);

test('an execution input, a task output and a definition nested past 1,000 levels are refused with their errors', async () => {
  const sm = await f.machine('DeepInput', { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
  await expect(f.ops.StartExecution({ stateMachineArn: sm, input: deep(10_000) })).rejects.toMatchObject({ code: 'InvalidExecutionInput', message: `Invalid State Machine Execution Input: '${tooDeep}'` });
  // 1,000 levels are within the limit.
  expect((await f.closed(await (async () => (await f.ops.StartExecution({ stateMachineArn: sm, input: deep(1000) })).executionArn!)())).status).toBe('SUCCEEDED');

  await f.ops.CreateActivity({ name: 'deep' });
  const activityArn = (await f.ops.ListActivities({})).activities!.find((a) => a.name === 'deep')!.activityArn!;
  const task = await f.machine('DeepOutput', { StartAt: 'T', States: { T: { Type: 'Task', Resource: activityArn, End: true } } });
  const arn = await f.start(task, {});
  const { taskToken } = await f.ops.GetActivityTask({ activityArn });
  await expect(f.ops.SendTaskSuccess({ taskToken: taskToken!, output: deep(10_000) })).rejects.toMatchObject({ code: 'InvalidOutput', message: `Invalid Output: '${tooDeep}'` });
  await f.ops.SendTaskSuccess({ taskToken: taskToken!, output: '{"ok":true}' });
  expect((await f.closed(arn)).output).toBe('{"ok":true}');

  const definition = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Result: JSON.parse(deep(1200)), End: true } } });
  const answer = await f.ops.ValidateStateMachineDefinition({ definition });
  expect(answer.result).toBe('FAIL');
  expect(answer.diagnostics![0]).toMatchObject({ code: 'INVALID_JSON_DESCRIPTION', message: expect.stringContaining(tooDeep) });
});

test('a Lambda result nested past the limit fails its task with States.Runtime, which no catcher takes, and the execution with it', async () => {
  const sm = await f.machine('DeepResult', { StartAt: 'T', States: { T: { Type: 'Task', Resource: fn('deep'), Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }], End: true }, Caught: { Type: 'Succeed' } } });
  const d = await f.closed(await f.start(sm, { depth: 1500 }));
  expect(d).toMatchObject({ status: 'FAILED', error: 'States.Runtime', cause: nestingDepthMessage(1001) });
  const types = (await f.history(d.executionArn!)).map((e) => e.type);
  expect(types.slice(-2)).toEqual(['LambdaFunctionFailed', 'ExecutionFailed']);
});

test('an execution the engine cannot go on with fails as a whole: its open tasks end with it and later calls get AWS errors, not 500s', async () => {
  await f.ops.CreateActivity({ name: 'beside' });
  const activityArn = (await f.ops.ListActivities({})).activities!.find((a) => a.name === 'beside')!.activityArn!;
  // States.StringToJson builds a value nested 5,000 deep from a string: past what the engine's JSON code can walk.
  const sm = await f.machine('Unwalkable', {
    StartAt: 'P',
    States: {
      P: {
        Type: 'Parallel',
        End: true,
        Branches: [
          { StartAt: 'Wait', States: { Wait: { Type: 'Task', Resource: activityArn, End: true } } },
          { StartAt: 'Later', States: { Later: { Type: 'Wait', Seconds: 1, Next: 'Parse' }, Parse: { Type: 'Pass', Parameters: { 'v.$': 'States.StringToJson($.s)' }, End: true } } },
        ],
      },
    },
  });
  const arn = await f.start(sm, { s: deep(5000) });
  const { taskToken } = await f.ops.GetActivityTask({ activityArn });
  await f.service.admin.advanceTime(1000);
  const d = await f.closed(arn);
  expect(d).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  expect(d.cause).toMatch(/^The local engine failed: /);
  await expect(f.ops.SendTaskSuccess({ taskToken: taskToken!, output: '{}' })).rejects.toMatchObject({ code: 'TaskTimedOut' });
  await expect(f.ops.StopExecution({ executionArn: arn })).resolves.toBeDefined();
  expect((await f.ops.DescribeExecution({ executionArn: arn })).status).toBe('FAILED');
  const events = await f.history(arn);
  expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
});
