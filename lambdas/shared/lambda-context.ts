/** The parts of the Lambda context object the handlers use (AWS's and the local service's alike). */
export interface LambdaContext {
  functionName?: string;
  awsRequestId?: string;
  /** Milliseconds left before the function times out. */
  getRemainingTimeInMillis?: () => number;
}
