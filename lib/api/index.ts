/**
 * The HTTP front of the local Step Functions service: the AWS JSON 1.0 protocol that
 * `@aws-sdk/client-sfn` and the AWS CLI speak, and the admin endpoints under /_sagaflow/.
 */
export { startApiServer } from './api-server';
export type { ApiServer, ApiServerOptions } from './api-server';
