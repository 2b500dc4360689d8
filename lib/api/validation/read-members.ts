import { serializationError } from '../protocol/wire-error';
import type { Shape, ShapeKind, ShapeOf, StructureShape } from './shape';

/**
 * Reads a JSON value into a shape the way Coral's JSON codec does before any constraint is checked:
 * unknown members are dropped, `null` counts as absent, booleans accept "true"/"false" (and
 * "yes"/"no", "1"/"0"), whole-number members truncate a fraction, and anything else of the wrong
 * JSON type is a SerializationException worded as Coral words it.
 */
export function readStructure(shape: StructureShape, value: unknown): Record<string, unknown> {
  return read(shape, value) as Record<string, unknown>;
}

type Reader<K extends ShapeKind> = (shape: ShapeOf<K>, value: unknown) => unknown;

const NAMESPACE = 'com.amazonaws.swf.service.v2.model';
const JAVA_NUMBER: Record<'integer' | 'long' | 'float', string> = { integer: 'Integer', long: 'Long', float: 'Float' };

function token(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'TRUE_VALUE' : 'FALSE_VALUE';
  if (typeof value === 'number') return Number.isInteger(value) ? 'NUMBER_VALUE' : 'DECIMAL_VALUE';
  return 'STRING_VALUE';
}

function notScalar(value: object, javaClass: string): never {
  throw serializationError(Array.isArray(value) ? `Unrecognized collection type class ${javaClass}` : 'Start of structure or map found where not expected');
}

const readers: { [K in ShapeKind]: Reader<K> } = {
  string(_shape, value) {
    if (typeof value === 'string') return value;
    if (typeof value === 'object' && value !== null) notScalar(value, 'java.lang.String');
    throw serializationError(`${token(value)} cannot be converted to String`);
  },
  integer: (shape, value) => readNumber(shape.kind, value),
  long: (shape, value) => readNumber(shape.kind, value),
  float: (shape, value) => readNumber(shape.kind, value),
  boolean(_shape, value) {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string') {
      const text = value.toUpperCase();
      if (text === 'TRUE' || text === 'YES' || text === '1') return true;
      if (text === 'FALSE' || text === 'NO' || text === '0') return false;
      throw serializationError('Unexpected token received from parser');
    }
    if (typeof value === 'object' && value !== null) notScalar(value, 'java.lang.Boolean');
    throw serializationError(`${token(value)} cannot be converted to Boolean`);
  },
  list(shape, value) {
    if (!Array.isArray(value)) {
      throw serializationError(typeof value === 'object' ? 'Start of structure or map found where not expected' : 'Unexpected field type');
    }
    // A null element stays null so that the constraint pass reports it.
    return value.map((element) => (element === null ? null : read(shape.member, element)));
  },
  structure(shape, value) {
    if (typeof value !== 'object' || value === null) throw serializationError('Unexpected field type');
    if (Array.isArray(value)) throw serializationError(`Unrecognized collection type class ${NAMESPACE}.${shape.name}`);
    const out: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(shape.members)) {
      const raw = (value as Record<string, unknown>)[name];
      if (raw !== undefined && raw !== null) out[name] = read(member, raw);
    }
    return out;
  },
};

function readNumber(kind: 'integer' | 'long' | 'float', value: unknown): number {
  if (typeof value === 'number') return kind === 'float' ? value : Math.trunc(value);
  if (typeof value === 'object' && value !== null) notScalar(value, `java.lang.${JAVA_NUMBER[kind]}`);
  throw serializationError(`${token(value)} cannot be converted to ${JAVA_NUMBER[kind]}`);
}

function read(shape: Shape, value: unknown): unknown {
  return (readers[shape.kind] as Reader<ShapeKind>)(shape as never, value);
}
