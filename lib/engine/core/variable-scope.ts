import type { Json } from '../../asl';
import type { VariableReader } from '../scope';

/**
 * Workflow variables of one scope (the top level, or one Parallel branch / Map iteration).
 * Inner scopes read outer variables but assign only their own.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 */
export class VariableScope implements VariableReader {
  private readonly own = new Map<string, Json>();
  constructor(private readonly parent?: VariableScope) {}

  get(name: string): Json | undefined {
    const v = this.own.get(name);
    if (v !== undefined) return v;
    return this.parent?.get(name);
  }

  /** Sets all at once: the values were computed against the old ones. */
  assign(values: Record<string, Json>): void {
    for (const key of Object.keys(values)) this.own.set(key, values[key]!);
  }

  child(): VariableScope {
    return new VariableScope(this);
  }

  /** The variables this scope declares itself (for redrive snapshots). */
  snapshot(): Record<string, Json> {
    return Object.fromEntries(this.own);
  }
}
