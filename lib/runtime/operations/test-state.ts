import { randomBytes, randomUUID } from 'node:crypto';
import type * as sfn from '@aws-sdk/client-sfn';
import type { Catcher, ChoiceState, Json, JsonObject, MapState, State, StateMachineDefinition } from '../../asl';
import { createExecution, type EngineCommand, type EngineInput, type HistoryEvent } from '../../engine';
import { taskKindOf, type TaskReport } from '../dispatch/task-run';
import type { Runtime } from '../runtime';
import { ServiceError, type StepFunctionsOperations } from '../step-functions-operations';
import { missing } from './errors';
import { errorDetailsOf, inspection, type ReportedStage } from './test-state-inspection';
import { mapSettingsOf } from './test-state-map-settings';
import { givenScope } from './test-state-scope';
import { mockedMapItems, type MockedItems } from './test-state-map-items';
import { mockedAsTask, mockOf, withIterationFailures } from './test-state-mock';
import { checkMockRules, checkRoleArn, checkStateConfiguration, parseContext } from './test-state-rules';
import { testedState } from './test-state-target';
import { nestingDepthProblem, unreadableJson } from '../../engine/core/json-nesting';

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
      const { state, name, queryLanguage } = testedState(input);
      const text = input.input ?? '{}';
      const problem = unreadableJson(text);
      if (problem !== undefined) throw new ServiceError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${problem}'`);
      // The other JSON texts it is given are read by recursive code too.
      for (const [field, value] of [['mock.result', input.mock?.result], ['context', input.context], ['variables', input.variables], ['stateConfiguration.mapItemReaderData', input.stateConfiguration?.mapItemReaderData]] as const) {
        const deep = value === undefined ? undefined : nestingDepthProblem(value);
        if (deep !== undefined) throw new ServiceError('ValidationException', `Invalid ${field}: ${deep}`);
      }
      checkMockRules(state, input.mock, input.revealSecrets);
      checkRoleArn(state, input.mock, input.roleArn);
      const context = parseContext(input.context, state, input.mock !== undefined);
      const config = input.stateConfiguration ?? {};
      checkStateConfiguration(state, name, config, input.mock);
      const variables = parseVariables(input.variables);
      const ctx = rt.ctx;
      // TestState runs as an express execution, and its $$.Execution has these members in this order
      // (no RedriveCount); RoleArn is null without a roleArn (localstack's test_state_configuration snapshot).
      const machineName = randomUUID();
      const executionName = randomUUID();
      const arn = `${ctx.arns.stateMachine(machineName).replace(':stateMachine:', ':express:')}:${executionName}`;
      const startTime = ctx.clock.now();
      const executionContext: JsonObject = { Id: arn, Input: JSON.parse(text) as Json, Name: executionName, RoleArn: input.roleArn ?? null, StartTime: new Date(startTime).toISOString() };
      const seenContext = context ?? ownContext(executionContext, machineName, ctx.arns.stateMachine(machineName), name);
      const jsonata = (state.QueryLanguage ?? queryLanguage) === 'JSONata';
      const bindings = jsonata ? givenScope(JSON.parse(text) as Json, seenContext, variables) : undefined;
      const map = state.Type === 'Map' ? state : undefined;
      const settings = map ? await mapSettingsOf(map, bindings) : undefined;
      const mocked = mockOf(input.mock, state);
      // retrierRetryCount: that many retries already happened, so that many failures are retried at once before the one reported.
      let retriesBehind = config.retrierRetryCount ?? 0;
      // Each data-flow stage of the tested state, as the engine computes it (the stops it may go to are not reported).
      const stages: Partial<Record<ReportedStage, Json>> = {};
      const tested = mocked && state.Type !== 'Task' ? mockedAsTask(state) : state;
      const engine = createExecution(harness(tested, name, queryLanguage), {
        inspect: (stateName, stage, value) => void (stateName === name && (stages[stage] = value)),
        ...(context ? { context } : {}),
        executionContext,
        // One state, not an execution: no maximum execution time (its timer would pass for the state's own).
        executionTimeLimit: false,
      });
      const events: HistoryEvent[] = [];
      let retriable = false;
      let backoffMs = 0;
      const queue: EngineInput[] = [];
      // Tasks still running, each until it settles (a wait that gives up on them would end the test as if they had finished).
      const pendingTasks = new Set<Promise<void>>();
      let taskError: { error: unknown } | undefined;
      const track = (p: Promise<void>) => {
        const t: Promise<void> = p.catch((error: unknown) => void (taskError ??= { error })).finally(() => pendingTasks.delete(t));
        pendingTasks.add(t);
      };
      // A mocked Map's items, read when its task runs (a JSONPath one's from its effective input, by then known).
      let items: MockedItems | undefined;
      const readItems = async (m: MapState) => {
        const from = { inputText: text, effectiveInput: stages.afterInputPath, context: seenContext, contextText: input.context, variables, readerData: config.mapItemReaderData, jsonata: bindings };
        items = await mockedMapItems(m, from);
      };

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
            // The mock is what the integration returned (or how it failed): nothing is invoked. A
            // mocked Map whose items cannot be read ends the test there (below), its mock unreported.
            const outcome = async () => {
              if (map) await readItems(map);
              if (items && 'failure' in items) return;
              const counted = items && 'items' in items ? items.items.length : undefined;
              const reported = map ? withIterationFailures(mocked, config.mapIterationFailureCount, counted, settings) : mocked;
              queue.push({ kind: 'TaskStarted', taskId: c.taskId, at: ctx.clock.now() }, { ...reported, taskId: c.taskId, at: ctx.clock.now() });
            };
            track(outcome());
            return;
          }
          track(rt.handlers[taskKindOf(c.integration)].run({ executionArn: arn, command: c, recovering: false, started: false, report }));
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
          if (pendingTasks.size === 0) break;
          await Promise.race([...pendingTasks, new Promise((r) => setTimeout(r, 10))]);
          if (taskError) throw taskError.error;
          if (queue.length === 0) continue;
        }
        await apply(queue.shift()!);
      }

      if (items && 'failure' in items) {
        const out: Omit<sfn.TestStateOutput, '$metadata'> = { status: 'FAILED', ...items.failure };
        if (input.inspectionLevel === 'DEBUG' || input.inspectionLevel === 'TRACE') {
          out.inspectionData = inspection(text, { state, jsonata, mocked: true }, { afterInputPath: stages.afterInputPath }, variables, undefined);
        }
        return out;
      }
      if (items && 'afterItemsPath' in items) stages.afterItemsPath = items.afterItemsPath;

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
        const data = inspection(text, { state, jsonata, mocked: mocked !== undefined }, stages, variables, settings);
        // An unnamed failure (a mocked errorOutput without an error) is matched as the error '' (States.ALL).
        const errorDetails = failure && details ? errorDetailsOf(tested, out.status!, { error: details.error ?? '', cause: details.cause ?? '' }, backoffMs) : undefined;
        if (errorDetails) data.errorDetails = errorDetails;
        out.inspectionData = data;
      }
      return out;
    },
  };
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

/** TestState's own context object, as a state reads it through `$$` (when no `context` is given). */
function ownContext(execution: JsonObject, machineName: string, machineArn: string, stateName: string): JsonObject {
  return { Execution: execution, StateMachine: { Id: machineArn, Name: machineName }, State: { Name: stateName, EnteredTime: execution.StartTime! } };
}

