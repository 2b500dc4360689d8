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
  test('ItemReader fails the state with States.ItemReaderFailed (catchable), naming the resource, instead of mapping over the input', async () => {
    const r = await drive(map({ ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'b', Key: 'k' } } }), [1, 2]);
    expect(r.status).toBe('SUCCEEDED');
    expect(r.output).toEqual({
      Error: 'States.ItemReaderFailed',
      Cause:
        "An error occurred while executing the state 'D' (entered at the event id #2). The local service has no Amazon S3, so it cannot run the ItemReader (arn:aws:states:::s3:getObject) of a Distributed Map; pass the items in the state input (Items or ItemsPath) to run it locally.",
    });
    expect(r.events.map((e) => e.type)).not.toContain('MapRunStarted');
  });

  test('ResultWriter fails the state with States.ResultWriterFailed before any child runs', async () => {
    const r = await drive(map({ ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Prefix: 'p' } } }), [1, 2]);
    expect(r.status).toBe('SUCCEEDED');
    expect(r.output).toMatchObject({ Error: 'States.ResultWriterFailed', Cause: expect.stringContaining('cannot run the ResultWriter (arn:aws:states:::s3:putObject)') });
    expect(r.events.map((e) => e.type)).not.toContain('MapRunStarted');
  });
});
