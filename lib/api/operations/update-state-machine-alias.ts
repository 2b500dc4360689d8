import type * as sfn from '@aws-sdk/client-sfn';
import { STATE_MACHINE, checkArn } from '../validation/arn-check';
import { AliasDescription, Arn, RoutingConfigurationList } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_UpdateStateMachineAlias.html */
export const updateStateMachineAlias: Operation<'UpdateStateMachineAlias'> = {
  request: structure<sfn.UpdateStateMachineAliasInput>('UpdateStateMachineAliasInput', {
    stateMachineAliasArn: required(Arn),
    description: AliasDescription,
    routingConfiguration: RoutingConfigurationList,
  }),
  check(input) {
    checkArn(input.stateMachineAliasArn, STATE_MACHINE);
    for (const route of input.routingConfiguration ?? []) checkArn(route.stateMachineVersionArn!, STATE_MACHINE);
  },
};
