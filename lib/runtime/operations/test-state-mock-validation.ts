import type * as sfn from '@aws-sdk/client-sfn';
import type { Json } from '../../asl';
import { ServiceError } from '../step-functions-operations';
import { mockShapeOf, type MockShape } from './test-state-mock-shapes';

/**
 * A mocked result checked against the integration's response shape, as TestState checks it:
 * STRICT (the default) checks the type of every member the shape names and that the required ones
 * are there; PRESENT checks only the members present; NONE checks nothing. The first problem is
 * reported, in AWS's words (localstack's test_field_validation_mode, _present and _none
 * snapshots, recorded on AWS). "must be an object" and "must be a boolean" follow the recorded
 * texts' form; they are not recorded.
 */
export function checkMockedFields(resource: unknown, result: Json, mode: sfn.MockResponseValidationMode | undefined): void {
  if (mode === 'NONE') return;
  const shape = mockShapeOf(resource);
  // A result that is no object is not compared member by member (not recorded on AWS).
  if (!shape || shape.type !== 'structure' || result === null || typeof result !== 'object' || Array.isArray(result)) return;
  const problem = checkStructure(shape, result as Record<string, Json>, mode !== 'PRESENT');
  if (problem) throw new ServiceError('ValidationException', `Mock result schema validation error: ${problem}`);
}

type Structure = Extract<MockShape, { type: 'structure' }>;

function checkStructure(shape: Structure, value: Record<string, Json>, strict: boolean): string | undefined {
  for (const [name, member] of Object.entries(shape.members)) {
    if (!(name in value)) {
      if (strict && shape.required?.includes(name)) return `Required field '${name}' is missing`;
      continue;
    }
    const problem = checkValue(name, member, value[name]!, strict);
    if (problem) return problem;
  }
  return undefined;
}

/** What each kind of member must be, and the first thing wrong with a value, named after its field. */
const CHECKS: { [K in MockShape['type']]: (name: string, shape: Extract<MockShape, { type: K }>, value: Json, strict: boolean) => string | undefined } = {
  string: (name, shape, value) => {
    if (typeof value !== 'string') return `Field '${name}' must be a string`;
    if (shape.enum && !shape.enum.includes(value)) return `Field '${name}' is not an expected value`;
    return shorter(name, value, shape.min);
  },
  blob: (name, shape, value) => (typeof value !== 'string' ? `Field '${name}' must be a string` : shorter(name, value, shape.min)),
  timestamp: (name, _shape, value) => (typeof value !== 'string' ? `Field '${name}' must be a string` : undefined),
  number: (name, shape, value) => {
    if (typeof value !== 'number') return `Field '${name}' must be a number`;
    if (shape.min !== undefined && value < shape.min) return `Field '${name}' is less than the minimum value`;
    if (shape.max !== undefined && value > shape.max) return `Field '${name}' exceeds the maximum value`;
    return undefined;
  },
  boolean: (name, _shape, value) => (typeof value !== 'boolean' ? `Field '${name}' must be a boolean` : undefined),
  list: (name, shape, value, strict) => {
    if (!Array.isArray(value)) return `Field '${name}' must be an array`;
    for (const item of value) {
      const problem = checkValue(name, shape.member, item, strict);
      if (problem) return problem;
    }
    return undefined;
  },
  map: (name, shape, value, strict) => {
    if (!isObject(value)) return `Field '${name}' must be an object`;
    for (const [key, item] of Object.entries(value)) {
      const problem = checkValue(key, shape.value, item, strict);
      if (problem) return problem;
    }
    return undefined;
  },
  structure: (name, shape, value, strict) => (isObject(value) ? checkStructure(shape, value, strict) : `Field '${name}' must be an object`),
  any: () => undefined,
};

function checkValue(name: string, shape: MockShape, value: Json, strict: boolean): string | undefined {
  return (CHECKS[shape.type] as (name: string, shape: MockShape, value: Json, strict: boolean) => string | undefined)(name, shape, value, strict);
}

function shorter(name: string, value: string, min: number | undefined): string | undefined {
  return min !== undefined && value.length < min ? `Field '${name}' is smaller than the minimum length` : undefined;
}

function isObject(value: Json): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
