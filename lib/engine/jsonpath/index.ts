import type { Json, JsonObject, JsonPathChoiceRule } from '../../asl';
import { jsonText } from '../core/json-text';
import { evaluateIntrinsicCall, IntrinsicError, isIntrinsic } from '../intrinsics';
import { javaHashSetOrder } from '../intrinsics/java-hash-set';
import type { EvaluationScope } from '../scope';
import { StatesFailure } from '../states-failure';
import { evaluateChoiceRuleAt } from './choice-rules';
import { compilePath, evaluatePath, missDescription, PathSyntaxError, type CompiledPath } from './compile-path';

/**
 * The JSONPath query language of a state: InputPath, payload templates (Parameters,
 * ItemSelector, ResultSelector, Assign), ResultPath, OutputPath, reference paths and Choice rules,
 * with AWS's error names and causes.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html
 */

/** The state being executed; when given, causes carry AWS's state prefix. */
export interface JsonPathState {
  name: string;
  enteredEventId: number;
}
/** scope.input is what `$` refers to, scope.context is `$$`, scope.variables are `$name` variables. */
export interface JsonPathScope extends EvaluationScope {
  state?: JsonPathState;
}

export { evaluateIntrinsic };
export { compilePath, evaluatePath } from './compile-path';

export function statePrefix(state: JsonPathState | undefined): string {
  return state ? `An error occurred while executing the state '${state.name}' (entered at the event id #${state.enteredEventId}). ` : '';
}

function runtime(scope: { state?: JsonPathState }, detail: string): StatesFailure {
  return new StatesFailure('States.Runtime', statePrefix(scope.state) + detail);
}

/**
 * A compiled path; a path that does not parse (definition validation refuses it, but the engine
 * may be handed an unvalidated definition) fails the state with States.Runtime, never the engine.
 */
function compiled(text: string, scope: { state?: JsonPathState }): CompiledPath {
  return compiledFor(text, scope.state);
}

function compiledFor(text: string, state: JsonPathState | undefined): CompiledPath {
  try {
    return compilePath(text);
  } catch (e) {
    if (e instanceof PathSyntaxError) throw runtime({ state }, `Invalid path '${text}' : ${e.message}`);
    throw e;
  }
}

function rootOf(path: CompiledPath, scope: JsonPathScope): Json | undefined {
  if (path.root === 'input') return scope.input;
  if (path.root === 'context') return scope.context;
  return scope.variables.get(path.variable!);
}

/**
 * A path's value, or undefined when it matches nothing (an unknown variable matches nothing).
 * `strict`: an array index past the end is a miss rather than null (intrinsic arguments).
 */
export function queryPath(text: string, scope: JsonPathScope, strict = false): Json | undefined {
  const path = compiled(text, scope);
  const root = rootOf(path, scope);
  if (root === undefined) return undefined;
  return evaluatePath(path, root, strict);
}

function invalidPath(text: string, scope: JsonPathScope): StatesFailure {
  const path = compiled(text, scope);
  return runtime(scope, `Invalid path '${text}' : ${missDescription(path, rootOf(path, scope))}`);
}

/** InputPath: undefined → the input itself, null → {}; a path that matches nothing → States.Runtime. */
export function applyInputPath(path: string | null | undefined, scope: JsonPathScope): Json {
  if (path === undefined || path === '$') return scope.input;
  if (path === null) return {};
  const v = queryPath(path, scope);
  if (v === undefined) throw invalidPath(path, scope);
  return v;
}

/** OutputPath: undefined → output, null → {}; no match → States.Runtime. */
export function applyOutputPath(path: string | null | undefined, scope: JsonPathScope): Json {
  return applyInputPath(path, scope);
}

/**
 * Reads one reference path for a field such as SecondsPath or ItemsPath (ErrorPath/CausePath also
 * take intrinsics). `_field` names the field for callers' readability; AWS's cause does not.
 */
export function readPath(path: string, scope: JsonPathScope, _field: string): Json {
  if (isIntrinsic(path)) return evaluateIntrinsic(path, scope);
  const v = queryPath(path, scope);
  if (v === undefined) throw invalidPath(path, scope);
  return v;
}

/**
 * An intrinsic's path arguments read from a scope, strictly (an index past the end is a miss).
 * One reader serves every call: reading a path never evaluates another intrinsic, so the scope
 * is set for the call and put back after it.
 */
class ArgumentReader {
  scope: JsonPathScope | undefined;
  read(p: string): Json {
    const scope = this.scope!;
    const v = queryPath(p, scope, true);
    if (v === undefined) throw new IntrinsicError(`The JsonPath argument for the field '${p}' could not be found in the input '${jsonText(scope.input)}'`);
    return v;
  }
}
const argumentReader = new ArgumentReader();

