import type { Json, MapState } from '../../asl';
import { evaluateJsonataInteger, evaluateJsonataNumber, isJsonataExpression, type JsonataBindings } from '../../engine/jsonata';
import { isStatesFailure } from '../../engine/states-failure';

/** A tested Map's concurrency and tolerated failures, as inspectionData reports them and a mocked result meets them. */
export interface MapSettings {
  maxConcurrency?: number;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
}

/**
 * A Map's settings: literals as they are (MaxConcurrency 0 when neither it nor MaxConcurrencyPath is
 * given), and a JSONata Map's `{% %}` expressions evaluated on its input (localstack's
 * test_test_state_scenarios test_base_map_state_inspect, recorded on AWS). A setting read from a
 * path, or an expression that fails, is not reported.
 */
export async function mapSettingsOf(map: MapState, bindings: JsonataBindings | undefined): Promise<MapSettings> {
  const read = async (v: Json | undefined, field: string, evaluate: typeof evaluateJsonataInteger): Promise<number | undefined> => {
    if (typeof v === 'number') return v;
    if (!bindings || !isJsonataExpression(v)) return undefined;
    try {
      return await evaluate(v, field, bindings);
    } catch (err) {
      if (isStatesFailure(err)) return undefined;
      throw err;
    }
  };
  const out: MapSettings = {};
  const maxConcurrency = map.MaxConcurrency === undefined && map.MaxConcurrencyPath === undefined ? 0 : await read(map.MaxConcurrency, 'MaxConcurrency', evaluateJsonataInteger);
  if (maxConcurrency !== undefined) out.maxConcurrency = maxConcurrency;
  const count = await read(map.ToleratedFailureCount, 'ToleratedFailureCount', evaluateJsonataInteger);
  if (count !== undefined) out.toleratedFailureCount = count;
  const percentage = await read(map.ToleratedFailurePercentage, 'ToleratedFailurePercentage', evaluateJsonataNumber);
  if (percentage !== undefined) out.toleratedFailurePercentage = percentage;
  return out;
}
