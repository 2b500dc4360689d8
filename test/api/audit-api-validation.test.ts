import {
  CreateActivityCommand,
  CreateStateMachineAliasCommand,
  CreateStateMachineCommand,
  DescribeStateMachineCommand,
  GetActivityTaskCommand,
  ListTagsForResourceCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StopExecutionCommand,
  TagResourceCommand,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import { failure } from './call-failure';
import { wireService } from './wire-service';

/**
 * Request validation of the Step Functions API against the API reference's operation pages (Length
 * Constraints, Required, Errors) and their prose, driven through the SDK against the real service.
 * Rules already covered by request-validation.test.ts are not repeated.
 */

const w = wireService({ start: Date.UTC(2026, 0, 1), client: { disableHostPrefix: true } });
const PASS = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
const ROLE = 'arn:aws:iam::123456789012:role/audit';
const OTHER_ROLE = 'arn:aws:iam::123456789012:role/other';
const long = (n: number, c = 'a') => c.repeat(n);
const tags = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, value: 'v' }));
const detected = (violation: string) => `1 validation error detected: ${violation}`;


let sm: string;
let express: string;
beforeAll(async () => {
  sm = (await w.client.send(new CreateStateMachineCommand({ name: 'audit-std', definition: PASS, roleArn: ROLE }))).stateMachineArn!;
  express = (await w.client.send(new CreateStateMachineCommand({ name: 'audit-express', definition: PASS, roleArn: ROLE, type: 'EXPRESS' }))).stateMachineArn!;
});

describe('names: 1 to 80 characters (API_StartExecution, API_CreateStateMachine, API_CreateActivity, API_CreateStateMachineAlias)', () => {
  test('80 characters are accepted for an execution, a state machine and an activity', async () => {
    expect((await w.client.send(new StartExecutionCommand({ stateMachineArn: sm, name: long(80) }))).executionArn).toMatch(/:execution:audit-std:a{80}$/);
    expect((await w.client.send(new CreateStateMachineCommand({ name: long(80, 'b'), definition: PASS, roleArn: ROLE }))).stateMachineArn).toMatch(/:stateMachine:b{80}$/);
    expect((await w.client.send(new CreateActivityCommand({ name: long(80, 'c') }))).activityArn).toMatch(/:activity:c{80}$/);
  });

  test.each([
    ['CreateStateMachine', () => new CreateStateMachineCommand({ name: long(81), definition: PASS, roleArn: ROLE })],
    ['CreateActivity', () => new CreateActivityCommand({ name: long(81) })],
    ['StartSyncExecution', () => new StartSyncExecutionCommand({ stateMachineArn: express, name: long(81) })],
    ['CreateStateMachineAlias', () => new CreateStateMachineAliasCommand({ name: long(81), routingConfiguration: [{ stateMachineVersionArn: `${sm}:1`, weight: 100 }] })],
  ])('%s refuses 81 characters with ValidationException', async (_op, command) => {
    expect(await failure(w.client.send(command() as never))).toEqual({
      name: 'ValidationException',
      message: detected(`Value '${long(81)}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80`),
    });
  });

  test('an empty state machine name is refused', async () => {
    expect(await failure(w.client.send(new CreateStateMachineCommand({ name: '', definition: PASS, roleArn: ROLE })))).toEqual({
      name: 'ValidationException',
      message: detected("Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1"),
    });
  });

  test.each(['a b', '[x]', 'x:y', 'a,b', 'q?', 'w*', 'tab\t'])('StartSyncExecution and CreateActivity refuse %j with InvalidName', async (name) => {
    expect(await failure(w.client.send(new StartSyncExecutionCommand({ stateMachineArn: express, name })))).toEqual({ name: 'InvalidName', message: `Invalid Name: '${name}'` });
    expect(await failure(w.client.send(new CreateActivityCommand({ name })))).toEqual({ name: 'InvalidName', message: `Invalid Name: '${name}'` });
  });

  test.each(["quote'", 'paren()', 'at@+=!', 'dash-under_dot.'])('%j is not in the forbidden list and is accepted', async (name) => {
    expect((await w.client.send(new StartExecutionCommand({ stateMachineArn: sm, name }))).executionArn).toBeDefined();
  });
});

