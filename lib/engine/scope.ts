import type { Json } from '../asl';

/**
 * What a query can read while a state is evaluated: the effective input, the context object `$$`,
 * and the workflow variables visible from this state (inner scopes see outer ones).
 */
export interface VariableReader {
  /** The variable's value, or undefined when no visible scope declares it. */
  get(name: string): Json | undefined;
}

/** Deterministic randomness handed to the engine; the engine has none of its own. */
export interface RandomSource {
  /** A number in [0, 1). */
  next(): number;
  /** A version 4 UUID. */
  uuid(): string;
}

export interface EvaluationScope {
  input: Json;
  context: Json;
  variables: VariableReader;
  random: RandomSource;
}
