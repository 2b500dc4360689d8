import { randomBytes, randomUUID } from 'node:crypto';
import type * as sfn from '@aws-sdk/client-sfn';
import type { Catcher, ChoiceState, Json, JsonObject, Retrier, State, StateMachineDefinition } from '../../asl';
import { createExecution, findCatcher, findRetrier, jsonText, type EngineCommand, type EngineInput, type HistoryEvent, type InspectionStage } from '../../engine';
import { taskKindOf, type TaskReport } from '../dispatch/task-run';
import type { Runtime } from '../runtime';
import { ServiceError, type StepFunctionsOperations } from '../step-functions-operations';
import { missing } from './errors';
import { checkMockedResult, checkMockRules, checkStateConfiguration, parseContext, withIterationFailures } from './test-state-rules';

const FAILURE_EVENTS = new Set(['TaskFailed', 'TaskTimedOut', 'LambdaFunctionFailed', 'LambdaFunctionTimedOut', 'ActivityFailed', 'ActivityTimedOut', 'ExecutionFailed']);

function targetsOf(state: State): string[] {
  const out: string[] = [];
  const s = state as { Next?: string; Catch?: Catcher[] };
  if (s.Next) out.push(s.Next);
  for (const c of s.Catch ?? []) out.push(c.Next);
  if (state.Type === 'Choice') {
    const choice = state as ChoiceState;
    for (const rule of choice.Choices) out.push(rule.Next);
    if (choice.Default) out.push(choice.Default);
  }
  return out;
}

/** The tested state, alone in a state machine whose other states are stops named after its transitions. */
function harness(state: State, name: string, queryLanguage: string | undefined): StateMachineDefinition {
  const states: Record<string, State> = { [name]: state };
  for (const target of targetsOf(state)) if (target !== name) states[target] = { Type: 'Succeed' };
  const def: StateMachineDefinition = { StartAt: name, States: states } as StateMachineDefinition;
  if (queryLanguage === 'JSONata' || queryLanguage === 'JSONPath') def.QueryLanguage = queryLanguage;
  return def;
}

function parseState(input: sfn.TestStateInput): { state: State; name: string; queryLanguage?: string } {
  let parsed: JsonObject;
  try {
    parsed = JSON.parse(input.definition!) as JsonObject;
  } catch (err) {
    throw new ServiceError('InvalidDefinition', `Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: ${(err as Error).message}'`);
  }
  if (parsed.States !== undefined) {
    const name = input.stateName ?? (parsed.StartAt as string);
    const state = (parsed.States as JsonObject)[name];
    if (!state) throw new ServiceError('InvalidDefinition', `Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: State ${name} does not exist at /States'`);
    return { state: state as unknown as State, name, queryLanguage: parsed.QueryLanguage as string | undefined };
  }
  if (typeof parsed.Type !== 'string') throw new ServiceError('InvalidDefinition', "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The field \"Type\" is required at /'");
  // AWS names a lone state "StateName" ($$.State.Name; localstack's test_test_state_scenarios snapshot).
  return { state: parsed as unknown as State, name: 'StateName' };
}

/**
 * TestState: runs one state on an input, with the real integrations, and reports its output,
 * the state it would go to next, or its error — without recording an execution. A failure its
 * Retry would retry is RETRIABLE; one its Catch takes is CAUGHT_ERROR. A Wait state does not wait.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html
 */
