import type { Json, JsonObject } from '../../asl';
import type { ExecutionInfo } from '../engine-input';
import { evaluateJsonataField, type JsonataBindings } from '../jsonata';
import {
  applyInputPath,
  applyOutputPath,
  applyPayloadTemplate,
  applyResultPath,
  evaluateJsonPathAssign,
  type JsonPathScope,
  type JsonPathState,
} from '../jsonpath';
import { StatesFailure } from '../states-failure';
import type { Interpreter } from './interpreter';
import { isoTime } from './iso-time';
import { jsonBytes } from './json-text';
import type { StateRun } from './state-run';

/**
 * AWS's quota on the variables one Assign sets: 256 KiB together (one variable can be no larger).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 */
export const MAX_ASSIGNED_BYTES = 262144;

/** The outcome with its assignment, after the Assign quota check (error name per the quota page; cause text ours). */
function withAssigned(run: StateRun, output: Json, assigned: Record<string, Json> | undefined): StateOutcome {
  if (!assigned) return { output };
  let bytes = 0;
  for (const key of Object.keys(assigned)) bytes += jsonBytes(assigned[key]!);
  if (bytes > MAX_ASSIGNED_BYTES) {
    throw new StatesFailure(
      'States.DataLimitExceeded',
      `The state '${run.name}' assigned variables with a combined size exceeding the maximum number of bytes service limit.`,
    );
  }
  return { output, assigned };
}

/**
 * `$$.Execution` at the start of an execution, in AWS's key order (recorded:
 * Id, Input, StartTime, Name, RoleArn, RedriveCount; a redrive appends RedriveTime).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html
 */
export function executionContext(info: ExecutionInfo, input: Json): JsonObject {
  const startTime = isoTime(info.startTime);
  // An Express execution (its ARN says `express`) writes StartTime after RoleArn (localstack
  // test_express_async test_query_runtime_memory, recorded on AWS); one started by
  // StartSyncExecution has no RedriveCount (test_express_sync test_query_runtime_memory, recorded
  // on AWS a minute after the async one).
  if (info.executionArn.split(':')[5] === 'express') {
    const express: JsonObject = { Id: info.executionArn, Input: input, Name: info.name, RoleArn: info.roleArn, StartTime: startTime };
    if (!info.synchronous) express.RedriveCount = info.redriveCount;
    return express;
  }
  return {
    Id: info.executionArn,
    Input: input,
    StartTime: startTime,
    Name: info.name,
    RoleArn: info.roleArn,
    RedriveCount: info.redriveCount,
  };
}

/**
 * The context object `$$` of a state at this moment, in AWS's key order (recorded: Execution,
 * StateMachine, State{Name, EnteredTime}). State.RetryCount only where a state can be retried
 * (absent on a Pass, recorded; present on Task/Map/Parallel, unverified). Task.Token for callback
 * tasks and Map.Item inside an ItemSelector follow.
 */
export function contextObject(execution: JsonObject, stateMachine: JsonObject, run: StateRun): JsonObject {
  const state: JsonObject = { Name: run.name, EnteredTime: run.enteredTime };
  const type = run.state.type;
  if (type === 'Task' || type === 'Map' || type === 'Parallel') state.RetryCount = run.retryCount;
  const ctx: JsonObject = { Execution: execution, StateMachine: stateMachine, State: state };
  if (run.taskToken !== undefined) ctx.Task = { Token: run.taskToken };
  if (run.extraContext) Object.assign(ctx, run.extraContext);
  return ctx;
}

/** What a state hands to its Exited event: its output and the variables it assigns. */
export interface StateOutcome {
  output: Json;
  assigned?: Record<string, Json>;
}

/** The fields any state may carry, read loosely: which apply is the evaluator's business. */
export interface DataFields {
  InputPath?: string | null;
  OutputPath?: string | null;
  ResultPath?: string | null;
  ResultSelector?: Json;
  Assign?: Record<string, Json>;
  Output?: Json;
}

export function fieldsOf(run: StateRun): DataFields {
  return run.state.def as DataFields;
}

/** The run itself names its state for error causes (its name and entered event id never change): no copy per use. */
export function stateRef(run: StateRun): JsonPathState {
  return run;
}

/** A JSONPath scope whose context object is built only if a path reads `$$`. */
class StateScope implements JsonPathScope {
  private ctx: Json | undefined;
  constructor(
    private readonly it: Interpreter,
    private readonly run: StateRun,
    readonly input: Json,
  ) {}
  get context(): Json {
    return (this.ctx ??= this.it.contextFor(this.run));
  }
  get variables() {
    return this.run.branch.variables;
  }
  get random() {
    return this.it.random;
  }
  get state(): JsonPathState {
    return stateRef(this.run);
  }
}

