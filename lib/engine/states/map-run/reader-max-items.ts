import { StatesErrors, type Json, type MapState } from '../../../asl';
import { effectiveInput, jsonPathScope, stateRef } from '../../core/data-flow';
import type { Interpreter } from '../../core/interpreter';
import type { StateRun } from '../../core/state-run';
import { readPath, statePrefix } from '../../jsonpath';
import { StatesFailure } from '../../states-failure';
import { integerValue, shownValue } from './map-tolerance';

/** AWS's cause when the MaxItems an ItemReader reads is negative: a Map Run failure, no state prefix. */
export const NEGATIVE_MAX_ITEMS_CAUSE = 'field MaxItems must be positive';

/**
 * An ItemReader's ReaderConfig.MaxItemsPath (JSONPath), read after MapStateStarted and before the
 * Map Run starts: a value that is no integer fails the state with States.Runtime there; a negative
 * one is for the Map Run to refuse (recorded on AWS: localstack test_base_scenarios.snapshot.json,
 * test_map_item_reader_csv_max_items_paths[1.5, -1]). 0 means no limit.
 */
export function readerMaxItems(run: StateRun, it: Interpreter, def: MapState): number | undefined {
  const config = (def.ItemReader as { ReaderConfig?: { MaxItemsPath?: Json } } | undefined)?.ReaderConfig;
  const path = config?.MaxItemsPath;
  if (run.state.queryLanguage !== 'JSONPath' || typeof path !== 'string') return undefined;
  const value = readPath(path, jsonPathScope(it, run, effectiveInput(it, run)), 'MaxItemsPath');
  const maxItems = integerValue(value);
  if (maxItems === undefined) {
    throw new StatesFailure(StatesErrors.Runtime, `${statePrefix(stateRef(run))}The MaxItemsPath field refers to value "${shownValue(value)}" which is not a valid integer: ${path}`);
  }
  return maxItems;
}