export function testStateOperations(rt: Runtime): Pick<StepFunctionsOperations, 'TestState'> {
  return {
    async TestState(input) {
      if (input.definition === undefined) throw missing('definition');
      const { state, name, queryLanguage } = parseState(input);
      const text = input.input ?? '{}';
      try {
        JSON.parse(text);
      } catch (err) {
        throw new ServiceError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${(err as Error).message}'`);
      }
      checkMockRules(state, input.mock, input.revealSecrets);
      const context = parseContext(input.context, state, input.mock !== undefined);
      const config = input.stateConfiguration ?? {};
      checkStateConfiguration(state, config, input.mock);
      const variables = parseVariables(input.variables);
      const mocked = withIterationFailures(mockOf(input.mock, state), state, config.mapIterationFailureCount);
      // retrierRetryCount: that many retries already happened, so that many failures are retried at once before the one reported.
      let retriesBehind = config.retrierRetryCount ?? 0;
      const ctx = rt.ctx;
      // Each data-flow stage of the tested state, as the engine computes it (the stops it may go to are not reported).
      const stages: Partial<Record<InspectionStage, Json>> = {};
      const tested = mocked && state.Type !== 'Task' ? mockedAsTask(state) : state;
      // TestState runs as an express execution, and its $$.Execution has these members in this order
      // (no RedriveCount); RoleArn is null without a roleArn (localstack's test_state_configuration snapshot).
      const machineName = randomUUID();
      const executionName = randomUUID();
      const arn = `${ctx.arns.stateMachine(machineName).replace(':stateMachine:', ':express:')}:${executionName}`;
      const startTime = ctx.clock.now();
      const executionContext: JsonObject = { Id: arn, Input: JSON.parse(text) as Json, Name: executionName, RoleArn: input.roleArn ?? null, StartTime: new Date(startTime).toISOString() };
      const engine = createExecution(harness(tested, name, queryLanguage), {
        inspect: (stateName, stage, value) => void (stateName === name && (stages[stage] = value)),
        ...(context ? { context } : {}),
        executionContext,
      });
      const events: HistoryEvent[] = [];
      let retriable = false;
      let backoffMs = 0;
      const queue: EngineInput[] = [];
      const pendingTasks: Promise<void>[] = [];

      const apply = async (i: EngineInput) => {
        const d = await engine.apply(i);
        events.push(...d.events);
        const failed = d.events.some((e) => FAILURE_EVENTS.has(e.type));
        for (const c of d.commands) handle(c, failed);
      };
      const handle = (c: EngineCommand, failed: boolean) => {
        if (c.kind === 'ArmTimer') {
          if (state.Type === 'Wait') queue.push({ kind: 'TimerFired', at: ctx.clock.now(), timerId: c.timerId });
          else if (failed && retriesBehind > 0) {
            retriesBehind--;
            queue.push({ kind: 'TimerFired', at: ctx.clock.now(), timerId: c.timerId });
          } else if (failed) {
            retriable = true;
            backoffMs = c.dueAt - ctx.clock.now();
          }
        } else if (c.kind === 'RunTask') {
          const report = async (r: TaskReport) => void queue.push({ ...r, taskId: c.taskId, at: ctx.clock.now() } as EngineInput);
          if (mocked) {
            // The mock is what the integration returned (or how it failed): nothing is invoked.
            void report({ kind: 'TaskStarted' });
            void report(mocked);
            return;
          }
          pendingTasks.push(rt.handlers[taskKindOf(c.integration)].run({ executionArn: arn, command: c, recovering: false, started: false, report }));
        }
      };

      await apply({
        kind: 'StartExecution',
        at: ctx.clock.now(),
        input: text,
        seed: randomBytes(32).toString('hex'),
        ...(variables ? { variables } : {}),
        execution: { executionArn: arn, name: executionName, roleArn: input.roleArn ?? '', stateMachineArn: ctx.arns.stateMachine(machineName), stateMachineName: machineName, region: ctx.region, accountId: ctx.accountId, redriveCount: 0, startTime },
      });
      while (engine.status === 'RUNNING' && !retriable) {
        if (queue.length === 0) {
          if (pendingTasks.length === 0) break;
          await Promise.race([Promise.all(pendingTasks.splice(0)), new Promise((r) => setTimeout(r, 10))]);
          if (queue.length === 0) continue;
        }
        await apply(queue.shift()!);
      }

      const failure = [...events].reverse().find((e) => FAILURE_EVENTS.has(e.type) && e.type !== 'ExecutionFailed');
      const details = failure ? (Object.values(failure).find((v) => v && typeof v === 'object') as { error?: string; cause?: string }) : undefined;
      const entered = events.filter((e) => 'stateEnteredEventDetails' in e).map((e) => (e as { stateEnteredEventDetails: { name: string; input?: string } }).stateEnteredEventDetails);
      const next = entered.find((d) => d.name !== name);
      const out: Omit<sfn.TestStateOutput, '$metadata'> = {};
      if (retriable) {
        out.status = 'RETRIABLE';
        if (details?.error !== undefined) out.error = details.error;
        if (details?.cause !== undefined) out.cause = details.cause;
      } else if (engine.status === 'FAILED') {
        const last = events[events.length - 1] as { executionFailedEventDetails?: { error?: string; cause?: string } };
        out.status = 'FAILED';
        if (last.executionFailedEventDetails?.error !== undefined) out.error = last.executionFailedEventDetails.error;
        if (last.executionFailedEventDetails?.cause !== undefined) out.cause = last.executionFailedEventDetails.cause;
      } else {
        out.status = failure ? 'CAUGHT_ERROR' : 'SUCCEEDED';
        if (failure) {
          if (details?.error !== undefined) out.error = details.error;
          if (details?.cause !== undefined) out.cause = details.cause;
        }
        if (next) {
          out.nextState = next.name;
          if (next.input !== undefined) out.output = next.input;
        } else {
          const done = events.find((e) => e.type === 'ExecutionSucceeded') as { executionSucceededEventDetails?: { output?: string } } | undefined;
          if (done?.executionSucceededEventDetails?.output !== undefined) out.output = done.executionSucceededEventDetails.output;
        }
      }
      if (input.inspectionLevel === 'DEBUG' || input.inspectionLevel === 'TRACE') {
        const data = inspection(text, state, shapedStages(state, stages), variables);
        const errorDetails = failure && details?.error !== undefined ? errorDetailsOf(tested, out.status!, { error: details.error, cause: details.cause ?? '' }, backoffMs) : undefined;
        if (errorDetails) data.errorDetails = errorDetails;
        out.inspectionData = data;
      }
      return out;
    },
  };
}

