import { parseStatesArn } from './arns';
import { ServiceError } from './step-functions-operations';

/** `…:stateMachine:<machine>/<label>`: the state machine a Distributed Map's children run as. */
export interface MapLabelArn {
  arn: string;
  /** The machine that holds the Distributed Map. */
  stateMachineArn: string;
  /** One label per nesting level of Distributed Maps: `orders/Outer/Inner` is ['Outer', 'Inner']. */
  labels: string[];
  /** The Map state's own label: the last one. */
  label: string;
}

/** Reads a Distributed Map's state machine ARN; undefined for any other. A name never holds '/', so the '/' marks one. */
export function parseMapLabelArn(arn: string): MapLabelArn | undefined {
  const p = parseStatesArn(arn);
  if (!p || p.resourceType !== 'stateMachine' || p.parts.length !== 1) return undefined;
  const [name, ...labels] = p.parts[0]!.split('/');
  if (!name || labels.length === 0 || labels.some((l) => !l)) return undefined;
  return { arn, stateMachineArn: arn.slice(0, arn.length - p.parts[0]!.length) + name, labels, label: labels[labels.length - 1]! };
}

/**
 * StartExecution, UpdateStateMachine and DeleteStateMachine refuse it: "If you provide a qualified
 * state machine ARN that refers to a Distributed Map state, the request fails with
 * ValidationException" (API reference, each of the three). AWS documents no message; this one
 * follows the service's other refusals of an ARN kind.
 */
export function refuseMapLabelArn(operation: string, arn: string): void {
  if (parseMapLabelArn(arn)) throw new ServiceError('ValidationException', `A Distributed Map state's ARN is not supported by ${operation}: '${arn}'`);
}
