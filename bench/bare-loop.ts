import type { Workload } from './workloads';
import type { Measurement } from './figures';

/**
 * W1's yardstick: the same data work as the workload's 20 Pass states, written by hand with no
 * engine — read the paths, count the items, format the label, store the object under
 * $.results.sNN without mutating the input (as the engine must not).
 */
type Order = { id: string; customer: { name: string }; items: unknown[] };
type State = { order: Order; results?: Record<string, unknown> };

/** A pass over the workload's executions takes ~40 ms here: passes repeat until this much time has gone, for a figure that holds under load. */
const MIN_MS = 1000;

export function bareLoop(w: Workload): Measurement {
  const steps = Object.keys(w.definition.States as object).length;
  const t0 = performance.now();
  let check = 0;
  let runs = 0;
  do {
    check += onePass(w, steps);
    runs += w.executions;
  } while (performance.now() - t0 < MIN_MS);
  const seconds = (performance.now() - t0) / 1000;
  if (check !== 19 * runs) throw new Error('bare loop computed the wrong result');
  return { transitions_per_s: (runs * steps) / seconds, executions_per_s: runs / seconds };
}

/** The workload's executions once; returns the sum of each one's last step (a check the work was done). */
function onePass(w: Workload, steps: number): number {
  let check = 0;
  for (let e = 0; e < w.executions; e++) {
    let state = w.input as State;
    for (let i = 0; i < steps; i++) {
      const result = {
        orderId: state.order.id,
        customer: state.order.customer.name,
        count: state.order.items.length,
        label: `step ${i} for ${state.order.id}`,
        step: i,
      };
      state = { ...state, results: { ...state.results, [`s${String(i).padStart(2, '0')}`]: result } };
    }
    check += (state.results!.s19 as { step: number }).step;
  }
  return check;
}
