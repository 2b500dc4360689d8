import {
  ValidateStateMachineDefinitionCommand,
} from '@aws-sdk/client-sfn';
import { PASS, recordedService } from './recorded-service';

// ValidateStateMachineDefinition: answers recorded on AWS, through the SDK against the real runtime.

const { send } = recordedService();

describe('ValidateStateMachineDefinition (test_sfn_api_validation.snapshot.json)', () => {
  const validate = (definition: string, type?: 'STANDARD' | 'EXPRESS') => send(new ValidateStateMachineDefinitionCommand({ definition, ...(type ? { type } : {}) }));

  test('text that is not JSON: INVALID_JSON_DESCRIPTION located as Jackson locates it', async () => {
    const r = await validate('not a definition');
    expect(r).toMatchObject({ result: 'FAIL', truncated: false });
    expect(r.diagnostics).toEqual([
      {
        code: 'INVALID_JSON_DESCRIPTION',
        location: '[Source: (String)"not a definition"; line: 1, column: 4]',
        message: "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)\"not a definition\"; line: 1, column: 4]",
        severity: 'ERROR',
      },
    ]);
  });

  test('JSON that is not an object: "Definition must be a valid JSON object", without a location', async () => {
    expect((await validate('""')).diagnostics).toEqual([{ code: 'SCHEMA_VALIDATION_FAILED', message: 'Definition must be a valid JSON object', severity: 'ERROR' }]);
    // The recorded case: a definition of one space.
    expect(await validate(' ')).toMatchObject({ result: 'FAIL', diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', message: 'Definition must be a valid JSON object', severity: 'ERROR' }] });
  });

  test('{}: both top-level fields required in one diagnostic; a valid definition is OK with no diagnostics', async () => {
    expect((await validate('{}')).diagnostics).toEqual([{ code: 'SCHEMA_VALIDATION_FAILED', location: '/', message: 'These fields are required: [States, StartAt]', severity: 'ERROR' }]);
    expect(await validate(PASS, 'EXPRESS')).toMatchObject({ result: 'OK', diagnostics: [], truncated: false });
  });

  test('a definition without StartAt, for either type: StartAt required at /; a valid one is OK for STANDARD too (test_validate_state_machine_definition_type_*)', async () => {
    const noStartAt = JSON.stringify({ Comment: 'BASE_PASS_RESULT', States: { State_1: { Type: 'Pass', Result: { Arg1: 'argument1' }, End: true } } });
    for (const type of ['STANDARD', 'EXPRESS'] as const) {
      expect(await validate(noStartAt, type)).toMatchObject({
        result: 'FAIL',
        truncated: false,
        diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', location: '/', message: 'These fields are required: [StartAt]', severity: 'ERROR' }],
      });
    }
    expect(await validate(PASS, 'STANDARD')).toMatchObject({ result: 'OK', diagnostics: [], truncated: false });
  });

  test('an EXPRESS machine cannot wait for a task token', async () => {
    const wftt = JSON.stringify({ StartAt: 'SendMessageWithWait', States: { SendMessageWithWait: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { QueueUrl: 'q', MessageBody: { 'TaskToken.$': '$$.Task.Token' } }, End: true } } });
    expect((await validate(wftt, 'EXPRESS')).diagnostics).toEqual([
      { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/SendMessageWithWait/Resource', message: "Express state machine does not support '.waitForTaskToken' service integration ", severity: 'ERROR' },
    ]);
  });
});
