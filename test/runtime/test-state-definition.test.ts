import { fileFixture, ROLE } from './service-fixture';

/**
 * TestState's `definition` and `stateName`: a definition that is no JSON object, a state machine
 * that is not valid, and a stateName without a state machine are refused, never crash.
 */

const f = fileFixture();

const T = (o: unknown) => JSON.stringify(o);
const NOT_AN_OBJECT = "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Definition must be a valid JSON object at null'";

test.each(['null', '[]', '3', '"Pass"'])('definition %s, JSON but no object: InvalidDefinition, as CreateStateMachine answers it', async (definition) => {
  await expect(f.ops.TestState({ definition, input: '{}' })).rejects.toMatchObject({ code: 'InvalidDefinition', message: NOT_AN_OBJECT });
  await expect(f.ops.CreateStateMachine({ name: 'not-an-object', definition, roleArn: ROLE })).rejects.toMatchObject({ code: 'InvalidDefinition', message: NOT_AN_OBJECT });
});

test('a state machine is validated before its state runs: a state without a Type, a Next to nowhere', async () => {
  const noType = T({ StartAt: 'A', States: { A: { End: true } } });
  await expect(f.ops.TestState({ definition: noType, stateName: 'A', input: '{}' })).rejects.toMatchObject({
    code: 'InvalidDefinition',
    message: "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [Type] at /States/A'",
  });
  const nowhere = T({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Z' } } });
  await expect(f.ops.TestState({ definition: nowhere, input: '{}' })).rejects.toMatchObject({
    code: 'InvalidDefinition',
    message: expect.stringContaining("MISSING_TRANSITION_TARGET: Missing 'Next' target: Z at /States/A/Next"),
  });
});

test("test_state_name_invalid_state_definition: a named state of an invalid machine is refused in AWS's words (localstack's test_test_state_machine_scenarios, recorded on AWS)", async () => {
  const definition = T({ Comment: 'Base state machine with a state that is not a valid state definition.', StartAt: 'ExistingButInvalidState', States: { ExistingButInvalidState: { Type: 'TypeThatDoesNotExist', End: true } } });
  await expect(f.ops.TestState({ stateName: 'ExistingButInvalidState', definition, input: '{"Value": "HelloWorld"}', inspectionLevel: 'INFO' })).rejects.toMatchObject({
    code: 'InvalidDefinition',
    message: "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map] at /States/ExistingButInvalidState/Type'",
  });
});

test('a valid state machine still runs the state stateName names', async () => {
  const machine = T({ StartAt: 'A', States: { A: { Type: 'Pass', Result: 1, Next: 'B' }, B: { Type: 'Pass', Result: 2, End: true } } });
  expect(await f.ops.TestState({ definition: machine, stateName: 'B', input: '{}' })).toEqual({ status: 'SUCCEEDED', output: '2' });
});

test('a stateName with a lone state is refused: stateName needs a fully-formed state machine definition', async () => {
  const pass = T({ Type: 'Pass', End: true });
  await expect(f.ops.TestState({ definition: pass, stateName: 'StateName', input: '{}' })).rejects.toMatchObject({ code: 'ValidationException' });
  expect(await f.ops.TestState({ definition: pass, input: '{}' })).toEqual({ status: 'SUCCEEDED', output: '{}' });
});

describe('a lone state is checked as its fields are inside a state machine', () => {
  const role = 'arn:aws:iam::123456789012:role/r';
  const run = (state: object) => f.ops.TestState({ definition: JSON.stringify(state), roleArn: role, input: '{}' });

  test('a Task without Resource and a Choice without Choices are InvalidDefinition, not a crash', async () => {
    await expect(run({ Type: 'Task', End: true })).rejects.toMatchObject({ code: 'InvalidDefinition', message: "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [Resource] at /'" });
    await expect(run({ Type: 'Choice' })).rejects.toMatchObject({ code: 'InvalidDefinition', message: "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [Choices] at /'" });
  });

  test('what only a whole machine needs is not asked: a Next to a state not there, neither Next nor End', async () => {
    await expect(run({ Type: 'Pass', Next: 'Elsewhere' })).resolves.toMatchObject({ status: 'SUCCEEDED', nextState: 'Elsewhere' });
    await expect(run({ Type: 'Wait', Seconds: 0 })).resolves.toMatchObject({ status: 'SUCCEEDED' });
    await expect(run({ Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: false, Next: 'X' }] })).resolves.toMatchObject({ status: 'SUCCEEDED', nextState: 'X' });
  });
});
