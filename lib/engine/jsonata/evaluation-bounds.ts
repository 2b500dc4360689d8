import type jsonata from 'jsonata';

/**
 * AWS bounds every JSONata evaluation and fails the state past the bound (floci-io/floci#2737,
 * measured on AWS): nesting deeper than 100 evaluation levels fails with the message below. AWS
 * also has a time bound; the engine has no clock, so a step budget stands in for it and keeps a
 * non-terminating tail-recursive expression from hanging the engine.
 */
export const MAX_EVALUATION_DEPTH = 100;
/** Roughly AWS's time bound at jsonata-js speed; far beyond any payload AWS accepts. */
export const MAX_EVALUATION_STEPS = 5_000_000;
/**
 * AWS's memory bound on one value an expression builds: 6,990,256 bytes, a number counting 8 and a
 * character 1 (AWS accepts `[1..873782]` and a 2^22-character string, refuses one element or one
 * doubling more). Checked on each step's array or string result, not on nested structures.
 */
export const MAX_VALUE_BYTES = 873_782 * 8;
export const MEMORY_LIMIT_MESSAGE = 'Expression evaluation memory limit exceeded: Check for excessive memory usage';

/** Per-evaluation counters, bound under a name no JSONata source can spell (it has spaces). */
const BUDGET = ' sagaflow evaluation budget';

interface EvaluationBudget {
  depth: number;
  steps: number;
  maxSteps: number;
  /** Replaces the wall-clock instant jsonata-js stamps each evaluation with. */
  timestamp: Date;
}

interface Frame {
  lookup(name: string): unknown;
  timestamp: Date | null;
}

/** A JSONata error without a code: AWS quotes its message after a colon. */
export interface UncodedJsonataError {
  message: string;
}

function budgetOf(environment: Frame): EvaluationBudget | undefined {
  return environment.lookup(BUDGET) as EvaluationBudget | undefined;
}

/** Installs the bounds on a compiled expression (once; the counters live in each evaluation's frame). */
export function installEvaluationBounds(expression: jsonata.Expression): void {
  // jsonata-js looks its hooks up by these symbols; its typings only admit string names.
  const bind = expression.assign as (name: unknown, value: unknown) => void;
  bind(Symbol.for('jsonata.__evaluate_entry'), (_node: unknown, _input: unknown, environment: Frame) => {
    const budget = budgetOf(environment);
    if (!budget) return;
    // The first node runs in the evaluation's root frame: pin its clock before any frame copies it
    // ($toMillis fills a partial picture's missing fields from it).
    if (budget.steps === 0) environment.timestamp = budget.timestamp;
    budget.depth += 1;
    budget.steps += 1;
    if (budget.depth > MAX_EVALUATION_DEPTH) {
      const error: UncodedJsonataError = {
        message:
          'Stack overflow error: Check for non-terminating recursive function. Consider rewriting as tail-recursive. ' +
          `Depth=${budget.depth} max=${MAX_EVALUATION_DEPTH}`,
      };
      throw error;
    }
    if (budget.steps > budget.maxSteps) {
      const error: UncodedJsonataError = { message: 'Expression evaluation timeout: Check for infinite loop' };
      throw error;
    }
  });
  bind(Symbol.for('jsonata.__evaluate_exit'), (_node: unknown, _input: unknown, environment: Frame, result: unknown) => {
    const budget = budgetOf(environment);
    if (!budget) return;
    budget.depth -= 1;
    const bytes = Array.isArray(result) ? result.length * 8 : typeof result === 'string' ? result.length : 0;
    if (bytes > MAX_VALUE_BYTES) {
      const error: UncodedJsonataError = { message: MEMORY_LIMIT_MESSAGE };
      throw error;
    }
  });
}

/** The binding that carries one evaluation's counters and its clock. */
export function evaluationBudgetBinding(nowMillis: number, maxSteps = MAX_EVALUATION_STEPS): Record<string, unknown> {
  const budget: EvaluationBudget = { depth: 0, steps: 0, maxSteps, timestamp: new Date(nowMillis) };
  return { [BUDGET]: budget };
}
