import type { Failure } from '../asl';

/**
 * A failure raised while evaluating a state (a path that matches nothing, an intrinsic given bad
 * arguments, a JSONata expression that fails...). Evaluators throw it; the state's own logic catches
 * it at once and turns it into `Failure` data that travels through Retry and Catch.
 * Anything else thrown inside the engine is an engine bug.
 */
export class StatesFailure extends Error implements Failure {
  constructor(
    readonly error: string,
    override readonly cause: string,
  ) {
    super(`${error}: ${cause}`);
    this.name = 'StatesFailure';
  }
}

export function isStatesFailure(e: unknown): e is StatesFailure {
  return e instanceof StatesFailure;
}
