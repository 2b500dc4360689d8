import { activity, invoke, map, path, workflow } from '../lib/builder';
import type { AggregateResultsInput, AggregateResultsOutput, ProcessItemInput, ProcessItemOutput } from '../lambdas/fanout/types';

export const ProcessItem = activity<ProcessItemInput, ProcessItemOutput>('ProcessItem', { entry: 'lambdas/fanout/process-item.ts' });
export const AggregateResults = activity<AggregateResultsInput, AggregateResultsOutput>('AggregateResults', { entry: 'lambdas/fanout/aggregate-results.ts' });

/** Processes every item in parallel (10 at a time), then aggregates the results into {total, count}. */
export const FanOut = workflow('FanOut', () =>
  map('ProcessItems', {
    itemsPath: '$.items',
    maxConcurrency: 10,
    iterator: invoke(ProcessItem),
    resultPath: '$.results',
  }).next(invoke(AggregateResults, { payload: { results: path('$.results') } })),
{ comment: 'Fan-out/fan-in: process items in parallel, then aggregate' });
