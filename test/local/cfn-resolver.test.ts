import { conditionHolds, resolve, UnresolvableError, type ResolverContext } from '../../lib/local/cfn-resolver';

const ctx: ResolverContext = {
  region: 'eu-west-1',
  accountId: '111122223333',
  stackName: 'App',
  resources: { Queue: { ref: 'https://sqs.eu-west-1.amazonaws.com/111122223333/App-Queue', attributes: { Arn: 'arn:aws:sqs:eu-west-1:111122223333:App-Queue' } } },
  template: {
    Parameters: { Stage: { Type: 'String', Default: 'dev' }, Zones: { Type: 'CommaDelimitedList', Default: 'a,b' }, Secret: { Type: 'String' } },
    Mappings: { Sizes: { dev: { memory: 128 }, prod: { memory: 1024 } } },
    Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] }, IsIreland: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] }, DevInIreland: { 'Fn::And': [{ 'Fn::Not': [{ Condition: 'IsProd' }] }, { Condition: 'IsIreland' }] } },
  },
};

test.each([
  [{ Ref: 'Stage' }, 'dev'],
  [{ Ref: 'Zones' }, ['a', 'b']],
  [{ 'Fn::FindInMap': ['Sizes', { Ref: 'Stage' }, 'memory'] }, 128],
  [{ 'Fn::If': ['IsProd', 'big', 'small'] }, 'small'],
  [{ 'Fn::If': ['DevInIreland', { 'Fn::Sub': '${AWS::StackName}-${Stage}' }, 'x'] }, 'App-dev'],
  [{ 'Fn::Or': [{ Condition: 'IsProd' }, { 'Fn::Equals': ['a', 'a'] }] }, true],
  [{ 'Fn::Base64': 'hi' }, 'aGk='],
  [{ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }, 'eu-west-1a'],
  [{ 'Fn::Join': [':', [{ 'Fn::GetAtt': ['Queue', 'Arn'] }, { Ref: 'AWS::Partition' }]] }, 'arn:aws:sqs:eu-west-1:111122223333:App-Queue:aws'],
])('%j resolves to %j', (input, expected) => {
  expect(resolve(input, ctx)).toEqual(expected);
});

test('AWS::NoValue removes the property (or list element) it stands in for', () => {
  expect(resolve({ A: 1, B: { 'Fn::If': ['IsProd', 2, { Ref: 'AWS::NoValue' }] }, C: ['x', { Ref: 'AWS::NoValue' }] }, ctx)).toEqual({ A: 1, C: ['x'] });
});

test('a resource exists where its condition holds', () => {
  expect(conditionHolds(undefined, ctx)).toBe(true);
  expect(conditionHolds('IsProd', ctx)).toBe(false);
  expect(conditionHolds('DevInIreland', ctx)).toBe(true);
});

test.each([
  [{ Ref: 'Secret' }, "parameter 'Secret' has no default to use locally"],
  [{ Condition: 'Nope' }, "unknown condition 'Nope'"],
  [{ 'Fn::FindInMap': ['Sizes', 'test', 'memory'] }, 'Fn::FindInMap found nothing at Sizes.test.memory'],
  [{ 'Fn::Select': [3, ['a']] }, 'Fn::Select index 3 is out of range for 1 items'],
  [{ 'Fn::GetAtt': ['Queue', 'QueueUrl'] }, 'Fn::GetAtt Queue.QueueUrl is not known locally'],
  [{ 'Fn::ImportValue': 'Shared' }, 'Fn::ImportValue (cross-stack references) is not supported locally'],
])('%j cannot be resolved locally, and says why', (input, message) => {
  expect(() => resolve(input, ctx)).toThrow(new UnresolvableError(message));
});
