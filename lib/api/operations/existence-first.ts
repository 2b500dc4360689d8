import { ServiceError, type StepFunctionsOperations } from '../../runtime/step-functions-operations';

/**
 * Runs checks that AWS makes only once it has found the state machine: when one fails, a missing
 * state machine is reported instead (StartExecution with an unknown ARN and a bad name answers
 * StateMachineDoesNotExist). The lookup happens on the failure path only.
 */
export async function afterStateMachineFound(service: StepFunctionsOperations, stateMachineArn: string, checks: () => void): Promise<void> {
  try {
    checks();
  } catch (failure) {
    try {
      // An alias is a `stateMachine:name:alias` ARN whose qualifier is not a version number.
      const qualifier = stateMachineArn.split(':')[7];
      if (qualifier !== undefined && !/^\d+$/.test(qualifier)) await service.DescribeStateMachineAlias({ stateMachineAliasArn: stateMachineArn });
      else await service.DescribeStateMachine({ stateMachineArn });
    } catch (lookup) {
      if (lookup instanceof ServiceError) throw lookup;
    }
    throw failure;
  }
}
