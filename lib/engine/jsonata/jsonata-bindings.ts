import type { Json } from '../../asl';
import type { RandomSource, VariableReader } from '../scope';

/** What a JSONata expression can read: `$states` and the workflow variables. */
export interface JsonataBindings {
  /** $states.input */
  input: Json;
  /** $states.context — the context object */
  context: Json;
  /** $states.result — only where AWS allows it (Task/Map/Parallel Output & Assign, Catch) */
  result?: Json;
  /** $states.errorOutput — only in Catch Output/Assign */
  errorOutput?: Json;
  variables: VariableReader;
  random: RandomSource;
}
