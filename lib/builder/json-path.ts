import type { Json, JsonObject } from '../asl';
import { WorkflowError } from './workflow-error';

/**
 * A JSONPath reference (or intrinsic call) placed where a value is expected, like aws-cdk-lib's
 * `JsonPath.stringAt`. When a payload template is rendered, `{key: path('$.x')}` becomes
 * `{"key.$": "$.x"}`, so templates are written as plain typed objects.
 */
export class PathRef {
  /** Distinguishes a PathRef from a plain object in structural typing. */
  readonly kind = 'PathRef' as const;
  constructor(readonly expression: string) {}
  toString(): string {
    return this.expression;
  }
}

/** A reference path into the state (`$.x`), the context object (`$$.x`) or an intrinsic (`States.Format(...)`). */
export function path(expression: string): PathRef {
  if (!/^(\$|States\.)/.test(expression)) {
    throw new WorkflowError(`'${expression}' is not a JSONPath or intrinsic function`, "start it with '$', '$$' or 'States.'");
  }
  return new PathRef(expression);
}

/** Paths into the context object that workflows commonly need. */
export const Context = {
  /** The callback token of a `.waitForTaskToken` task. */
  taskToken: new PathRef('$$.Task.Token'),
  executionId: new PathRef('$$.Execution.Id'),
  executionInput: new PathRef('$$.Execution.Input'),
  stateMachineId: new PathRef('$$.StateMachine.Id'),
  /** Inside a Map: the current item and its index. */
  mapItem: new PathRef('$$.Map.Item.Value'),
  mapIndex: new PathRef('$$.Map.Item.Index'),
} as const;

/** A template for a value of type T: the value itself, a path, or (for objects) a template per field. */
export type Template<T> =
  | PathRef
  | (T extends Json[] ? T | Template<T[number]>[] : T extends object ? { [K in keyof T]: Template<T[K]> } : T);

/** Renders a template to ASL payload JSON: PathRef fields become `"key.$"` fields. */
export function renderTemplate(value: unknown): Json {
  if (value instanceof PathRef) {
    throw new WorkflowError(`a path ('${value.expression}') cannot stand alone inside an array or as the whole payload here`, 'put it in an object field');
  }
  if (Array.isArray(value)) return value.map(renderTemplate);
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, field] of Object.entries(value)) {
      if (field === undefined) continue;
      if (field instanceof PathRef) out[`${key}.$`] = field.expression;
      else out[key] = renderTemplate(field);
    }
    return out;
  }
  return value as Json;
}

/** Renders a field whose value may be a whole path (`"Payload.$": "$"`) or a template. */
export function renderField(key: string, value: unknown): JsonObject {
  return value instanceof PathRef ? { [`${key}.$`]: value.expression } : { [key]: renderTemplate(value) };
}

/** True when a template refers to the given path anywhere. */
export function templateUses(value: unknown, expression: string): boolean {
  if (value instanceof PathRef) return value.expression === expression;
  if (value !== null && typeof value === 'object') return Object.values(value).some((v) => templateUses(v, expression));
  return false;
}
