import { isObject, type StateRule } from '../context';
import { Messages } from '../messages';

/** Parallel: Branches is a non-empty array of graphs (each graph is then checked like the machine). */
export const parallelBranches: StateRule = ({ state, location, sink }) => {
  const branches = state.Branches;
  if (branches === undefined) return;
  if (!Array.isArray(branches)) sink.schema(Messages.expectedType('ARRAY'), `${location}/Branches`);
  else if (branches.length === 0) sink.schema(Messages.empty, `${location}/Branches`);
  else branches.forEach((b, i) => isObject(b) || sink.schema(Messages.expectedType('OBJECT'), `${location}/Branches[${i}]`));
};
