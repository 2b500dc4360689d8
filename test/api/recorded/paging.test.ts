import {
  DeleteStateMachineVersionCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { recordedService } from './recorded-service';

// Paging through state machines and executions, and starting an execution twice: answers
// recorded on AWS (test_sfn_api.snapshot.json), through the SDK against the real runtime.

const { send, create, failure, finished, advance } = recordedService();

describe('ListStateMachines pages (test_sfn_api test_list_sms_pagination)', () => {
  test('pages of at most maxResults, ordered by name as text across pages; maxResults 0 is the default of 100', async () => {
    const names = Array.from({ length: 13 }, (_, i) => `statemachine_${i}_page`);
    for (const name of names) await create(name);
    const listed: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await send(new ListStateMachinesCommand({ maxResults: 5, ...(nextToken ? { nextToken } : {}) }));
      expect(page.stateMachines!.length).toBeGreaterThan(0);
      expect(page.stateMachines!.length).toBeLessThanOrEqual(5);
      listed.push(...page.stateMachines!.map((s) => s.name!));
      nextToken = page.nextToken;
    } while (nextToken);
    // AWS's recorded order: 0, 10, 11, 12, 1, 2, … 9 ('0' sorts before '_').
    expect(listed.filter((n) => names.includes(n))).toEqual([0, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `statemachine_${i}_page`));
    const all = await send(new ListStateMachinesCommand({ maxResults: 0 }));
    expect(all.stateMachines!.filter((s) => names.includes(s.name!))).toHaveLength(13);
    expect(all.nextToken).toBeUndefined();
  });
});

describe('ListExecutions pages (test_sfn_api test_list_executions_pagination, test_list_executions_versions_pagination)', () => {
  async function thirteen(stateMachineArn: string): Promise<string[]> {
    const arns: string[] = [];
    for (let i = 0; i < 13; i++) {
      const { executionArn } = await send(new StartExecutionCommand({ stateMachineArn, input: '{}' }));
      await finished(executionArn!);
      arns.push(executionArn!);
      await advance(1000);
    }
    return arns.reverse();
  }

  test('10 newest first with a nextToken, then the 3 left with none; maxResults 0 lists all 13 without a token', async () => {
    const { stateMachineArn } = await create('paged-executions');
    const newestFirst = await thirteen(stateMachineArn!);
    const page1 = await send(new ListExecutionsCommand({ stateMachineArn, maxResults: 10 }));
    expect(page1.executions!.map((e) => e.executionArn)).toEqual(newestFirst.slice(0, 10));
    expect(page1.nextToken).toEqual(expect.any(String));
    const page2 = await send(new ListExecutionsCommand({ stateMachineArn, maxResults: 3, nextToken: page1.nextToken }));
    expect(page2.executions!.map((e) => e.executionArn)).toEqual(newestFirst.slice(10));
    expect(page2.nextToken).toBeUndefined();
    const all = await send(new ListExecutionsCommand({ stateMachineArn, maxResults: 0 }));
    expect(all.executions).toHaveLength(13);
    expect(all.nextToken).toBeUndefined();
  });

  test('listed by a version ARN: each names the state machine and the version; the version can then be deleted', async () => {
    const created = await create('paged-version', undefined, { publish: true });
    const versionArn = created.stateMachineVersionArn!;
    const newestFirst = await thirteen(versionArn);
    const page1 = await send(new ListExecutionsCommand({ stateMachineArn: versionArn, maxResults: 10 }));
    expect(page1.executions!.map((e) => e.executionArn)).toEqual(newestFirst.slice(0, 10));
    expect(Object.keys(page1.executions![0]!).sort()).toEqual(['executionArn', 'name', 'redriveCount', 'startDate', 'stateMachineArn', 'stateMachineVersionArn', 'status', 'stopDate']);
    expect(page1.executions![0]).toMatchObject({ stateMachineArn: created.stateMachineArn, stateMachineVersionArn: versionArn, status: 'SUCCEEDED', redriveCount: 0 });
    const page2 = await send(new ListExecutionsCommand({ stateMachineArn: versionArn, maxResults: 3, nextToken: page1.nextToken }));
    expect(page2.executions!.map((e) => e.executionArn)).toEqual(newestFirst.slice(10));
    expect(page2.nextToken).toBeUndefined();
    expect(await failure(send(new ListExecutionsCommand({ stateMachineArn: versionArn, maxResults: 1001 })))).toEqual({
      name: 'ValidationException',
      message: "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
    });
    expect((await send(new ListExecutionsCommand({ stateMachineArn: versionArn, maxResults: 0 }))).executions).toHaveLength(13);
    await expect(send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: versionArn }))).resolves.toBeDefined();
  });
});

describe('starting an execution twice (test_sfn_api test_start_execution_idempotent)', () => {
  test('the same name and input while it runs returns it again; a different input is ExecutionAlreadyExists', async () => {
    const wait = JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, End: true } } });
    const { stateMachineArn } = await create('idempotent-start', wait);
    const input = JSON.stringify({ Message: 'test_message_txt' });
    const first = await send(new StartExecutionCommand({ stateMachineArn, input, name: 'once' }));
    const again = await send(new StartExecutionCommand({ stateMachineArn, input, name: 'once' }));
    expect(again.executionArn).toBe(first.executionArn);
    expect(again.startDate).toEqual(first.startDate);
    expect(await failure(send(new StartExecutionCommand({ stateMachineArn, input: '{"body" : "different-data"}', name: 'once' })))).toEqual({
      name: 'ExecutionAlreadyExists',
      message: `Execution Already Exists: '${first.executionArn}'`,
    });
    await send(new StopExecutionCommand({ executionArn: first.executionArn }));
  });
});
