import { Chain, Condition, choice, fail, invoke, pass, path, succeed, waitForCallback, workflow, Context, type JsonPathCallbackProps } from '../../lib/builder';
import { Ask, Reserve } from './fixtures';

/**
 * Mistakes the types reject. Each `@ts-expect-error` is checked by `tsc --noEmit` (part of
 * `npm test`): if the mistake ever type-checks, tsc reports an unused directive. The runtime
 * assertions check what the untyped path does.
 */
describe('typing', () => {
  it('gives Succeed, Fail and ended chains no next()', () => {
    const done = succeed('Done');
    // @ts-expect-error Succeed has no next()
    expect(() => done.next(pass('After'))).toThrow(TypeError);
    const failed = fail('Failed');
    // @ts-expect-error Fail has no next()
    expect(() => failed.next(pass('After'))).toThrow(TypeError);
    const ended = pass('Start').next(succeed('End'));
    // @ts-expect-error a chain ending in Succeed is a TerminalChain, which has no next()
    expect(() => ended.next(pass('After'))).toThrow(TypeError);
    const finished = pass('Result').end();
    // @ts-expect-error end() returns a TerminalChain
    expect(() => finished.next(pass('After'))).toThrow(TypeError);
  });

  it('types payloads by the activity input and outputs by its output', () => {
    const wrongType = () =>
      // @ts-expect-error orderId is a string (or a path), not a number
      invoke(Reserve, { payload: { orderId: 42 } });
    expect(workflow('Typed', wrongType).compile().definition.States.Reserve).toMatchObject({ Parameters: { Payload: { orderId: 42 } } });
    const task = invoke(Reserve, { payload: { orderId: path('$.id') }, resultPath: '$.r' });
    expect(task.output('reservationId').expression).toBe('$.r.Payload.reservationId');
    // @ts-expect-error 'missing' is not a field of Reserve's output
    expect(task.output('missing').expression).toBe('$.r.Payload.missing');
  });

  it('requires a callback timeout by type', () => {
    // @ts-expect-error timeoutSeconds is required
    const props: JsonPathCallbackProps<{ id: string; token: string }> = { payload: { id: 'x', token: Context.taskToken } };
    expect(() => waitForCallback(Ask, props)).toThrow('the callback has no timeout');
  });

  it('joins the open branches of a choice with next()', () => {
    const { definition } = workflow('Join', () =>
      Chain.start(choice('Pick').when(Condition.isPresent('$.a'), pass('A')).otherwise(pass('B'))).next(pass('After')),
    ).compile();
    expect(definition.States.A).toEqual({ Type: 'Pass', Next: 'After' });
    expect(definition.States.B).toEqual({ Type: 'Pass', Next: 'After' });
    expect(definition.States.Pick).toEqual({ Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'A' }], Default: 'B' });
  });
});
