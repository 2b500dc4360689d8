import type { Json } from '../../asl';
import { isJsonataExpression } from '../jsonata';
import type { DiagnosticSink } from './diagnostic';
import { Messages } from './messages';

/** Bounds of a numeric field. */
export interface NumericBounds {
  min?: number;
  max?: number;
  /** Whole numbers only. */
  integer: boolean;
}

/**
 * A numeric field: in a JSONata state a `{% %}` string stands for the value and is checked when it
 * runs; otherwise the type, then the bounds ("Minimum value is N" / "Maximum value is N").
 */
export function checkNumeric(value: Json | undefined, at: string, bounds: NumericBounds, jsonata: boolean, sink: DiagnosticSink): void {
  if (value === undefined) return;
  if (jsonata && isJsonataExpression(value)) return;
  if (typeof value !== 'number' || (bounds.integer && !Number.isInteger(value))) {
    sink.schema(bounds.integer ? Messages.expectedInteger : Messages.expectedType('NUMBER'), at);
    return;
  }
  if (bounds.min !== undefined && value < bounds.min) sink.schema(Messages.minimum(bounds.min, !bounds.integer), at);
  else if (bounds.max !== undefined && value > bounds.max) sink.schema(Messages.maximum(bounds.max, !bounds.integer), at);
}

/** An enumerated string field. */
export function checkEnum(value: Json | undefined, at: string, values: readonly string[], sink: DiagnosticSink): void {
  if (value === undefined) return;
  if (typeof value !== 'string') sink.schema(Messages.expectedType('STRING'), at);
  else if (!values.includes(value)) sink.schema(Messages.oneOfValues(values), at);
}

/** A field that must be a string when present. */
export function checkString(value: Json | undefined, at: string, sink: DiagnosticSink): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return true;
  sink.schema(Messages.expectedType('STRING'), at);
  return false;
}
