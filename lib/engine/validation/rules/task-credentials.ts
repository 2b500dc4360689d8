import type { StateRule } from '../context';

/**
 * Task Credentials: an object must name the role, as `RoleArn` (or `RoleArn.$` in JSONPath).
 * AWS reports only the missing role, even when other fields stand in its place
 * (localstack test_credentials_base.snapshot.json test_invalid_credentials_field, recorded on AWS).
 */
export const taskCredentials: StateRule = ({ state, location, sink }) => {
  const credentials = state.Credentials;
  if (typeof credentials !== 'object' || credentials === null || Array.isArray(credentials)) return;
  if ('RoleArn' in credentials || 'RoleArn.$' in credentials) return;
  sink.schema("The field 'RoleArn' is required but was missing", `${location}/Credentials`);
};