export function jsonPathScope(it: Interpreter, run: StateRun, input: Json): JsonPathScope {
  return new StateScope(it, run, input);
}

export function jsonataBindings(it: Interpreter, run: StateRun, extra?: { result?: Json; errorOutput?: Json }): JsonataBindings {
  const bindings: JsonataBindings = {
    input: run.input,
    context: it.contextFor(run),
    variables: run.branch.variables,
    random: it.random,
    now: isoTime(it.at),
    state: stateRef(run),
  };
  if (extra?.result !== undefined) bindings.result = extra.result;
  if (extra?.errorOutput !== undefined) bindings.errorOutput = extra.errorOutput;
  return bindings;
}

/** JSONPath: InputPath applied to the raw input. */
export function effectiveInput(it: Interpreter, run: StateRun): Json {
  const path = fieldsOf(run).InputPath;
  const effective = path === undefined || path === '$' ? run.input : applyInputPath(path, jsonPathScope(it, run, run.input));
  it.inspect?.(run.name, 'afterInputPath', effective);
  return effective;
}

/** JSONPath: a payload template (Parameters, ItemSelector, ResultSelector) against `input`. */
export function payloadTemplate(it: Interpreter, run: StateRun, template: Json, input: Json, field: 'Parameters' | 'ItemSelector' | 'ResultSelector' | 'Result'): Json {
  return applyPayloadTemplate(template, jsonPathScope(it, run, input), field);
}

/**
 * JSONPath output processing of a state that produced `result`: ResultSelector (when the state
 * has one and `select`), Assign (`$` is the selected result), ResultPath onto the raw input, OutputPath.
 */
export function finishJsonPath(it: Interpreter, run: StateRun, result: Json, select: boolean): StateOutcome {
  const f = fieldsOf(run);
  it.inspect?.(run.name, 'result', result);
  if (select && f.ResultSelector !== undefined) result = payloadTemplate(it, run, f.ResultSelector, result, 'ResultSelector');
  it.inspect?.(run.name, 'afterResultSelector', result);
  const assigned = f.Assign ? evaluateJsonPathAssign(f.Assign, jsonPathScope(it, run, result)) : undefined;
  const combined = f.ResultPath === undefined || f.ResultPath === '$' ? result : applyResultPath(f.ResultPath, run.input, result, stateRef(run));
  it.inspect?.(run.name, 'afterResultPath', combined);
  if (assigned) it.inspect?.(run.name, 'assigned', assigned);
  if (f.OutputPath === undefined || f.OutputPath === '$') {
    // The output is measured for the payload quota: from the input's size, along the path alone.
    if (combined !== result && typeof f.ResultPath === 'string') it.measureResultPath(combined, run.input, f.ResultPath);
    return withAssigned(run, combined, assigned);
  }
  return withAssigned(run, applyOutputPath(f.OutputPath, jsonPathScope(it, run, combined)), assigned);
}

/** JSONPath output processing of a state without a result (Wait, Choice, Succeed): OutputPath of the effective input. */
export function passThroughJsonPath(it: Interpreter, run: StateRun, effective: Json, assign: Record<string, Json> | undefined = fieldsOf(run).Assign): StateOutcome {
  const f = fieldsOf(run);
  const assignment = assign;
  const assigned = assignment ? evaluateJsonPathAssign(assignment, jsonPathScope(it, run, effective)) : undefined;
  if (assigned) it.inspect?.(run.name, 'assigned', assigned);
  const output = f.OutputPath === undefined || f.OutputPath === '$' ? effective : applyOutputPath(f.OutputPath, jsonPathScope(it, run, effective));
  return withAssigned(run, output, assigned);
}

/**
 * JSONata output processing: Assign then Output, both against the old variable values;
 * Output defaults to `defaultOutput` ($states.result for Task/Map/Parallel, else the input).
 */
export async function finishJsonata(
  it: Interpreter,
  run: StateRun,
  defaultOutput: Json,
  extra?: { result?: Json; errorOutput?: Json },
  fields: { Assign?: Record<string, Json>; Output?: Json } = fieldsOf(run),
  fieldPrefix = '',
): Promise<StateOutcome> {
  const bindings = jsonataBindings(it, run, extra);
  if (extra?.result !== undefined) it.inspect?.(run.name, 'result', extra.result);
  const assigned = fields.Assign ? ((await evaluateJsonataField(fields.Assign, `${fieldPrefix}Assign`, bindings)) as JsonObject) : undefined;
  if (assigned) it.inspect?.(run.name, 'assigned', assigned);
  const output = fields.Output !== undefined ? await evaluateJsonataField(fields.Output, `${fieldPrefix}Output`, bindings) : defaultOutput;
  return withAssigned(run, output, assigned && Object.keys(assigned).length > 0 ? assigned : undefined);
}
