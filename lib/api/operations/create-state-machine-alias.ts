import type * as sfn from '@aws-sdk/client-sfn';
import { STATE_MACHINE, checkArn } from '../validation/arn-check';
import { AliasDescription, CharacterRestrictedName, RoutingConfigurationList } from '../validation/common-shapes';
import { required, structure } from '../validation/shape';
import type { Operation } from './operation';

/** @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachineAlias.html */
export const createStateMachineAlias: Operation<'CreateStateMachineAlias'> = {
  request: structure<sfn.CreateStateMachineAliasInput>('CreateStateMachineAliasInput', {
    description: AliasDescription,
    name: required(CharacterRestrictedName),
    routingConfiguration: required(RoutingConfigurationList),
  }),
  check(input) {
    for (const route of input.routingConfiguration) checkArn(route.stateMachineVersionArn!, STATE_MACHINE);
  },
};
