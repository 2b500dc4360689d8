import { diagnose, machine, schemaError } from './helpers';

/**
 * A Distributed Map's number fields and their `...Path` twins, as AWS refuses them
 * (floci-io/floci#3733, measured in us-east-1): texts are AWS's, locations follow the other rules.
 */
const distributed = { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
const map = (fields: object, extra: Record<string, unknown> = {}) => machine({ M: { Type: 'Map', ItemProcessor: distributed, End: true, ...fields } }, extra);
const reader = (config: object) => ({ ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON', ...config }, Parameters: { Bucket: 'b', Key: 'k' } } });

describe('Map number fields', () => {
  it('shows ToleratedFailurePercentage bounds as decimals', () => {
    expect(diagnose(map({ ToleratedFailurePercentage: -1 }))).toEqual([schemaError('Minimum value is 0.0', '/States/M/ToleratedFailurePercentage')]);
    expect(diagnose(map({ ToleratedFailurePercentage: 100.5 }))).toEqual([schemaError('Maximum value is 100.0', '/States/M/ToleratedFailurePercentage')]);
    expect(diagnose(map({ ToleratedFailurePercentage: 12.5 }))).toEqual([]);
  });

  it('bounds ReaderConfig.MaxItems at 100000000', () => {
    expect(diagnose(map(reader({ MaxItems: 100_000_001 })))).toEqual([schemaError('Maximum value is 100000000', '/States/M/ItemReader/ReaderConfig/MaxItems')]);
    expect(diagnose(map(reader({ MaxItems: -1 })))).toEqual([schemaError('Minimum value is 0', '/States/M/ItemReader/ReaderConfig/MaxItems')]);
    expect(diagnose(map(reader({ MaxItems: 100_000_000 })))).toEqual([]);
  });

  it('refuses a literal beside its ...Path twin', () => {
    expect(diagnose(map(reader({ MaxItems: 1, MaxItemsPath: '$.n' })))).toEqual([
      schemaError('There should only be one of the following fields: [MaxItems, MaxItemsPath]', '/States/M/ItemReader/ReaderConfig'),
    ]);
    expect(diagnose(map({ ItemBatcher: { MaxItemsPerBatch: 2, MaxItemsPerBatchPath: '$.n' } }))).toEqual([
      schemaError('There should only be one of the following fields: [MaxItemsPerBatch, MaxItemsPerBatchPath]', '/States/M/ItemBatcher'),
    ]);
  });

  it('refuses negative batch sizes', () => {
    expect(diagnose(map({ ItemBatcher: { MaxInputBytesPerBatch: -1 } }))).toEqual([schemaError('Minimum value is 0', '/States/M/ItemBatcher/MaxInputBytesPerBatch')]);
  });

  it('refuses a ...Path field in a JSONata state', () => {
    expect(diagnose(map({ ItemBatcher: { MaxItemsPerBatchPath: '$.n' } }, { QueryLanguage: 'JSONata' }))).toEqual([
      schemaError("The QueryLanguage is set to 'JSONata', but field 'MaxItemsPerBatchPath' is only supported for the 'JSONPath' QueryLanguage", '/States/M/ItemBatcher'),
    ]);
  });

  it('takes variables but not the context object in a ...Path field; ItemsPath takes both', () => {
    expect(diagnose(map({ ToleratedFailureCountPath: '$$.Execution.Input.n' }))).toEqual([schemaError('Value is not a Reference Path', '/States/M/ToleratedFailureCountPath')]);
    expect(diagnose(map({ MaxConcurrencyPath: '$$.Execution.Input.n' }))).toEqual([schemaError('Value is not a Reference Path', '/States/M/MaxConcurrencyPath')]);
    expect(diagnose(map({ ItemBatcher: { MaxItemsPerBatchPath: '$$.Execution.Input.n' } }))).toEqual([schemaError('Value is not a Reference Path', '/States/M/ItemBatcher/MaxItemsPerBatchPath')]);
    expect(diagnose(map({ ToleratedFailureCountPath: '$limit', MaxConcurrencyPath: '$.n' }))).toEqual([]);
    expect(diagnose(machine({ M: { Type: 'Map', ItemsPath: '$$.Execution.Input.items', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } }))).toEqual([]);
  });

  it('checks ReaderConfig.InputType against the documented values', () => {
    expect(diagnose(map(reader({ InputType: 'XML' })))).toEqual([
      schemaError('Value should be one of the following: [MANIFEST, JSON, CSV, JSONL, PARQUET]', '/States/M/ItemReader/ReaderConfig/InputType'),
    ]);
  });
});

describe('a Map Label', () => {
  it('refuses the characters the Distributed Map page forbids, and allows the rest', () => {
    for (const bad of ['a b', 'a<b', 'a{b', 'a[b', 'a?b', 'a*b', 'a"b', 'a#b', 'a%b', 'a\\b', 'a^b', 'a|b', 'a~b', 'a`b', 'a$b', 'a&b', 'a,b', 'a;b', 'a:b', 'a/b', 'a\u0001b', 'a\u0085b', 'a\ud83d\ude00b']) {
      const found = diagnose(map({ Label: bad }));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/M/Label' });
      expect(found[0]!.message).toMatch(/^The field 'Label' contains a character that is not allowed/);
    }
    expect(diagnose(map({ Label: 'Orders-2026_v1.(batch)+=@!' }))).toEqual([]);
  });
  it('must be unique across the machine, nested Maps included', () => {
    const nested = { ...distributed, States: { Inner: { Type: 'Map', ItemProcessor: distributed, Label: 'Same', End: true } }, StartAt: 'Inner' };
    const definition = machine({ M: { Type: 'Map', ItemProcessor: nested, Label: 'Same', End: true } });
    expect(diagnose(definition)).toEqual([schemaError('Duplicate Label: Same', '/States/M/ItemProcessor/States/Inner/Label')]);
  });
});

describe('an inline Map', () => {
  const inline = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
  const inlineMap = (fields: object) => machine({ M: { Type: 'Map', ItemProcessor: inline, End: true, ...fields } });
  it('takes tolerated failures, as AWS ran them (localstack test_base_map[TOLERATED_FAILURE_*], recorded)', () => {
    expect(diagnose(inlineMap({ ToleratedFailureCount: 1, ToleratedFailurePercentage: 50 }))).toEqual([]);
    expect(diagnose(inlineMap({ ToleratedFailureCountPath: '$.n' }))).toEqual([]);
  });
  it('refuses what only a Distributed Map has', () => {
    expect(diagnose(inlineMap({ Label: 'x' }))).toEqual([schemaError("Field 'Label' is not supported", '/States/M')]);
  });
});
