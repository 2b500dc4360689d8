import type { StateMachineDefinition } from '../../../lib/asl';
import { drive } from '../core/engine-driver';

/** A Distributed Map with an S3 ItemReader or ResultWriter, caught so the failure is visible in the output. */
const map = (fields: object): StateMachineDefinition => ({
  StartAt: 'D',
  States: {
    D: {
      Type: 'Map',
      ...fields,
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
      End: true,
    },
    Caught: { Type: 'Pass', End: true },
  },
});

describe('a Distributed Map that needs Amazon S3, which the local service does not have', () => {
  test('ItemReader fails the Map Run with States.ItemReaderFailed (catchable), naming the resource, in the shape AWS records a failed ItemReader', async () => {
    const r = await drive(map({ ItemsPath: '$.ignored', ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'b', Key: 'k' } } }), [1, 2]);
    expect(r.status).toBe('SUCCEEDED');
    const cause =
      'The local service has no Amazon S3, so it cannot run the ItemReader (arn:aws:states:::s3:getObject) of a Distributed Map; pass the items in the state input (Items or ItemsPath) to run it locally.';
    expect(r.output).toEqual({ Error: 'States.ItemReaderFailed', Cause: cause });
    // MapStateStarted counts no items (they would come from S3), ItemsPath is not read, and the
    // Map Run fails right after it starts (localstack test_base_scenarios snapshot, recorded on AWS).
    expect(r.events.map((e) => [e.id, e.type, e.previousEventId])).toEqual([
      [1, 'ExecutionStarted', 0],
      [2, 'MapStateEntered', 0],
      [3, 'MapStateStarted', 2],
      [4, 'MapRunStarted', 3],
      [5, 'MapRunFailed', 4],
      [6, 'MapStateFailed', 5],
      [7, 'MapStateExited', 6],
      [8, 'PassStateEntered', 7],
      [9, 'PassStateExited', 8],
      [10, 'ExecutionSucceeded', 9],
    ]);
    expect(r.events[2]).toMatchObject({ mapStateStartedEventDetails: { length: 0 } });
    expect(r.events[4]).toMatchObject({ mapRunFailedEventDetails: { error: 'States.ItemReaderFailed', cause } });
  });

  test('ResultWriter fails the state with States.ResultWriterFailed before any child runs', async () => {
    const r = await drive(map({ ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Prefix: 'p' } } }), [1, 2]);
    expect(r.status).toBe('SUCCEEDED');
    expect(r.output).toMatchObject({ Error: 'States.ResultWriterFailed', Cause: expect.stringContaining('cannot run the ResultWriter (arn:aws:states:::s3:putObject)') });
    expect(r.events.map((e) => e.type)).not.toContain('MapRunStarted');
  });
});
