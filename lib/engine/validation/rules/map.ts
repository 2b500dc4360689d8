import type { JsonObject } from '../../../asl';
import { isObject, type StateRule } from '../context';
import type { DiagnosticSink } from '../diagnostic';
import { checkEnum, checkNumeric, checkString } from '../field-checks';
import { isReferencePath } from '../json-path-syntax';
import { Messages } from '../messages';
import { isJsonataExpression } from '../../jsonata/is-jsonata-expression';

/** Fields that only a Distributed Map reads. */
// Tolerated failures are not among them: AWS ran inline Maps with ToleratedFailureCount and
// ToleratedFailurePercentage (localstack's test_base_map[TOLERATED_FAILURE_*] snapshots, recorded
// without Map Run events).
const DISTRIBUTED_ONLY = ['ItemReader', 'ItemBatcher', 'ResultWriter', 'Label'];
const PROCESSOR_CONFIG_FIELDS = new Set(['Mode', 'ExecutionType']);
const ITEM_READER_RESOURCE = /^arn:[^:]+:states:::s3:(getObject|listObjectsV2)$/;
/** @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html (Label: 40 characters) */
const MAX_LABEL_LENGTH = 40;
/**
 * The characters that page forbids in a Label: whitespace, brackets, wildcards and punctuation, and
 * control characters (a Label names the Map Run's ARN, where they cannot stand), and surrogates,
 * so nothing beyond the Basic Multilingual Plane.
 */
