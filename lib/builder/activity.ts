import { WorkflowError } from './workflow-error';

/**
 * A Lambda activity, declared once with its input and output types. Workflows invoke it by
 * reference; its ARN compiles to a `${<Name>FunctionArn}` placeholder for DefinitionSubstitutions.
 */
export interface Activity<I, O> {
  readonly name: string;
  readonly placeholder: string;
  /** The handler module, relative to the project root, e.g. `lambdas/order/reserve-inventory.ts`. */
  readonly entry: string;
  readonly handler: string;
  readonly timeoutSeconds: number;
  /** Phantom fields that carry the types; never set at runtime. */
  readonly __input?: I;
  readonly __output?: O;
}

export interface ActivityProps {
  entry: string;
  /** @default "handler" */
  handler?: string;
  /** The function's own timeout. @default 30 */
  timeoutSeconds?: number;
}

/** Declares an activity: `activity<ReserveInventoryInput, ReserveInventoryOutput>('ReserveInventory', {entry})`. */
export function activity<I, O>(name: string, props: ActivityProps): Activity<I, O> {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
    throw new WorkflowError(`the activity name '${name}' is not alphanumeric, so it cannot form a placeholder`, 'use a PascalCase name such as ReserveInventory', name);
  }
  return {
    name,
    placeholder: `${name}FunctionArn`,
    entry: props.entry,
    handler: props.handler ?? 'handler',
    timeoutSeconds: props.timeoutSeconds ?? 30,
  };
}
