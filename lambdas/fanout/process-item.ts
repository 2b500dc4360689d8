import { InputObject } from '../shared/input-object';
import type { ProcessItemInput, ProcessItemOutput } from './types';

/** Processes one item of the fan-out: doubles its value. Pure, so redelivery is harmless. */
export const handler = async (event: ProcessItemInput): Promise<ProcessItemOutput> => {
  const item = InputObject.of(event);
  const id = item.string('id', { maxLength: 256 });
  return { id, result: item.number('value') * 2 };
};