const LABEL_FORBIDDEN = /[\s<>{}\[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]|[\ud800-\udfff]/;

/** @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html */
const INPUT_TYPES = ['MANIFEST', 'JSON', 'CSV', 'JSONL', 'PARQUET'];
const MAX_ITEMS = 100_000_000;

/**
 * A Map number field and its `...Path` twin (floci-io/floci#3733, measured): not both; the literal
 * within bounds; the path a reference path that does not read the context object ("Value is not a
 * Reference Path"); in a JSONata state the path is JSONPath-only.
 */
function checkNumberPair(
  holder: JsonObject,
  field: string,
  at: string,
  bounds: { min: number; max?: number; integer: boolean },
  jsonata: boolean,
  sink: DiagnosticSink,
): void {
  const pathField = `${field}Path`;
  if (field in holder && pathField in holder) sink.schema(Messages.onlyOne([field, pathField]), at);
  checkNumeric(holder[field], `${at}/${field}`, bounds, jsonata, sink);
  const path = holder[pathField];
  if (path === undefined) return;
  if (jsonata) {
    sink.schema(Messages.otherLanguage('JSONata', pathField), at);
    return;
  }
  if (typeof path !== 'string' || !isReferencePath(path) || path.startsWith('$$')) sink.schema(Messages.invalidReferencePath(pathField), `${at}/${pathField}`);
}

/** ItemReader.ReaderConfig and ItemBatcher of a Distributed Map. */
function checkReaderAndBatcher(state: JsonObject, location: string, jsonata: boolean, sink: DiagnosticSink): void {
  const reader = state.ItemReader;
  if (isObject(reader) && isObject(reader.ReaderConfig)) {
    const at = `${location}/ItemReader/ReaderConfig`;
    checkEnum(reader.ReaderConfig.InputType, `${at}/InputType`, INPUT_TYPES, sink);
    checkNumberPair(reader.ReaderConfig, 'MaxItems', at, { min: 0, max: MAX_ITEMS, integer: true }, jsonata, sink);
  }
  const batcher = state.ItemBatcher;
  if (isObject(batcher)) {
    const at = `${location}/ItemBatcher`;
    checkNumberPair(batcher, 'MaxItemsPerBatch', at, { min: 0, integer: true }, jsonata, sink);
    checkNumberPair(batcher, 'MaxInputBytesPerBatch', at, { min: 0, integer: true }, jsonata, sink);
  }
}

function processorOf(state: JsonObject): { field: string; processor: JsonObject } | undefined {
  const field = 'ItemProcessor' in state ? 'ItemProcessor' : 'Iterator';
  const processor = state[field];
  return isObject(processor) ? { field, processor } : undefined;
}

function checkProcessorConfig(config: unknown, at: string, express: boolean, sink: DiagnosticSink): void {
  if (config === undefined) return;
  if (!isObject(config)) {
    sink.schema(Messages.expectedType('OBJECT'), at);
    return;
  }
  for (const field of Object.keys(config)) if (!PROCESSOR_CONFIG_FIELDS.has(field)) sink.schema(Messages.notSupported(field), at);
  checkEnum(config.Mode, `${at}/Mode`, ['INLINE', 'DISTRIBUTED'], sink);
  if (config.Mode === 'DISTRIBUTED') {
    if (!('ExecutionType' in config)) sink.schema(Messages.required(['ExecutionType']), at);
    checkEnum(config.ExecutionType, `${at}/ExecutionType`, ['STANDARD', 'EXPRESS'], sink);
    if (express) sink.schema(Messages.expressDistributed, `${at}/Mode`);
  } else if ('ExecutionType' in config) {
    sink.schema(Messages.notSupported('ExecutionType'), at);
  }
}

/**
 * Map: one of ItemProcessor / Iterator; ProcessorConfig (Mode, ExecutionType only in DISTRIBUTED
 * mode, never DISTRIBUTED in an EXPRESS machine); distributed-only fields refused inline;
 * MaxConcurrency >= 0, ToleratedFailurePercentage 0..100, ToleratedFailureCount >= 0, Label short.
 */
export const mapFields: StateRule = ({ state, location, queryLanguage, options, sink }) => {
  if (!('ItemProcessor' in state) && !('Iterator' in state)) sink.schema(Messages.exactlyOne(['ItemProcessor', 'Iterator']), location);
  const found = processorOf(state);
  if (('ItemProcessor' in state || 'Iterator' in state) && !found) {
    sink.schema(Messages.expectedType('OBJECT'), `${location}/${'ItemProcessor' in state ? 'ItemProcessor' : 'Iterator'}`);
  }
  const configAt = found ? `${location}/${found.field}/ProcessorConfig` : '';
  if (found) checkProcessorConfig(found.processor.ProcessorConfig, configAt, options.type === 'EXPRESS', sink);
  const config = found?.processor.ProcessorConfig;
  const distributed = isObject(config) && config.Mode === 'DISTRIBUTED';
  if (!distributed) for (const field of DISTRIBUTED_ONLY) if (field in state) sink.schema(Messages.notSupported(field), location);
  const jsonata = queryLanguage === 'JSONata';
  // "The Map state Items field will accept a JSON array, a JSON object, or a JSONata expression" (transforming-data page).
  if (jsonata && 'Items' in state && !Array.isArray(state.Items) && !isObject(state.Items) && !isJsonataExpression(state.Items)) {
    sink.schema(Messages.expectedType('ARRAY'), `${location}/Items`);
  }
  checkNumeric(state.MaxConcurrency, `${location}/MaxConcurrency`, { min: 0, integer: true }, jsonata, sink);
  checkNumeric(state.ToleratedFailurePercentage, `${location}/ToleratedFailurePercentage`, { min: 0, max: 100, integer: false }, jsonata, sink);
  checkNumeric(state.ToleratedFailureCount, `${location}/ToleratedFailureCount`, { min: 0, integer: true }, jsonata, sink);
  // The state's own ...Path fields: exclusivity and language are reported by the common rules.
  for (const pathField of ['MaxConcurrencyPath', 'ToleratedFailureCountPath', 'ToleratedFailurePercentagePath']) {
    const path = state[pathField];
    if (!jsonata && typeof path === 'string' && path.startsWith('$$')) sink.schema(Messages.invalidReferencePath(pathField), `${location}/${pathField}`);
  }
  if (distributed) checkReaderAndBatcher(state, location, jsonata, sink);
  if (checkString(state.Label, `${location}/Label`, sink)) {
    const label = state.Label as string;
    const forbidden = LABEL_FORBIDDEN.exec(label);
    if (label.length > MAX_LABEL_LENGTH) sink.schema(`The field 'Label' must be no longer than ${MAX_LABEL_LENGTH} characters`, `${location}/Label`);
    else if (forbidden) sink.schema(`The field 'Label' contains a character that is not allowed: '${forbidden[0]}'`, `${location}/Label`);
  }
  if (distributed && isObject(state.ItemReader)) {
    const resource = state.ItemReader.Resource;
    if (typeof resource === 'string' && !ITEM_READER_RESOURCE.test(resource)) {
      sink.schema(
        "The field 'Resource' does not match any of the allowed values. Examples: [arn:<partition>:states:::s3:getObject, arn:<partition>:states:::s3:listObjectsV2]",
        `${location}/ItemReader/Resource`,
      );
    }
  }
};
