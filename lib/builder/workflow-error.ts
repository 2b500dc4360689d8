/**
 * The one error the builder throws for a mistake in a workflow. Its message names the workflow,
 * the state and the fix, so the author can act on it without reading the builder's code.
 */
export class WorkflowError extends Error {
  constructor(
    readonly problem: string,
    readonly fix: string,
    readonly state?: string,
    readonly workflow?: string,
  ) {
    super(WorkflowError.format(problem, fix, state, workflow));
    this.name = 'WorkflowError';
  }

  /** The same error, attributed to a workflow (states are built before the workflow's name is known). */
  inWorkflow(workflow: string): WorkflowError {
    return this.workflow ? this : new WorkflowError(this.problem, this.fix, this.state, workflow);
  }

  private static format(problem: string, fix: string, state?: string, workflow?: string): string {
    const where = [workflow && `workflow '${workflow}'`, state && `state '${state}'`].filter(Boolean).join(', ');
    return `${where ? `${where}: ` : ''}${problem}. Fix: ${fix}.`;
  }
}
