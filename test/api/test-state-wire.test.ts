import { TestStateCommand, ValidationException } from '@aws-sdk/client-sfn';
import { recordedService, ROLE } from './recorded/recorded-service';

/**
 * TestState through the HTTP API and @aws-sdk/client-sfn, in front of the real runtime: its
 * refusals arrive as AWS sends them (localstack's test_state snapshots, recorded on AWS).
 */

// TestState's endpoint has a host prefix (sync-), which a local endpoint cannot take: recordedService's client disables it.
const { send, url } = recordedService();

const PUT_EVENTS = JSON.stringify({ Type: 'Task', Resource: 'arn:aws:states:::events:putEvents', Parameters: { 'Entries.$': '$.Entries' }, End: true });

/** The error the SDK raises and the raw answer behind it. */
async function refusal(input: ConstructorParameters<typeof TestStateCommand>[0]): Promise<{ error: unknown; raw: { status: number; body: Record<string, unknown> } }> {
  const error = await send(new TestStateCommand(input)).then(
    () => undefined,
    (e: unknown) => e,
  );
  const res = await fetch(url(), { method: 'POST', headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'AWSStepFunctions.TestState' }, body: JSON.stringify(input) });
  return { error, raw: { status: res.status, body: (await res.json()) as Record<string, unknown> } };
}

test('a mocked result that does not fit the API is a ValidationException with its reason', async () => {
  const { error, raw } = await refusal({ definition: PUT_EVENTS, roleArn: ROLE, input: '{"Entries":[]}', mock: { result: '{"Entries":"not a list"}' } });
  expect(error).toBeInstanceOf(ValidationException);
  expect((error as Error).message).toBe("Mock result schema validation error: Field 'Entries' must be an array");
  expect(raw).toEqual({ status: 400, body: { __type: 'com.amazonaws.swf.service.v2.model#ValidationException', message: "Mock result schema validation error: Field 'Entries' must be an array" } });
});

test('fieldValidationMode NONE lets the same mock through', async () => {
  const out = await send(new TestStateCommand({ definition: PUT_EVENTS, roleArn: ROLE, input: '{"Entries":[]}', mock: { result: '{"Entries":"not a list"}', fieldValidationMode: 'NONE' } }));
  expect(out).toMatchObject({ status: 'SUCCEEDED', output: '{"Entries":"not a list"}' });
});

test('a stateName not in the definition, and a Task without a role', async () => {
  const machine = JSON.stringify({ StartAt: 'State0', States: { State0: { Type: 'Pass', End: true } } });
  const missing = await refusal({ definition: machine, stateName: 'dne', input: '{}' });
  expect(missing.error).toBeInstanceOf(ValidationException);
  expect(missing.raw).toEqual({ status: 400, body: { __type: 'com.amazonaws.swf.service.v2.model#ValidationException', message: 'State not found in definition' } });
  const noRole = await refusal({ definition: JSON.stringify({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true }), input: '{"FunctionName":"f","Payload":null}' });
  expect(noRole.raw).toEqual({ status: 400, body: { __type: 'com.amazonaws.swf.service.v2.model#ValidationException', message: 'RoleArn must be specified when testing a Task state' } });
});

test("an empty stateName fails the API's length constraint", async () => {
  const res = await fetch(url(), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'AWSStepFunctions.TestState' },
    body: JSON.stringify({ definition: '{"StartAt":"S","States":{"S":{"Type":"Pass","End":true}}}', stateName: '' }),
  });
  expect(res.status).toBe(400);
  // A constraint of the API's model is refused by its request validation, under that layer's type.
  expect((await res.json()) as unknown).toMatchObject({ __type: 'com.amazon.coral.validate#ValidationException', message: expect.stringContaining("at 'stateName' failed to satisfy constraint: Member must have length greater than or equal to 1") });
});