/** One intrinsic call such as "States.Format('{}', $.a)". */
function evaluateIntrinsic(text: string, scope: JsonPathScope): Json {
  const outer = argumentReader.scope;
  argumentReader.scope = scope;
  try {
    return evaluateIntrinsicCall(text, argumentReader, scope.random);
  } catch (e) {
    if (e instanceof IntrinsicError) throw runtime(scope, `The function '${text}' had the following error: ${e.message}`);
    if (e instanceof StatesFailure) throw e;
    throw runtime(scope, `The function '${text}' had the following error: ${(e as Error).message}`);
  } finally {
    argumentReader.scope = outer;
  }
}

/**
 * A Fail state's ErrorPath or CausePath: a path or an intrinsic, whose miss names the field as a `.$`
 * template's does ("The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be found in
 * the input '…'", localstack/localstack#11951, AWS's text quoted there), not Jayway's "Invalid path".
 */
export function readFieldPath(path: string, scope: JsonPathScope, field: 'ErrorPath' | 'CausePath'): Json {
  return dynamicValue(field, path, scope);
}

/** A `.$` value: a path ($, $$, $var) or an intrinsic. */
function dynamicValue(key: string, expr: string, scope: JsonPathScope): Json {
  if (isIntrinsic(expr)) return evaluateIntrinsic(expr, scope);
  const v = queryPath(expr, scope);
  if (v === undefined) {
    throw runtime(scope, `The JSONPath '${expr}' specified for the field '${key}' could not be found in the input '${jsonText(scope.input)}'`);
  }
  return v;
}

type CompiledTemplate = (scope: JsonPathScope) => Json;
const templates = new WeakMap<object, CompiledTemplate>();

/** True when no `.$` key occurs anywhere below: the template is its own value. */
function isStatic(template: Json): boolean {
  if (template === null || typeof template !== 'object') return true;
  if (Array.isArray(template)) return template.every(isStatic);
  for (const key of Object.keys(template)) {
    const value = template[key]!;
    if ((key.endsWith('.$') && typeof value === 'string') || !isStatic(value)) return false;
  }
  return true;
}

/**
 * A `.$` path read from a null input fails before it is evaluated: a Task whose Parameters held
 * `"Input.$": "$"` and whose input was null failed with this cause (a user's execution quoted on
 * Stack Overflow: cplus-django.wekeepcoding.com/article/12193469, measured on AWS).
 */
const NULL_INPUT = 'Unable to apply Path transformation to null or empty input.';

/** A `.$` value compiled once: an intrinsic, or a path read with its root chosen up front. */
function compileDynamic(key: string, expr: string): CompiledTemplate {
  if (isIntrinsic(expr)) return (scope) => evaluateIntrinsic(expr, scope);
  let path: CompiledPath;
  try {
    path = compilePath(expr);
  } catch {
    // Definition validation refuses such a path; evaluate lazily so the failure stays the state's.
    return (scope) => dynamicValue(key, expr, scope);
  }
  const readsInput = path.root === 'input';
  return (scope) => {
    if (readsInput && scope.input === null) throw runtime(scope, NULL_INPUT);
    const root = rootOf(path, scope);
    const v = root === undefined ? undefined : evaluatePath(path, root);
    if (v === undefined) {
      throw runtime(scope, `The JSONPath '${expr}' specified for the field '${key}' could not be found in the input '${jsonText(scope.input)}'`);
    }
    return v;
  };
}

/**
 * Compiles a payload template once per definition object. Static parts are returned as they are
 * (values are immutable in the engine, so sharing them is safe); `.$` keys are precompiled.
 */
function compileTemplate(template: Json): CompiledTemplate {
  if (template === null || typeof template !== 'object') return () => template;
  const cached = templates.get(template);
  if (cached) return cached;
  let compiled: CompiledTemplate;
  if (isStatic(template)) {
    compiled = () => template;
  } else if (Array.isArray(template)) {
    const items = template.map(compileTemplate);
    compiled = (scope) => items.map((f) => f(scope));
  } else {
    const keys: string[] = [];
    const values: CompiledTemplate[] = [];
    const dynamic = new Map<string, CompiledTemplate>();
    for (const key of Object.keys(template)) {
      const value = template[key]!;
      if (key.endsWith('.$') && typeof value === 'string') {
        dynamic.set(key.slice(0, -2), compileDynamic(key, value));
      } else {
        keys.push(key);
        values.push(compileTemplate(value));
      }
    }
    // AWS writes a template's plain fields first, in their order, then its `.$` fields in the order
    // of a java.util.HashMap of their names (TaskScheduled parameters of startExecution, Lambda,
    // SNS, SQS and DynamoDB tasks and a Pass recorded on AWS in localstack's snapshots).
    for (const name of javaHashSetOrder([...dynamic.keys()]) as string[]) {
      keys.push(name);
      values.push(dynamic.get(name)!);
    }
    compiled = (scope) => {
      const out: JsonObject = {};
      for (let i = 0; i < keys.length; i++) out[keys[i]!] = values[i]!(scope);
      return out;
    };
  }
  templates.set(template, compiled);
  return compiled;
}

