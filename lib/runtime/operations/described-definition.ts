import type * as sfn from '@aws-sdk/client-sfn';
import { variableReferences } from '../../engine/validation';

/** With includedData METADATA_ONLY the definition is reported as `{}` (API reference, DescribeStateMachine's definition). */
export function shown(definition: string, includedData: sfn.IncludedData | undefined): string {
  return includedData === 'METADATA_ONLY' ? '{}' : definition;
}

/** DescribeStateMachine's variableReferences, left out when no state reads a variable (recorded on AWS). */
export function referencesOf(definition: string): { variableReferences?: Record<string, string[]> } {
  const refs = variableReferences(JSON.parse(definition) as unknown);
  return Object.keys(refs).length > 0 ? { variableReferences: refs } : {};
}