describe('other lengths', () => {
  test.each([
    ['roleArn 257 (CreateStateMachine)', () => new CreateStateMachineCommand({ name: 'r', definition: PASS, roleArn: long(257) }), `Value '${long(257)}' at 'roleArn' failed to satisfy constraint: Member must have length less than or equal to 256`],
    ['empty roleArn (CreateStateMachine)', () => new CreateStateMachineCommand({ name: 'r', definition: PASS, roleArn: '' }), "Value '' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    ['empty definition (CreateStateMachine)', () => new CreateStateMachineCommand({ name: 'r', definition: '', roleArn: ROLE }), "Value at 'definition' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    ['roleArn 257 (UpdateStateMachine)', () => new UpdateStateMachineCommand({ stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:audit-std', roleArn: long(257) }), `Value '${long(257)}' at 'roleArn' failed to satisfy constraint: Member must have length less than or equal to 256`],
    ['versionDescription 257 (CreateStateMachine)', () => new CreateStateMachineCommand({ name: 'r', definition: PASS, roleArn: ROLE, publish: true, versionDescription: long(257) }), "Value at 'versionDescription' failed to satisfy constraint: Member must have length less than or equal to 256"],
    ['alias description 257', () => new CreateStateMachineAliasCommand({ name: 'al', description: long(257), routingConfiguration: [{ stateMachineVersionArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:audit-std:1', weight: 100 }] }), "Value at 'description' failed to satisfy constraint: Member must have length less than or equal to 256"],
    ['tag value 257', () => new TagResourceCommand({ resourceArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:audit-std', tags: [{ key: 'k', value: long(257) }] }), `Value '${long(257)}' at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256`],
    ['tag key 129 on CreateStateMachine', () => new CreateStateMachineCommand({ name: 'r', definition: PASS, roleArn: ROLE, tags: [{ key: long(129), value: 'v' }] }), `Value '${long(129)}' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128`],
    ['SendTaskFailure cause 32769', () => new SendTaskFailureCommand({ taskToken: 't', cause: long(32769) }), "Value at 'cause' failed to satisfy constraint: Member must have length less than or equal to 32768"],
    ['StopExecution error 257', () => new StopExecutionCommand({ executionArn: 'arn:aws:states:us-east-1:123456789012:execution:audit-std:x', error: long(257) }), "Value at 'error' failed to satisfy constraint: Member must have length less than or equal to 256"],
    ['traceHeader 257', () => new StartExecutionCommand({ stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:audit-std', traceHeader: long(257) }), `Value '${long(257)}' at 'traceHeader' failed to satisfy constraint: Member must have length less than or equal to 256`],
    ['empty workerName', () => new GetActivityTaskCommand({ activityArn: 'arn:aws:states:us-east-1:123456789012:activity:none', workerName: '' }), "Value '' at 'workerName' failed to satisfy constraint: Member must have length greater than or equal to 1"],
  ])('%s: ValidationException', async (_case, command, violation) => {
    expect(await failure(w.client.send(command() as never))).toEqual({ name: 'ValidationException', message: detected(violation) });
  });

  test('StopExecution takes error 256 and cause 32768: past validation the missing execution is the answer', async () => {
    const arn = 'arn:aws:states:us-east-1:123456789012:execution:audit-std:none';
    expect(await failure(w.client.send(new StopExecutionCommand({ executionArn: arn, error: long(256), cause: long(32768) })))).toEqual({ name: 'ExecutionDoesNotExist', message: `Execution Does Not Exist: '${arn}'` });
  });
});

describe('tags: 50 per resource (service quotas; API_TagResource Errors: TooManyTags)', () => {
  test('TagResource past 50 tags in all is TooManyTags; 50 are accepted', async () => {
    const { stateMachineArn } = await w.client.send(new CreateStateMachineCommand({ name: 'tagged', definition: PASS, roleArn: ROLE, tags: tags(50) }));
    expect((await w.client.send(new ListTagsForResourceCommand({ resourceArn: stateMachineArn }))).tags).toHaveLength(50);
    // Re-tagging existing keys does not add to the count.
    await w.client.send(new TagResourceCommand({ resourceArn: stateMachineArn, tags: tags(50) }));
    expect((await failure(w.client.send(new TagResourceCommand({ resourceArn: stateMachineArn, tags: [{ key: 'one-more', value: 'v' }] })))).name).toBe('TooManyTags');
  });
});

describe('CreateActivity idempotency (API_CreateActivity: "If a following request has different tags values, Step Functions will ignore these differences")', () => {
  test('a repeat with other tags returns the same activity and leaves its tags', async () => {
    const a = await w.client.send(new CreateActivityCommand({ name: 'idem-act', tags: [{ key: 'a', value: '1' }] }));
    const b = await w.client.send(new CreateActivityCommand({ name: 'idem-act', tags: [{ key: 'b', value: '2' }] }));
    expect(b.activityArn).toBe(a.activityArn);
    expect((await w.client.send(new ListTagsForResourceCommand({ resourceArn: a.activityArn }))).tags).toEqual([{ key: 'a', value: '1' }]);
  });
});

describe('versionDescription only with publish (API_CreateStateMachine / API_UpdateStateMachine)', () => {
  test('CreateStateMachine: versionDescription without publish is ValidationException', async () => {
    expect((await failure(w.client.send(new CreateStateMachineCommand({ name: 'vd', definition: PASS, roleArn: ROLE, versionDescription: 'x' })))).name).toBe('ValidationException');
  });
  test('UpdateStateMachine: versionDescription with publish false is ValidationException', async () => {
    expect((await failure(w.client.send(new UpdateStateMachineCommand({ stateMachineArn: sm, definition: PASS, publish: false, versionDescription: 'x' })))).name).toBe('ValidationException');
  });
  test('UpdateStateMachine with nothing to update is MissingRequiredParameter', async () => {
    expect((await failure(w.client.send(new UpdateStateMachineCommand({ stateMachineArn: sm })))).name).toBe('MissingRequiredParameter');
  });
});

describe('operation and type (API_StartSyncExecution, API_SendTask*)', () => {
  test('StartSyncExecution of a STANDARD machine is StateMachineTypeNotSupported', async () => {
    expect((await failure(w.client.send(new StartSyncExecutionCommand({ stateMachineArn: sm })))).name).toBe('StateMachineTypeNotSupported');
  });
  test.each([
    ['SendTaskSuccess', () => new SendTaskSuccessCommand({ taskToken: 'not-a-token', output: '{}' })],
    ['SendTaskFailure', () => new SendTaskFailureCommand({ taskToken: 'not-a-token' })],
    ['SendTaskHeartbeat', () => new SendTaskHeartbeatCommand({ taskToken: 'not-a-token' })],
  ])('%s with a token Step Functions never issued is InvalidToken', async (_op, command) => {
    expect((await failure(w.client.send(command() as never))).name).toBe('InvalidToken');
  });
});

// https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html :
// "If a following request has a different roleArn or tags, Step Functions will ignore these differences and treat
// it as an idempotent request of the previous. In this case, roleArn and tags will not be updated, even if they are different."
// (also measured on AWS per ministackorg/ministack#1510)
test('CreateStateMachine repeated with another roleArn and other tags is idempotent and changes neither', async () => {
  const a = await w.client.send(new CreateStateMachineCommand({ name: 'idem', definition: PASS, roleArn: ROLE, tags: [{ key: 'a', value: '1' }] }));
  const b = await w.client.send(new CreateStateMachineCommand({ name: 'idem', definition: PASS, roleArn: OTHER_ROLE, tags: [{ key: 'b', value: '2' }] }));
  expect(b.stateMachineArn).toBe(a.stateMachineArn);
  expect((await w.client.send(new DescribeStateMachineCommand({ stateMachineArn: a.stateMachineArn }))).roleArn).toBe(ROLE);
  expect((await w.client.send(new ListTagsForResourceCommand({ resourceArn: a.stateMachineArn }))).tags).toEqual([{ key: 'a', value: '1' }]);
});

// API_CreateStateMachine and API_CreateActivity Errors: "TooManyTags: You've exceeded the number of tags allowed for a
// resource. See the Limits Topic"; the quota is 50 tags per resource (sagaflow enforces it in TagResource only).
test('CreateStateMachine with 51 tags is TooManyTags', async () => {
  expect((await failure(w.client.send(new CreateStateMachineCommand({ name: 't51', definition: PASS, roleArn: ROLE, tags: tags(51) })))).name).toBe('TooManyTags');
});
test('CreateActivity with 51 tags is TooManyTags', async () => {
  expect((await failure(w.client.send(new CreateActivityCommand({ name: 'a51', tags: tags(51) })))).name).toBe('TooManyTags');
});

// AWS's answer, quoted in aws/amazon-sagemaker-examples#2432 and #2430 (notebooks run on AWS in CI):
// "InvalidArn: An error occurred (InvalidArn) when calling the CreateStateMachine operation: Invalid Role Arn: '<execution-role-arn>'"
test('CreateStateMachine with a roleArn that is not an ARN is InvalidArn "Invalid Role Arn: ..."', async () => {
  expect(await failure(w.client.send(new CreateStateMachineCommand({ name: 'bad-role', definition: PASS, roleArn: '<execution-role-arn>' })))).toEqual({
    name: 'InvalidArn',
    message: "Invalid Role Arn: '<execution-role-arn>'",
  });
});
// API_UpdateStateMachine lists InvalidArn; the message is assumed to be CreateStateMachine's (not recorded).
test('UpdateStateMachine with a roleArn that is not an ARN is InvalidArn', async () => {
  const { stateMachineArn } = await w.client.send(new CreateStateMachineCommand({ name: 'upd', definition: PASS, roleArn: ROLE }));
  expect((await failure(w.client.send(new UpdateStateMachineCommand({ stateMachineArn, roleArn: 'notarn' })))).name).toBe('InvalidArn');
});

// Weaker: API_TagResource / API_Tag say "Tags may only contain Unicode letters, digits, white space, or these symbols:
// _ . : / = + - @." but document no error for it (Errors: InvalidArn, ResourceNotFound, TooManyTags) and no Pattern.
