import type { RunningLocalApp } from './start-local-app';

/**
 * The copy-paste guide `npm start` prints: where things listen, the state machines, and one AWS
 * CLI command per step of each reference pattern. Commands name real ARNs and tables of this run,
 * and the inputs are ones the reference app's handlers accept.
 */

interface GuideTarget {
  url: string;
  dynamodbEndpoint: string;
  region: string;
  stateMachines: RunningLocalApp['stateMachines'];
  tables: RunningLocalApp['app']['tables'];
  functions: RunningLocalApp['app']['functions'];
  /** Where executions and tables are kept; absent with --memory. */
  dataDir?: string;
}

const q = (json: unknown) => `'${JSON.stringify(json)}'`;

function find<T extends { logicalId: string }>(items: T[], pattern: RegExp): T | undefined {
  const found = items.filter((i) => pattern.test(i.logicalId));
  return found.length === 1 ? found[0] : undefined;
}

function hashKey(table: GuideTarget['tables'][number]): string {
  return table.keySchema.find((k) => k.KeyType === 'HASH')?.AttributeName ?? 'id';
}

const executionArn = (stateMachineArn: string, name: string) => `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;

/** An order the reference app accepts; `cardNumber` 4000000000000002 is the test card that is always declined. */
export function guideOrder(orderId: string, cardNumber = '4242424242424242') {
  return { orderId, customerId: 'customer-1', items: [{ sku: 'SKU-1', quantity: 2, price: 1999 }], cardNumber, address: '1 Main St' };
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
  section('The AWS CLI needs a region and any credentials; sagaflow commands need the endpoint', [
    `export AWS_DEFAULT_REGION=${t.region} AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_PAGER="" SAGAFLOW_ENDPOINT=${t.url}`,
  ]);

  const order = find(t.stateMachines, /OrderSaga/i);
  const inventory = find(t.tables, /Inventory/i);
  if (order) {
    const stock = inventory ? { TableName: inventory.name, Key: { [hashKey(inventory)]: { S: 'SKU-1' } } } : undefined;
    section('Order saga: reserve inventory → take payment → ship, compensating in reverse on failure', [
      ...(stock ? [`${ddb} put-item --table-name ${stock.TableName} --item ${q({ ...stock.Key, stock: { N: '10' } })}`] : []),
      `${sfn} start-execution --state-machine-arn ${order.arn} --name order-1 --input ${q(guideOrder('order-1'))}`,
      `${sfn} describe-execution --execution-arn ${executionArn(order.arn, 'order-1')} --query '[status, output]'`,
      ...(stock ? [`${ddb} get-item --table-name ${stock.TableName} --key ${q(stock.Key)} --consistent-read   # stock 8`] : []),
      '# the test card is declined: the saga releases the inventory and fails with PaymentDeclined',
      `${sfn} start-execution --state-machine-arn ${order.arn} --name order-2 --input ${q(guideOrder('order-2', '4000000000000002'))}`,
      `${sfn} describe-execution --execution-arn ${executionArn(order.arn, 'order-2')} --query '[status, error, cause]'`,
      `npx sagaflow history ${executionArn(order.arn, 'order-2')}`,
    ]);
  }

  const fanOut = find(t.stateMachines, /FanOut/i);
  if (fanOut) {
    const items = Array.from({ length: 5 }, (_, i) => ({ id: `item-${i + 1}`, value: i + 1 }));
    section('Fan-out / fan-in: each value doubled in parallel, then {total, count}', [
      `${sfn} start-execution --state-machine-arn ${fanOut.arn} --name fanout-1 --input ${q({ items })}`,
      `${sfn} describe-execution --execution-arn ${executionArn(fanOut.arn, 'fanout-1')} --query output   # {"total":30,"count":5}`,
    ]);
  }

  const approval = find(t.stateMachines, /Approval/i);
  const approvals = find(t.tables, /Approval/i);
  const approve = find(t.functions, /Approve/i);
  if (approval) {
    const request = (requestId: string) => ({ requestId, requester: 'alice', description: 'Raise the limit' });
    section('Human approval: wait up to 24 hours for a decision by task token', [
      `${sfn} start-execution --state-machine-arn ${approval.arn} --name approval-1 --input ${q(request('req-1'))}`,
      ...(approvals
        ? [
            '# pending approvals, with their task tokens:',
            `${ddb} scan --table-name ${approvals.name} --filter-expression '#s = :p' --expression-attribute-names '{"#s":"status"}' --expression-attribute-values '{":p":{"S":"PENDING"}}' --query 'Items[].[requestId.S, taskToken.S]' --output text`,
          ]
        : []),
      '# approve with the raw token:',
      `${sfn} send-task-success --task-token <taskToken> --task-output ${q({ approved: true, approver: 'bob' })}`,
      ...(approve
        ? [
            '# or decide by request id with the approve helper (no token needed):',
            `${sfn} start-execution --state-machine-arn ${approval.arn} --name approval-2 --input ${q(request('req-2'))}`,
            `npx sagaflow invoke Approve --payload ${q({ requestId: 'req-2', decision: 'reject', reason: 'over budget' })} --endpoint-url ${t.url} --dynamodb-endpoint ${t.dynamodbEndpoint}`,
          ]
        : []),
      `${sfn} describe-execution --execution-arn ${executionArn(approval.arn, 'approval-2')} --query output`,
    ]);
  }

  const monitor = find(t.stateMachines, /Monitor/i);
  const alerts = find(t.tables, /Alert/i);
  if (monitor) {
    section('Monitor: check every 5 minutes, alert when unhealthy, continue as new', [
      '# nothing listens on this port, so every check is unhealthy and records an alert:',
      `${sfn} start-execution --state-machine-arn ${monitor.arn} --name monitor-1 --input ${q({ url: 'http://127.0.0.1:59999/health', intervalSeconds: 300 })}`,
      ...(alerts ? [`${ddb} scan --table-name ${alerts.name} --query 'Items[].[checkedAt.S, url.S, error.S]' --output text`] : []),
      `${sfn} stop-execution --execution-arn ${executionArn(monitor.arn, 'monitor-1')}`,
    ]);
  }

  section('Every day', [
    'npx sagaflow executions               # list executions',
    'npx sagaflow history <execution>      # a readable timeline (an execution by its name or ARN)',
    'npx sagaflow tasks <execution>        # the tasks it waits on, with their tokens',
    "npx sagaflow send-task-success --execution <execution> --output '{...}'",
    'npx sagaflow advance-time 1h          # with --clock virtual: let waits and timeouts fall due',
    '',
    t.dataDir ? `Ctrl-C stops everything; data stays in ${t.dataDir} for the next start.` : 'Ctrl-C stops everything; nothing is kept (--memory).',
  ]);
  return out.join('\n');
}
