import type { ExecutionLogEvent } from './local-service-contract';
import type { Store } from '../store/store';
import type { ServiceClock } from './clock/service-clock';
import type { Arns } from './arns';
import type { LambdaRegistry } from './lambda/lambda-registry';

/** What every part of the runtime shares: the store, the clock, names, functions and the log. */
export interface RuntimeContext {
  store: Store;
  clock: ServiceClock;
  arns: Arns;
  region: string;
  accountId: string;
  lambdas: LambdaRegistry;
  dynamodbEndpoint?: string;
  onExecutionEvent?: (event: ExecutionLogEvent) => void;
  /** Unexpected failures inside the runtime: logged, never thrown at a caller that did nothing wrong. */
  logError(message: string, err: unknown): void;
}
