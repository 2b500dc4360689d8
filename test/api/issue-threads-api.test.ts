import { fileFixture } from '../runtime/service-fixture';
import { pollUntil } from '../runtime/until';

/**
 * Step Functions API answers that public issue threads quote from AWS (or that the API reference
 * states), driven through the in-process service's operations.
 */

const f = fileFixture();

/** A JSONata Map in a JSONPath machine, its processor's Pass JSONPath again (the thread's machine). */
const mixedMap = {
  StartAt: 'Map',
  QueryLanguage: 'JSONPath',
  States: {
    Map: {
      Type: 'Map',
      QueryLanguage: 'JSONata',
      ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Pass', States: { Pass: { QueryLanguage: 'JSONPath', Type: 'Pass', End: true } } },
      End: true,
    },
  },
};

describe('ValidateStateMachineDefinition (localstack/localstack#12958, AWS output quoted)', () => {
  test('a JSONata Map under a JSONPath machine, its processor state JSONPath again: OK, no diagnostics, not truncated', async () => {
    const definition = { Comment: 'A description of my state machine', ...mixedMap };
    const answer = await f.ops.ValidateStateMachineDefinition({ definition: JSON.stringify(definition) });
    expect(answer).toEqual({ result: 'OK', diagnostics: [], truncated: false });
  });

  test('such a machine can also be created and run: the JSONata Map takes its input as Items, the JSONPath Pass passes each item through', async () => {
    const definition = mixedMap;
    const sm = await f.machine('mixed-query-languages', definition);
    const d = await f.closed(await f.start(sm, [1, { a: 2 }]));
    expect(d).toMatchObject({ status: 'SUCCEEDED', output: '[1,{"a":2}]' });
  });
});

describe('ListExecutions', () => {
  test('a state machine and a Map Run together: ValidationException, as the API reference says ("either a mapRunArn or a stateMachineArn, but not both")', async () => {
    const dmap = {
      StartAt: 'D',
      States: { D: { Type: 'Map', Label: 'L', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } },
    };
    const sm = await f.machine('both-filters', dmap);
    const arn = await f.start(sm, [1]);
    await f.closed(arn);
    const mapRunArn = await pollUntil('the Map Run', async () => (await f.ops.ListMapRuns({ executionArn: arn })).mapRuns?.[0]?.mapRunArn, { attempts: 200, intervalMs: 5 });
    await expect(f.ops.ListExecutions({ stateMachineArn: sm, mapRunArn })).rejects.toMatchObject({ code: 'ValidationException' });
    // Each alone answers.
    expect((await f.ops.ListExecutions({ mapRunArn })).executions).toHaveLength(1);
    expect((await f.ops.ListExecutions({ stateMachineArn: sm })).executions).toHaveLength(1);
  });
});
