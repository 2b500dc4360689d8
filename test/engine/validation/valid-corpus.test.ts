import { validateDefinition } from '../../../lib/engine/validation';
import * as app from '../../../workflows';

/** Definitions AWS accepts: validation must not refuse any of them (no ERROR, no WARNING). */
const VALID: Record<string, object> = {
  'JSONata with Map Items, ItemSelector and Output (asl-validator#173)': {
    QueryLanguage: 'JSONata',
    StartAt: 'SetupAnimals',
    States: {
      SetupAnimals: { Type: 'Pass', Output: { animals: ['Lion', 'Cheetah', 'Elephant'] }, Next: 'ProcessAnimals' },
      ProcessAnimals: {
        Type: 'Map',
        Items: '{% $states.input.animals %}',
        ItemSelector: { animalName: '{% $states.context.Map.Item.Value %}' },
        ItemProcessor: { StartAt: 'NoOp', States: { NoOp: { Type: 'Pass', End: true } } },
        Output: { processResults: '{% $states.result %}' },
        End: true,
      },
    },
  },
  'JSONata Task with Arguments, Assign, Retry and Catch': {
    QueryLanguage: 'JSONata',
    StartAt: 'Call',
    States: {
      Call: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Arguments: { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:f', Payload: '{% $states.input %}' },
        Assign: { attempt: '{% $attempt + 1 %}' },
        Output: '{% $states.result.Payload %}',
        Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2, JitterStrategy: 'FULL' }, { ErrorEquals: ['States.ALL'] }],
        Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput %}', Assign: { failed: true }, Next: 'Failed' }],
        TimeoutSeconds: 300,
        HeartbeatSeconds: 60,
        Next: 'Check',
      },
      Check: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.ok %}', Next: 'Done' }], Default: 'Wait' },
      Wait: { Type: 'Wait', Seconds: '{% 5 %}', Next: 'Call' },
      Done: { Type: 'Succeed', Output: '{% $attempt %}' },
      Failed: { Type: 'Fail', Error: '{% "E" %}', Cause: 'boom' },
    },
  },
  'JSONPath classic: Parameters, ResultSelector, Choice with variables, legacy Map': {
    Comment: 'classic',
    Version: '1.0',
    TimeoutSeconds: 3600,
    StartAt: 'Init',
    States: {
      Init: { Type: 'Pass', Result: { n: 1 }, ResultPath: '$.init', Assign: { 'count.$': '$.init.n' }, Next: 'Route' },
      Route: {
        Type: 'Choice',
        Choices: [
          { Variable: '$count', NumericGreaterThanEquals: 1, Next: 'Each' },
          { And: [{ Variable: '$.a', IsPresent: true }, { Variable: '$.a', StringMatches: 'x*' }], Next: 'Both' },
        ],
        Default: 'Each',
      },
      Each: {
        Type: 'Map',
        ItemsPath: '$.items',
        MaxConcurrency: 2,
        Parameters: { 'item.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index' },
        Iterator: { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:work', End: true } } },
        ResultSelector: { 'count.$': 'States.ArrayLength($)' },
        ResultPath: '$.results',
        Next: 'Both',
      },
      Both: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'B1', States: { B1: { Type: 'Wait', TimestampPath: '$.when', End: true } } },
          { StartAt: 'B2', States: { B2: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { QueueUrl: 'q', 'MessageBody.$': 'States.JsonToString($)', 'Token.$': '$$.Task.Token' }, HeartbeatSecondsPath: '$.hb', End: true } } },
        ],
        Catch: [{ ErrorEquals: ['States.TaskFailed', 'States.Timeout'], ResultPath: '$.error', Next: 'Oops' }],
        OutputPath: '$[0]',
        Next: 'End',
      },
      Oops: { Type: 'Fail', ErrorPath: '$.error.Error', CausePath: "States.Format('failed: {}', $.error.Cause)" },
      End: { Type: 'Succeed' },
    },
  },
  'Distributed Map with ItemReader, ItemBatcher, ResultWriter, Label': {
    StartAt: 'Big',
    States: {
      Big: {
        Type: 'Map',
        Label: 'Big',
        ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }, Parameters: { Bucket: 'b', Key: 'k.csv' } },
        ItemBatcher: { MaxItemsPerBatch: 10 },
        ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Prefix: 'out' } },
        ToleratedFailurePercentage: 5,
        MaxConcurrency: 100,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
          StartAt: 'Each',
          States: { Each: { Type: 'Pass', End: true } },
        },
        End: true,
      },
    },
  },
};

describe('definitions AWS accepts', () => {
  it.each(Object.entries(VALID))('%s', (_name, definition) => {
    expect(validateDefinition(JSON.stringify(definition), { severity: 'WARNING' })).toEqual({ result: 'OK', diagnostics: [], truncated: false });
  });

  it.each(Object.entries(app))("the example app's %s, as sagaflow compiles it", (_name, workflow) => {
    const { definition } = workflow.compile();
    expect(validateDefinition(JSON.stringify(definition), { severity: 'WARNING' })).toEqual({ result: 'OK', diagnostics: [], truncated: false });
  });
});
