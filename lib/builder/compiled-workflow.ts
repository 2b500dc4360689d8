import type { StateMachineDefinition } from '../asl';

/**
 * What the builder hands to its consumers (the CLI, the CDK construct, the local service):
 * the ASL plus everything needed to resolve its `${...}` placeholders.
 */

/** A Lambda activity the workflow calls, and the placeholder its ARN takes in the ASL. */
export interface ActivityBinding {
  /** The activity's name, e.g. `ReserveInventory`. */
  name: string;
  /** The DefinitionSubstitutions key, e.g. `ReserveInventoryFunctionArn` (written `${ReserveInventoryFunctionArn}`). */
  placeholder: string;
  /** The handler module, relative to the project root, e.g. `lambdas/order/reserve-inventory.ts`. */
  entry: string;
  /** The exported handler function's name. @default "handler" */
  handler: string;
  /** The function's own timeout in seconds. @default 30 */
  timeoutSeconds: number;
}

/** Another workflow this one starts (`states:startExecution`), by placeholder. */
export interface SubWorkflowBinding {
  /** The child workflow's name. */
  name: string;
  /** e.g. `ChildWorkflowStateMachineArn`. */
  placeholder: string;
}

/** Size and history figures reported for every compiled workflow. */
export interface WorkflowBudget {
  states: number;
  definitionBytes: number;
  /** Worst-case history events of one run, or of one iteration for a continue-as-new loop. */
  worstCaseEvents: number;
  /** For loops: iterations per execution before continue-as-new, and the events budget it keeps under. */
  loop?: { iterationsPerExecution: number; eventsPerExecution: number; budget: number };
  /**
   * Inline Maps without a stated `maxItems`: `worstCaseEvents` counts them with no items, so add
   * `eventsPerItem` for each item they will process.
   */
  perItem?: Array<{ state: string; eventsPerItem: number }>;
}

export interface CompiledWorkflow {
  name: string;
  definition: StateMachineDefinition;
  activities: ActivityBinding[];
  subWorkflows: SubWorkflowBinding[];
  budget: WorkflowBudget;
}
