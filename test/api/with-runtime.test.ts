import { CreateStateMachineCommand, DescribeExecutionCommand, GetExecutionHistoryCommand, InvalidName, StartExecutionCommand, StateMachineDoesNotExist } from '@aws-sdk/client-sfn';
import { wireService } from './wire-service';

// The API in front of the real runtime (lib/runtime), in process: the seams line up.

const wire = wireService({ start: Date.UTC(2024, 5, 1) });

const ROLE = 'arn:aws:iam::123456789012:role/sagaflow';

test('an execution through the API: started, waited in virtual time, finished, with its history', async () => {
  const definition = JSON.stringify({ StartAt: 'Wait', States: { Wait: { Type: 'Wait', Seconds: 60, Next: 'Done' }, Done: { Type: 'Pass', Result: 'ok', End: true } } });
  const { stateMachineArn } = await wire.client.send(new CreateStateMachineCommand({ name: 'waiter', definition, roleArn: ROLE }));
  const { executionArn, startDate } = await wire.client.send(new StartExecutionCommand({ stateMachineArn, name: 'w1', input: '{"x":1}' }));
  expect(startDate!.getTime()).toBe(Date.UTC(2024, 5, 1));
  const advanced = await fetch(`${wire.url}/_sagaflow/clock/advance`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"ms":60000}' });
  expect((await advanced.json()) as unknown).toMatchObject({ fired: 1 });
  let described = await wire.client.send(new DescribeExecutionCommand({ executionArn }));
  for (let i = 0; i < 50 && described.status === 'RUNNING'; i++) {
    await new Promise((r) => setTimeout(r, 20));
    described = await wire.client.send(new DescribeExecutionCommand({ executionArn }));
  }
  expect(described).toMatchObject({ status: 'SUCCEEDED', output: '"ok"' });
  expect(described.stopDate!.getTime() - described.startDate!.getTime()).toBe(60_000);
  const { events } = await wire.client.send(new GetExecutionHistoryCommand({ executionArn }));
  expect(events!.map((e) => e.type)).toEqual(['ExecutionStarted', 'WaitStateEntered', 'WaitStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
  for (const e of events!) expect(e.timestamp).toBeInstanceOf(Date);
});

test("the runtime's own answers pass through: a missing state machine beats a bad name", async () => {
  const missing = 'arn:aws:states:us-east-1:123456789012:stateMachine:missing';
  const err = await wire.client.send(new StartExecutionCommand({ stateMachineArn: missing, name: 'a b' })).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(StateMachineDoesNotExist);
  expect((err as Error).message).toBe(`State Machine Does Not Exist: '${missing}'`);
  await wire.client.send(new CreateStateMachineCommand({ name: 'named', definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }), roleArn: ROLE }));
  const named = await wire.client.send(new StartExecutionCommand({ stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:named', name: 'a b' })).catch((e: unknown) => e);
  expect(named).toBeInstanceOf(InvalidName);
});
