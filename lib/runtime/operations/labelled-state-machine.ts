import type * as sfn from '@aws-sdk/client-sfn';
import type { StateMachineDefinition } from '../../asl';
import { labelledMachine } from '../../engine/states/map-run/labelled-machine';
import type { Store } from '../../store/store';
import type { MapLabelArn } from '../map-label-arns';
import { DEFAULT_ENCRYPTION, DEFAULT_LOGGING, DEFAULT_TRACING, readConfig } from './configurations';
import { referencesOf, shown } from './described-definition';
import { NotFound } from './errors';

type Output<T> = Omit<T, '$metadata'>;

/**
 * DescribeStateMachine of `<machine>/<label>`: the Distributed Map's own state machine, with its
 * `label` ("present only if the stateMachineArn specified in input is a qualified state machine
 * ARN") and the Map's definition, read from the holding machine's current definition (the KMS note
 * on includedData: Step Functions "needs to decrypt the entire state machine definition to get the
 * Distributed Map state's definition"). The name is the ARN's, as DescribeStateMachineForExecution
 * names it for a child; role and configuration are the holding machine's; the type is the one its
 * children run as.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeStateMachine.html
 */
export function describeLabelledStateMachine(store: Store, target: MapLabelArn, includedData: sfn.IncludedData | undefined): Output<sfn.DescribeStateMachineOutput> {
  const sm = store.getStateMachine(target.stateMachineArn);
  if (!sm) throw NotFound.stateMachine(target.arn);
  const parent = JSON.parse(store.getDefinition(sm.revisionId)!.definition) as StateMachineDefinition;
  const machine = labelledMachine(parent, sm.arn, target.labels);
  if (!machine) throw NotFound.stateMachine(target.arn);
  const encryption = readConfig(sm.encryptionConfiguration, DEFAULT_ENCRYPTION);
  // "When calling a labelled ARN for an encrypted state machine, the includedData = METADATA_ONLY parameter will not apply" (DescribeStateMachine's includedData).
  const keyed = encryption.type === 'CUSTOMER_MANAGED_KMS_KEY';
  return {
    stateMachineArn: target.arn,
    name: target.arn.split(':')[6]!,
    status: 'ACTIVE',
    type: machine.executionType,
    definition: keyed ? machine.definition : shown(machine.definition, includedData),
    ...referencesOf(machine.definition),
    roleArn: sm.roleArn,
    creationDate: new Date(sm.creationDate),
    loggingConfiguration: readConfig(sm.loggingConfiguration, DEFAULT_LOGGING),
    tracingConfiguration: readConfig(sm.tracingConfiguration, DEFAULT_TRACING),
    encryptionConfiguration: encryption,
    label: machine.label,
  };
}