/** TestState's `mock`: a Task's result (JSON text) or its failure, reported instead of calling the integration. */
function mockOf(mock: sfn.MockInput | undefined, state: State): TaskReport | undefined {
  if (mock === undefined) return undefined;
  if (mock.errorOutput !== undefined) {
    return { kind: 'TaskFailed', error: mock.errorOutput.error ?? '', ...(mock.errorOutput.cause !== undefined ? { cause: mock.errorOutput.cause } : {}) };
  }
  if (mock.result === undefined) throw new ServiceError('ValidationException', 'A mock needs a result or an errorOutput');
  let result: Json;
  try {
    result = JSON.parse(mock.result) as Json;
  } catch (err) {
    throw new ServiceError('ValidationException', `Invalid mock result: '${(err as Error).message}'`);
  }
  checkMockedResult(state, result);
  return { kind: 'TaskSucceeded', output: mock.result };
}

/** What a mocked Map or Parallel keeps: the fields around its result (how the result is made is what the mock replaces). */
const MOCKED_FIELDS = ['Comment', 'QueryLanguage', 'InputPath', 'ResultSelector', 'ResultPath', 'OutputPath', 'Output', 'Assign', 'Retry', 'Catch', 'Next', 'End'];

/**
 * A mocked Map or Parallel as a Task whose result is the mock: its input, result and output
 * processing, Retry and Catch stay; the items or branches that would have made the result go. A
 * Parallel's Parameters (or Arguments) still shape the input its branches would get.
 */
function mockedAsTask(state: State): State {
  const from = state as unknown as JsonObject;
  const task: JsonObject = { Type: 'Task', Resource: 'arn:aws:states:::sagaflow:mock' };
  for (const field of MOCKED_FIELDS) if (from[field] !== undefined) task[field] = from[field]!;
  if (state.Type === 'Parallel') for (const field of ['Parameters', 'Arguments']) if (from[field] !== undefined) task[field] = from[field]!;
  return task as unknown as State;
}

