import {
  Chain, Condition, Context, WorkflowError, choice, fail, invoke, map, parallel, pass, path, saga, succeed, waitForCallback, workflow,
  type Chainable, type JsonPathCallbackProps, type RetryPolicy,
} from '../../lib/builder';
import { Ask, Notify, Work } from './fixtures';

/** Compiles a one-off workflow and returns the WorkflowError's message. */
function errorOf(build: () => Chainable): string {
  try {
    workflow('Broken', build).compile();
  } catch (err) {
    expect(err).toBeInstanceOf(WorkflowError);
    return (err as Error).message;
  }
  throw new Error('expected a WorkflowError');
}

const retrying = (...retry: RetryPolicy[]) => () => invoke(Work, { retry });

describe('compile-time checks', () => {
  it('rejects a state name used twice, also across nested graphs', () => {
    expect(errorOf(() => pass('Same').next(pass('Same')))).toBe(
      "workflow 'Broken', state 'Same': the state name is used twice (names must be unique across the whole definition, nested graphs included). Fix: rename one of the states.",
    );
    expect(errorOf(() => pass('Work').next(map('Each', { iterator: invoke(Work) })))).toContain("state 'Work': the state name is used twice");
    expect(errorOf(() => parallel('P', { branches: [pass('A'), pass('A')] }))).toContain("state 'A': the state name is used twice");
    expect(
      errorOf(() => {
        const after = pass('After');
        return parallel('P', { branches: [pass('B1').next(after)] }).next(after);
      }),
    ).toBe(
      "workflow 'Broken', state 'After': the state belongs to two graphs (the one starting at 'P' and the one starting at 'B1'); a Map or Parallel body cannot transition to a state outside it. Fix: give each graph its own states; continue after the Map or Parallel with next().",
    );
  });

  it('rejects the same states used as two branches, which would compile to two copies of each name', () => {
    const shared = pass('Shared');
    expect(errorOf(() => parallel('P', { branches: [shared, shared] }))).toBe(
      "workflow 'Broken', state 'Shared': the states starting here are used twice, as two branches or bodies, so their names would repeat. Fix: build each branch or body from states of its own.",
    );
    const body = invoke(Work);
    expect(errorOf(() => parallel('P', { branches: [map('EachA', { iterator: body }), map('EachB', { iterator: body })] }))).toContain("state 'Work': the states starting here are used twice");
  });

  it('rejects a path field that is no JSONPath, which AWS would refuse', () => {
    expect(errorOf(() => invoke(Work, { resultPath: 'result' }))).toBe(
      "workflow 'Broken', state 'Work': its ResultPath \"result\" is not a JSONPath (AWS refuses the definition). Fix: use a path into the state's input such as '$.result', or null to discard the result.",
    );
    expect(errorOf(() => invoke(Work, { resultPath: '$$.Execution' }))).toContain('its ResultPath "$$.Execution" is not a JSONPath');
    expect(errorOf(() => map('Each', { itemsPath: 'items', iterator: invoke(Work) }))).toBe(
      "workflow 'Broken', state 'Each': its ItemsPath \"items\" is not a JSONPath (AWS refuses the definition). Fix: start it with '$', e.g. '$.items'.",
    );
    expect(errorOf(() => parallel('P', { branches: [pass('A')] }).addCatch(pass('Handle'), { errors: ['States.ALL'], resultPath: 'error' }))).toContain(
      "state 'P': its Catch #1 ResultPath \"error\" is not a JSONPath",
    );
    expect(errorOf(() => map('Deep', { iterator: pass('Inner', { resultPath: 'inner' }) }))).toContain("state 'Inner': its ResultPath \"inner\"");
  });

  it('rejects an empty saga', () => {
    expect(errorOf(() => saga('Order', { steps: [] }))).toBe("workflow 'Broken', state 'Order': the saga has no steps. Fix: give at least one step.");
  });

  it('rejects a step after a terminal state', () => {
    expect(errorOf(() => Chain.sequence(pass('A'), fail('Stop'), pass('Never')))).toBe(
      "workflow 'Broken', state 'Never': it follows 'Stop', where every path has already ended (Succeed, Fail or end()), so it would never run. Fix: remove it, or end the earlier flow with a state that continues.",
    );
    expect(errorOf(() => saga('Order', { steps: [pass('A'), succeed('Done'), pass('Never')] }))).toContain("state 'Never': it follows 'Done'");
    expect(errorOf(() => Chain.sequence(pass('Y'), pass('Z').end(), pass('After')))).toContain("state 'After': it follows 'Z'");
    expect(errorOf(() => {
      const last = pass('Last');
      last.end();
      return Chain.start(pass('First')).next(last).next(pass('After2'));
    })).toContain("state 'After2': it follows 'Last', where every path has already ended");
    const onlyTerminalBranches = () => choice('Pick').when(Condition.booleanEquals('$.a', true), fail('F1')).otherwise(succeed('S1'));
    expect(errorOf(() => Chain.start(onlyTerminalBranches()).next(pass('Never2')))).toContain("state 'Never2': it follows 'Pick'");
  });

  it('rejects a callback without a timeout or without the task token', () => {
    const noTimeout = { payload: { id: path('$.id'), token: Context.taskToken } } as unknown as JsonPathCallbackProps<{ id: string; token: string }>;
    expect(errorOf(() => waitForCallback(Ask, noTimeout))).toBe(
      "workflow 'Broken', state 'Ask': the callback has no timeout, so a lost task token would keep the execution open for a year. Fix: set timeoutSeconds, e.g. 86400 for 24 hours.",
    );
    expect(errorOf(() => waitForCallback(Ask, { payload: { id: path('$.id'), token: 'none' }, timeoutSeconds: 60 }))).toContain(
      'the payload does not carry the task token',
    );
    expect(errorOf(() => waitForCallback(Ask, { payload: { id: path('$.id'), token: Context.taskToken }, timeoutSeconds: 60, heartbeatSeconds: 60 }))).toContain(
      'heartbeatSeconds (60) must be below timeoutSeconds (60)',
    );
  });

  it('rejects an unbounded loop without continue-as-new', () => {
    expect(
      errorOf(() => {
        const check = invoke(Work, { resultPath: '$.check' });
        const again = choice('Again').when(Condition.booleanEquals('$.check.Payload.done', true), succeed('Finished')).otherwise(check);
        return check.next(pass('Pause')).next(again);
      }),
    ).toBe(
      "workflow 'Broken', state 'Again': the transition back to 'Work' makes an unbounded loop without continue-as-new; its history grows until AWS fails the execution at 25,000 events. Fix: build the loop with loop(), which continues as new after a bounded number of iterations.",
    );
  });

  it('rejects invalid retries', () => {
    expect(errorOf(retrying({ intervalSeconds: 0 }))).toBe("workflow 'Broken', state 'Work': Retry #2 has an invalid intervalSeconds (0). Fix: use a positive whole number of seconds.");
    expect(errorOf(retrying({ maxAttempts: -1 }))).toContain('Retry #2 has an invalid maxAttempts (-1)');
    expect(errorOf(retrying({ maxAttempts: 1.5 }))).toContain('Retry #2 has an invalid maxAttempts (1.5)');
    expect(errorOf(retrying({ backoffRate: 0.5 }))).toContain('Retry #2 has an invalid backoffRate (0.5). Fix: use a number of at least 1.0.');
    expect(errorOf(retrying({ maxDelaySeconds: 0 }))).toContain('Retry #2 has an invalid maxDelaySeconds (0)');
    expect(errorOf(retrying({ jitter: 'HALF' as 'FULL' }))).toContain('Retry #2 has an invalid jitter (HALF)');
    expect(errorOf(retrying({ errors: [] }))).toContain('Retry #2 has an empty error list');
    expect(errorOf(retrying({ errors: ['States.ALL', 'Busy'] }))).toContain('Retry #2 mixes States.ALL with other error names');
    expect(errorOf(retrying({ errors: ['States.ALL'] }, { errors: ['Busy'] }))).toBe(
      "workflow 'Broken', state 'Work': Retry #2 uses States.ALL but is not the last entry, so later entries never match. Fix: move the States.ALL entry to the end.",
    );
    expect(errorOf(() => invoke(Work).addCatch(pass('H1')).addCatch(pass('H2'), { errors: ['Busy'] }))).toContain('Catch #1 uses States.ALL but is not the last entry');
  });

  it('rejects other mistakes with the state and the fix', () => {
    expect(errorOf(() => map('Each', { iterator: invoke(Work), toleratedFailureCount: 1 }))).toBe(
      "workflow 'Broken', state 'Each': tolerated failures apply only to a Distributed Map. Fix: set mode: 'DISTRIBUTED', or remove toleratedFailureCount/Percentage.",
    );
    expect(errorOf(() => saga('Order', { steps: [{ run: invoke(Work), compensate: invoke(Notify) }, pass('B')] }))).toContain(
      "state 'Notify': the compensation replaces the state with its output",
    );
    expect(errorOf(() => invoke(Work, { timeoutSeconds: 0 }))).toContain('timeoutSeconds (0) is not a positive whole number');
    expect(errorOf(() => pass('x'.repeat(81)))).toContain('must have 1 to 80 characters');
    expect(errorOf(() => pass('A').next(choice('Empty')))).toBe("workflow 'Broken', state 'Empty': it has no when() branch. Fix: add at least one when(condition, next).");
    expect(errorOf(() => map('Each', { iterator: invoke(Work), maxConcurrency: -1 }))).toContain('maxConcurrency (-1) is not a whole number of 0 or more');
    expect(errorOf(() => pass('Huge', { result: { blob: 'x'.repeat(1024 * 1024) } }))).toMatch(
      /^workflow 'Broken': the definition has \d+ bytes, over AWS's limit of 1048576\. Fix: split it into sub-workflows with startWorkflow\(\)\.$/,
    );
    expect(errorOf(() => invoke(Work, { resultPath: null }).next(pass('Use', { parameters: { v: invoke(Notify, { name: 'N2', resultPath: null }).output('notified') } })))).toContain(
      "state 'N2': its output is discarded (resultPath: null), so 'notified' cannot be read",
    );
  });

  it('names the workflow even for mistakes made before it is compiled', () => {
    expect(() => workflow('bad name', () => pass('A'))).toThrow("the workflow name 'bad name' is not alphanumeric");
  });
});