/** Payload templates: keys ending ".$" take a path or an intrinsic; everything else is copied. */
export function applyPayloadTemplate(template: Json, scope: JsonPathScope, _field: 'Parameters' | 'ItemSelector' | 'ResultSelector' | 'Assign' | 'Result'): Json {
  return compileTemplate(template)(scope);
}

/**
 * JSONPath-mode Assign: evaluated like a payload template; returns the variables to set, or
 * undefined for an empty Assign (AWS records no assignedVariables for `"Assign": {}`, recorded).
 */
export function evaluateJsonPathAssign(assign: Record<string, Json>, scope: JsonPathScope): Record<string, Json> | undefined {
  const values = applyPayloadTemplate(assign as Json, scope, 'Assign') as Record<string, Json>;
  for (const _ in values) return values;
  return undefined;
}

/**
 * ResultPath: undefined → "$" (the result replaces the input), null → the input unchanged;
 * otherwise the result is set at the path in a copy of the input (copied only along the path).
 */
export function applyResultPath(path: string | null | undefined, input: Json, result: Json, state?: JsonPathState): Json {
  if (path === undefined || path === '$') return result;
  if (path === null) return input;
  const reference = compiledFor(path, state);
  const segments = reference.segments;
  if (reference.root !== 'input') throw resultPathFailure(path, input, state);
  // Copy only along the path: each node on it is replaced, everything beside it is shared.
  const spine: Json[] = new Array<Json>(segments.length);
  let node: Json | undefined = input;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (seg.k === 'name') {
      if (node !== undefined && (node === null || typeof node !== 'object' || Array.isArray(node))) throw resultPathFailure(path, input, state);
      const obj: JsonObject = (node ?? {}) as JsonObject;
      spine[i] = obj;
      node = Object.prototype.hasOwnProperty.call(obj, seg.name) ? obj[seg.name] : undefined;
    } else if (seg.k === 'index') {
      if (!Array.isArray(node)) throw resultPathFailure(path, input, state);
      const idx = seg.index < 0 ? node.length + seg.index : seg.index;
      if (idx < 0 || idx >= node.length) throw resultPathFailure(path, input, state);
      spine[i] = node;
      node = node[idx];
    } else throw resultPathFailure(path, input, state);
  }
  let value = result;
  for (let i = segments.length - 1; i >= 0; i--) {
    const seg = segments[i]!;
    if (seg.k === 'name') {
      // A spread then a store is about twice as fast as a spread with a computed key (measured);
      // `__proto__` keeps the literal, where a store would set the prototype instead.
      if (seg.name === '__proto__') value = { ...(spine[i] as JsonObject), [seg.name]: value };
      else {
        const copy: JsonObject = { ...(spine[i] as JsonObject) };
        copy[seg.name] = value;
        value = copy;
      }
    } else {
      const arr = spine[i] as Json[];
      const copy = arr.slice();
      const raw = (seg as { index: number }).index;
      copy[raw < 0 ? arr.length + raw : raw] = value;
      value = copy;
    }
  }
  return value;
}

function resultPathFailure(path: string, input: Json, state: JsonPathState | undefined): StatesFailure {
  return new StatesFailure('States.ResultPathMatchFailure', `${statePrefix(state)}Unable to apply ReferencePath ${path} to input ${jsonText(input)}`);
}

/** Choice: the index of the first matching rule, or -1. */
export function evaluateChoiceRules(rules: readonly JsonPathChoiceRule[], scope: JsonPathScope): number {
  for (let i = 0; i < rules.length; i++) if (evaluateChoiceRuleAt(rules[i], scope, choiceQuery, (p) => runtime(scope, `Invalid path '${p}': The choice state's condition path references an invalid value.`))) return i;
  return -1;
}

/**
 * A Choice rule's path read from a null input fails as a `.$` path does (a user's execution of
 * `{"Variable": "$", "IsString": true}` on null input, which AWS Support called intended:
 * awslabs/states-language#29).
 */
function choiceQuery(text: string, scope: JsonPathScope): Json | undefined {
  if (scope.input === null && compiled(text, scope).root === 'input') throw runtime(scope, NULL_INPUT);
  return queryPath(text, scope);
}
