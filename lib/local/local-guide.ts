import type { RunningLocalApp } from './start-local-app';

/**
 * The copy-paste guide `npm start` prints: where things listen, the state machines, and one AWS
 * CLI command per step of each reference pattern. Commands name real ARNs and tables of this run.
 */

interface GuideTarget {
  url: string;
  dynamodbEndpoint: string;
  region: string;
  stateMachines: RunningLocalApp['stateMachines'];
  tables: RunningLocalApp['app']['tables'];
  functions: RunningLocalApp['app']['functions'];
}

const q = (json: unknown) => `'${JSON.stringify(json)}'`;

function find<T extends { logicalId: string }>(items: T[], pattern: RegExp): T | undefined {
  return items.find((i) => pattern.test(i.logicalId));
}

function hashKey(table: GuideTarget['tables'][number]): string {
  return table.keySchema.find((k) => k.KeyType === 'HASH')?.AttributeName ?? 'id';
}

export function localGuide(t: GuideTarget): string {
  const sfn = `aws stepfunctions --endpoint-url ${t.url}`;
  const ddb = `aws dynamodb --endpoint-url ${t.dynamodbEndpoint}`;
  const out: string[] = [];
  const section = (title: string, lines: string[]) => out.push('', `# ${title}`, ...lines);

  out.push(
    `Step Functions API  ${t.url}`,
    `DynamoDB            ${t.dynamodbEndpoint}`,
    '',
    'State machines:',
    ...t.stateMachines.map((sm) => `  ${sm.arn}  (${sm.action})`),
  );
  section('The AWS CLI needs a region and any credentials', [
    `export AWS_DEFAULT_REGION=${t.region} AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local`,
  ]);

  const order = find(t.stateMachines, /OrderSaga/i);
  const inventory = find(t.tables, /Inventory/i);
  if (order) {
    const input = { orderId: 'order-1', customerId: 'customer-1', items: [{ sku: 'SKU-1', quantity: 2, price: 1999 }], cardNumber: '4242424242424242' };
    section('Order saga', [
      ...(inventory
        ? [`${ddb} put-item --table-name ${inventory.name} --item ${q({ [hashKey(inventory)]: { S: 'SKU-1' }, stock: { N: '10' } })}`]
        : []),
      `${sfn} start-execution --state-machine-arn ${order.arn} --name order-1 --input ${q(input)}`,
      '# the payment is declined with the test card, so the saga compensates:',
      `${sfn} start-execution --state-machine-arn ${order.arn} --name order-2 --input ${q({ ...input, orderId: 'order-2', cardNumber: '4000000000000002' })}`,
      `npx sagaflow history ${order.arn.replace(':stateMachine:', ':execution:')}:order-2`,
    ]);
  }

  const fanOut = find(t.stateMachines, /FanOut/i);
  if (fanOut) {
    const items = Array.from({ length: 5 }, (_, i) => ({ id: `item-${i + 1}`, value: i + 1 }));
    section('Fan-out / fan-in', [
      `${sfn} start-execution --state-machine-arn ${fanOut.arn} --name fanout-1 --input ${q({ items })}`,
      `${sfn} describe-execution --execution-arn ${fanOut.arn.replace(':stateMachine:', ':execution:')}:fanout-1 --query output`,
    ]);
  }

  const approval = find(t.stateMachines, /Approval/i);
  const approvals = find(t.tables, /Approval/i);
  const approve = t.functions.find((f) => /Approve(?!.*Request)/i.test(f.logicalId) && !/Send|Timeout/i.test(f.logicalId));
  if (approval) {
    section('Human approval', [
      `${sfn} start-execution --state-machine-arn ${approval.arn} --name approval-1 --input ${q({ requestId: 'req-1', requester: 'alice', description: 'Raise the limit' })}`,
      ...(approvals ? ['# pending approvals, with their task tokens:', `${ddb} scan --table-name ${approvals.name}`] : []),
      '# approve with the raw token:',
      `${sfn} send-task-success --task-token <taskToken> --task-output ${q({ approved: true, approver: 'bob' })}`,
      ...(approve
        ? ['# or by request id, with the approve helper:', `npx sagaflow invoke ${approve.functionName} --payload ${q({ requestId: 'req-1', decision: 'reject', reason: 'over budget' })}`]
        : []),
    ]);
  }

  const monitor = find(t.stateMachines, /Monitor/i);
  if (monitor) {
    section('Monitor (check, alert, wait, continue as new)', [
      `${sfn} start-execution --state-machine-arn ${monitor.arn} --name monitor-1 --input ${q({ url: 'http://127.0.0.1:9/health', intervalSeconds: 300 })}`,
      `npx sagaflow executions --state-machine ${monitor.arn}`,
    ]);
  }

  section('Every day', [
    'npx sagaflow executions            # list executions',
    'npx sagaflow history <executionArn> # a readable timeline',
    '',
    'Ctrl-C stops everything; data stays in .sagaflow/ for the next start.',
  ]);
  return out.join('\n');
}
