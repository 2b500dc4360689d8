import { join } from 'node:path';

/** The bench's Lambda functions: name → module file, per workload variant. */
export function functionModules(workload: string): Record<string, string> {
  const mod = (name: string) => join(__dirname, `${name}.ts`);
  const names = ['validate_order', 'reserve_inventory', 'process_payment', 'release_inventory', 'ship_order', 'process_item', 'send_approval_request'];
  const modules = Object.fromEntries(names.map((n) => [n, mod(n)]));
  if (workload === 'W2f-saga-compensation') modules.process_payment = mod('process_payment_declined');
  return modules;
}

export type Handler = (input: unknown) => Promise<unknown>;

/** Loads the handlers for a workload in process. */
export function loadHandlers(workload: string): Record<string, Handler> {
  const out: Record<string, Handler> = {};
  for (const [name, file] of Object.entries(functionModules(workload))) out[name] = require(file).handler as Handler;
  return out;
}