/** TestState's `variables`: a JSON object whose members the state sees as variables. */
function parseVariables(text: string | undefined): Record<string, Json> | undefined {
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ServiceError('ValidationException', `Invalid variables: '${(err as Error).message}'`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ServiceError('ValidationException', 'Invalid variables: they must be a JSON object');
  return parsed as Record<string, Json>;
}

/** InspectionData's members in AWS's order, each the JSON text of one stage the state went through. */
const STAGES: readonly (InspectionStage & keyof sfn.InspectionData)[] = ['afterArguments', 'afterInputPath', 'afterParameters', 'result', 'afterResultSelector', 'afterResultPath'];

/**
 * What DEBUG inspection shows: the raw input, each data-flow stage the state reached (JSONPath:
 * afterInputPath … afterResultPath; JSONata: afterArguments, result), and the variables after the
 * state (those given to TestState, then what the state assigned).
 */
function inspection(input: string, state: State, stages: Partial<Record<InspectionStage, Json>>, variables: Record<string, Json> | undefined): sfn.InspectionData {
  const data: sfn.InspectionData = { input };
  // A stage the state left as it was keeps the text it was given, as AWS shows it.
  for (const stage of STAGES) if (stages[stage] !== undefined) data[stage] = jsonText(stages[stage]!);
  if (state.Type === 'Map') Object.assign(data, mapSettings(state as unknown as JsonObject));
  const assigned = stages.assigned as Record<string, Json> | undefined;
  if (variables || assigned) data.variables = JSON.stringify({ ...variables, ...assigned });
  return data;
}

/**
 * A Pass state's stages as AWS reports them (localstack's test_test_state_scenarios snapshot): with
 * a Result, the result and what follows it; without, its input processing and then
 * afterResultSelector (a Pass has no ResultSelector: the value after Parameters) instead of result.
 */
function shapedStages(state: State, stages: Partial<Record<InspectionStage, Json>>): Partial<Record<InspectionStage, Json>> {
  if (state.Type !== 'Pass' || stages.afterResultPath === undefined) return stages;
  const { afterInputPath, afterParameters, result, ...rest } = stages;
  if ((state as { Result?: unknown }).Result !== undefined) return { result, ...rest, afterResultSelector: result };
  return { afterInputPath, afterParameters, ...rest, afterResultSelector: result };
}

/** A Map's settings as inspectionData reports them, when they are literals (MaxConcurrency 0 when absent). */
function mapSettings(map: JsonObject): Pick<sfn.InspectionData, 'maxConcurrency' | 'toleratedFailureCount' | 'toleratedFailurePercentage'> {
  const out: Pick<sfn.InspectionData, 'maxConcurrency' | 'toleratedFailureCount' | 'toleratedFailurePercentage'> = {};
  const literal = (v: Json | undefined) => (typeof v === 'number' ? v : undefined);
  const maxConcurrency = map.MaxConcurrency === undefined && map.MaxConcurrencyPath === undefined ? 0 : literal(map.MaxConcurrency);
  if (maxConcurrency !== undefined) out.maxConcurrency = maxConcurrency;
  const count = literal(map.ToleratedFailureCount);
  if (count !== undefined) out.toleratedFailureCount = count;
  const percentage = literal(map.ToleratedFailurePercentage);
  if (percentage !== undefined) out.toleratedFailurePercentage = percentage;
  return out;
}

/** Which Catch took the error (CAUGHT_ERROR), or which Retry will retry it and after how long (RETRIABLE). */
function errorDetailsOf(state: State, status: string, failure: { error: string; cause: string }, backoffMs: number): sfn.InspectionErrorDetails | undefined {
  const s = state as { Catch?: Catcher[]; Retry?: Retrier[] };
  if (status === 'CAUGHT_ERROR') {
    const catchIndex = findCatcher(s.Catch, failure);
    return catchIndex >= 0 ? { catchIndex } : undefined;
  }
  if (status === 'RETRIABLE') {
    const retryIndex = findRetrier(s.Retry, failure);
    return retryIndex >= 0 ? { retryIndex, retryBackoffIntervalSeconds: Math.round(backoffMs / 1000) } : undefined;
  }
  return undefined;
}
