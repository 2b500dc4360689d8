import type { JsonObject } from '../../../asl';
import { isObject, type GraphContext } from '../context';
import { DiagnosticCodes, type DiagnosticSink } from '../diagnostic';

/** A transition out of a state: where it is written and the state it names. */
interface Transition {
  target: string;
  location: string;
}

/** Every Next-like field of a state: Next, Choices[i].Next, Default, Catch[i].Next. */
function transitions(state: JsonObject, at: string): Transition[] {
  const found: Transition[] = [];
  if (typeof state.Next === 'string') found.push({ target: state.Next, location: `${at}/Next` });
  if (typeof state.Default === 'string') found.push({ target: state.Default, location: `${at}/Default` });
  const listed = (field: 'Choices' | 'Catch') => {
    const list = state[field];
    if (!Array.isArray(list)) return;
    list.forEach((rule, i) => {
      if (isObject(rule) && typeof rule.Next === 'string') found.push({ target: rule.Next, location: `${at}/${field}[${i}]/Next` });
    });
  };
  listed('Choices');
  listed('Catch');
  return found;
}

function isTerminal(state: JsonObject): boolean {
  return state.End === true || state.Type === 'Succeed' || state.Type === 'Fail';
}

/**
 * A graph's transitions, as AWS checks them (measured in floci-io/floci#2786): a target naming no
 * state of the same graph is `Missing 'Next' target: X` (the literal word Next for Default and
 * Catch too); a machine without any terminal state is MISSING_END_STATE with no location, and then
 * the reachability walk is skipped; otherwise each state StartAt cannot reach (all of them when
 * StartAt names none) is `State "X" is not reachable.`.
 */
export function checkTransitions(graph: GraphContext, sink: DiagnosticSink): void {
  const { states, location } = graph;
  const names = Object.keys(states);
  const startAt = graph.graph.StartAt;
  if (typeof startAt === 'string' && !(startAt in states)) {
    sink.error(DiagnosticCodes.MissingTransitionTarget, `Missing 'Next' target: ${startAt}`, `${location}/StartAt`);
  }
  for (const name of names) {
    for (const t of transitions(states[name], `${location}/States/${name}`)) {
      if (!(t.target in states)) sink.error(DiagnosticCodes.MissingTransitionTarget, `Missing 'Next' target: ${t.target}`, t.location);
    }
  }
  // Top level only: a branch or ItemProcessor is walked for reachability whatever it ends with.
  if (location === '' && names.length > 0 && !names.some((n) => isTerminal(states[n]))) {
    sink.error(DiagnosticCodes.MissingEndState, 'Workflow has no terminal state');
    return;
  }
  if (typeof startAt !== 'string') return;
  // A StartAt naming no state reaches nothing: every state is reported unreachable as well
  // (AWS's answer quoted in serverless-operations/serverless-step-functions#250).
  const reached = new Set<string>(startAt in states ? [startAt] : []);
  const queue = [...reached];
  while (queue.length > 0) {
    const name = queue.shift()!;
    for (const t of transitions(states[name], '')) {
      if (t.target in states && !reached.has(t.target)) {
        reached.add(t.target);
        queue.push(t.target);
      }
    }
  }
  for (const name of names) {
    if (!reached.has(name)) {
      sink.error(DiagnosticCodes.MissingTransitionTarget, `State "${name}" is not reachable.`, `${location}/States/${name}`);
    }
  }
}
