import type { JsonObject, QueryLanguage, StateType } from '../../asl';
import type { DiagnosticSink } from './diagnostic';

/** The options a rule may depend on. */
export interface ValidationOptions {
  /** @default 'STANDARD' */
  type: 'STANDARD' | 'EXPRESS';
}

/** One `{StartAt, States}` graph: the machine itself, a Parallel branch or a Map's ItemProcessor. */
export interface GraphContext {
  /** JSON pointer of the object holding StartAt/States: "" for the machine, e.g. "/States/P/Branches/0". */
  location: string;
  graph: JsonObject;
  /** The states, when `States` is an object. */
  states: Record<string, JsonObject>;
  /** The query language a state inherits when it declares none (the machine's, AWS does not let a Map or branch change it). */
  queryLanguage: QueryLanguage;
  /** Set for a Map's ItemProcessor: its mode decides which Map fields are legal. */
  mapMode?: 'INLINE' | 'DISTRIBUTED';
}

/** What a state rule sees: one state, where it is and its effective query language. */
export interface StateContext {
  name: string;
  state: JsonObject;
  type: StateType;
  /** e.g. "/States/A" or "/States/M/ItemProcessor/States/B". */
  location: string;
  queryLanguage: QueryLanguage;
  graph: GraphContext;
  options: ValidationOptions;
  sink: DiagnosticSink;
}

/** A rule checks one state and reports into the sink. */
export type StateRule = (ctx: StateContext) => void;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
