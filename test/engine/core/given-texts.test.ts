import { createExecution, type EngineInput, type HistoryEvent } from '../../../lib/engine';
import { executionInfo } from './engine-driver';

/**
 * A payload keeps the text it was given while no state changes it: AWS shows an input started with
 * spaces verbatim in the first states' events and in causes that quote it (a 2019 AWS history quoted
 * in localstack#1375; localstack#11953; an EventBridge event of 2023 quoting a console input).
 */

const INFO = executionInfo('e', 'arn:aws:states:us-east-1:123456789012:stateMachine:m');

async function run(definition: object, input: string, taskOutput?: string): Promise<HistoryEvent[]> {
  const e = createExecution(definition as never);
  const events: HistoryEvent[] = [];
  const apply = async (i: EngineInput) => {
    const d = await e.apply(i);
    events.push(...d.events);
    for (const c of d.commands) {
      if (c.kind === 'RunTask' && taskOutput !== undefined) {
        await apply({ kind: 'TaskStarted', at: 1, taskId: c.taskId });
        await apply({ kind: 'TaskSucceeded', at: 2, taskId: c.taskId, output: taskOutput });
      }
    }
  };
  await apply({ kind: 'StartExecution', at: 0, input, execution: INFO, seed: 'ab'.repeat(16) });
  return JSON.parse(JSON.stringify(events)) as HistoryEvent[];
}

const detail = (events: HistoryEvent[], type: string, field: string): unknown => {
  const event = events.find((e) => e.type === type) as unknown as Record<string, Record<string, unknown>>;
  return Object.values(event).find((v) => v !== null && typeof v === 'object')![field];
};

test("an input's own text reaches the first state's events and the Lambda, as AWS recorded it", async () => {
  const input = '{\n   "n1":10,"n2":20\n}';
  const def = { StartAt: 'AddNumbers', States: { AddNumbers: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:add', End: true } } };
  const events = await run(def, input, '{"sum": 30}');
  expect(detail(events, 'ExecutionStarted', 'input')).toBe(input);
  expect(detail(events, 'TaskStateEntered', 'input')).toBe(input);
  expect(detail(events, 'LambdaFunctionScheduled', 'input')).toBe(input);
  // The result is the state's output as the function wrote it.
  expect(detail(events, 'TaskStateExited', 'output')).toBe('{"sum": 30}');
  expect(detail(events, 'ExecutionSucceeded', 'output')).toBe('{"sum": 30}');
});

test('states that pass the payload on unchanged keep its text; a changed payload is written compactly', async () => {
  const input = '{ "Comment": "Insert your JSON here", "price": 10.0 }';
  const def = {
    StartAt: 'First',
    States: {
      First: { Type: 'Pass', Next: 'Second' },
      Second: { Type: 'Pass', Result: 'done', ResultPath: '$.status', End: true },
    },
  };
  const events = await run(def, input);
  expect(detail(events, 'PassStateExited', 'output')).toBe(input);
  const entered = events.filter((e) => e.type === 'PassStateEntered').map((e) => (e as { stateEnteredEventDetails: { input: string } }).stateEnteredEventDetails.input);
  expect(entered).toEqual([input, input]);
  expect(detail(events, 'ExecutionSucceeded', 'output')).toBe('{"Comment":"Insert your JSON here","price":10,"status":"done"}');
});

test('a cause that quotes the input quotes it as it was given (localstack#11953)', async () => {
  const def = { StartAt: 'A', States: { A: { Type: 'Pass', Parameters: { a: 2, 'b.$': '$.value' }, End: true } } };
  const events = await run(def, '{"a": 1,       "b": 2}');
  expect(detail(events, 'ExecutionFailed', 'cause')).toBe(
    "An error occurred while executing the state 'A' (entered at the event id #2). The JSONPath '$.value' specified for the field 'b.$' could not be found in the input '{\"a\": 1,       \"b\": 2}'",
  );
});

test('a compact text is left as JSON writes it', async () => {
  const def = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
  const events = await run(def, '{"a":1,"b":[true,null]}');
  expect(detail(events, 'PassStateEntered', 'input')).toBe('{"a":1,"b":[true,null]}');
});

test('a Distributed Map records its input written anew, while ExecutionStarted keeps the given text (test_map_state_label, recorded on AWS 2024-07)', async () => {
  const input = '["Hello", "World"]';
  const def = {
    StartAt: 'Map',
    States: {
      Map: {
        Type: 'Map',
        Label: 'TestMap',
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
        End: true,
      },
    },
  };
  const events = await run(def, input);
  expect(detail(events, 'ExecutionStarted', 'input')).toBe(input);
  expect(detail(events, 'MapStateEntered', 'input')).toBe('["Hello","World"]');
});
