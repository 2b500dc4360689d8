import { InputObject } from '../shared/input-object';
import type { AggregateResultsInput, AggregateResultsOutput } from './types';

/** The fan-in: sums the processed items' results and counts them. */
export const handler = async (event: AggregateResultsInput): Promise<AggregateResultsOutput> => {
  const results = InputObject.of(event).objects('results');
  const total = results.reduce((sum, r) => sum + r.number('result'), 0);
  return { total, count: results.length };
};
