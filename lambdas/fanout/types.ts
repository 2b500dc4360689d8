/** Inputs and outputs of the fan-out activities. */

export interface FanOutInput {
  items: Item[];
}

export interface Item {
  id: string;
  value: number;
}

export type ProcessItemInput = Item;
export interface ProcessItemOutput {
  id: string;
  /** The processed value (the item's value doubled). */
  result: number;
}

export interface AggregateResultsInput {
  results: ProcessItemOutput[];
}
export interface AggregateResultsOutput {
  total: number;
  count: number;
}
