import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '../../lib/api';
import { operationFor, servedOperationNames } from '../../lib/api/operations';
import type { Member, Shape, StructureShape } from '../../lib/api/validation/shape';
import { createLocalService } from '../../lib/runtime';
import type { LocalService } from '../../lib/runtime/local-service-contract';

/**
 * A deterministic fuzz of the HTTP API against the real runtime: every operation gets bodies
 * built from its own request shape and then mutated (missing members, wrong JSON types, huge or
 * odd strings, malformed / wrong-kind / unknown / real ARNs, odd definitions and payloads, page
 * tokens and sizes out of range). Every answer must be 200, or 400 with an AWS-named error,
 * and the service must keep answering.
 */

jest.setTimeout(60_000);

const SEED = Number(process.env.FUZZ_SEED ?? 0x5a6af10);
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 200); // rounds over every operation
const REQUEST_TIMEOUT_MS = 5000;
const ROLE = 'arn:aws:iam::123456789012:role/sagaflow';
const P = 'arn:aws:states:us-east-1:123456789012';


// ---------------------------------------------------------------- a seeded PRNG (mulberry32)
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
const rnd = prng(SEED);

// ---------------------------------------------------------------- raw JSON text
/** A value written into the body verbatim (numbers JSON.stringify cannot write, bad escapes). */
class Raw {
  constructor(readonly text: string) {}
}
function write(v: unknown): string {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return `[${v.map(write).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${write(x)}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

// ---------------------------------------------------------------- value pools
const huge = (n: number, c = 'x') => c.repeat(n);
const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const nestedObjects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

const ODD_STRINGS: unknown[] = [
  '', ' ', 'a', '\u0000', '\t\n\r', '\u202e\u200b', '😀'.repeat(30), 'é'.repeat(81), huge(81), huge(257), huge(2049), huge(70_000),
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', '../../etc/passwd', '%s%n%x', '${x}', '{% $x %}', '$.a', "'; DROP TABLE x; --",
  new Raw('"\\ud800"'), new Raw('"\\udfff\\ud800"'), new Raw('"a\\u0000b"'), '\x7f\x01\x1b[31m',
];
const WRONG_TYPES: unknown[] = [
  null, 0, -1, 1.5, 1e21, true, false, [], [1, 'a', null], {}, { a: { b: [1] } }, 'str',
  new Raw('1e400'), new Raw('-0'), new Raw('123456789012345678901234567890'), new Raw('-1e-400'), new Raw(nestedArrays(3000)),
  new Raw(nestedObjects(3000)), new Raw('{"__proto__":{"x":1}}'), new Raw('{"a":1,"a":2}'),
];
const NUMBERS: unknown[] = [0, 1, -1, 10, 100, 999, 1000, 1001, 60, 900, 59, 901, 2147483647, 2147483648, -2147483649, 9007199254740993, 1.9, -0.5, 1e20, new Raw('1e400'), new Raw('-1e400'), new Raw('0.0000001'), '10', 'x', null];
const BOOLEANS: unknown[] = [true, false, 'TRUE', 'false', 'no', 'yes', 1, 0, null, 'sometimes'];

const TYPES = ['stateMachine', 'execution', 'express', 'activity', 'mapRun'];
const MALFORMED_ARNS: string[] = [
  'arn', 'arn:', 'arn:aws', 'arn:aws:states', 'arn:aws:states:::', 'arn:aws:states:us-east-1:123456789012', 'arn:aws:states:us-east-1:123456789012:',
  'arn:aws:states:us-east-1:123456789012:stateMachine', 'arn:aws:states:us-east-1:123456789012:stateMachine:', `${P}:stateMachine::`, `${P}:stateMachine:a:b:c:d`,
  `${P}:execution:`, `${P}:execution:m`, `${P}:execution::e`, `${P}:execution:m:`, `${P}:execution:m:e:f:g`, `${P}:express:m:e:f`, `${P}:mapRun:`, `${P}:mapRun:m`,
  `${P}:mapRun:m/`, `${P}:mapRun:m/l`, `${P}:mapRun:m/l:`, `${P}:mapRun:/:`, `${P}:activity:`, `${P}:activity:a:b`, `${P}:unknown:x`, `${P}:stateMachine:m:0`,
  `${P}:stateMachine:m:-1`, `${P}:stateMachine:m:99999999999999999999`, `${P}:stateMachine:m:1.5`, `${P}:stateMachine:m:$LATEST`, `${P}:stateMachine:m/`,
  `${P}:stateMachine:m//x`, `${P}:stateMachine:m/a/b`, `${P}:stateMachine:m:1/label`, 'arn:aws:states:eu-west-1:123456789012:stateMachine:m',
  'arn:aws:states:us-east-1:000000000000:stateMachine:m', 'arn:aws-cn:states:us-east-1:123456789012:stateMachine:m', 'arn:aws:lambda:us-east-1:123456789012:function:f',
  'arn:aws:states:us-east-1:12345:stateMachine:m', 'ARN:AWS:STATES:US-EAST-1:123456789012:STATEMACHINE:M', `${P}:stateMachine:${huge(240)}`, `${P}:stateMachine:😀`,
  `${P}:stateMachine:__proto__`, `${P}:execution:__proto__:constructor`, `${P}:activity:toString`, `${P}:stateMachine:a\u0000b`, `${P}:stateMachine:a b`,
  `${P}:stateMachine:m:alias:x`, `  ${P}:stateMachine:m`, `${P}:stateMachine:m\n`, ROLE, 'arn:aws:iam::123456789012:role/', 'not an arn', ':::::::',
];
/** Valid-looking ARNs of every kind that name nothing. */
const MISSING_ARNS: string[] = [
  `${P}:stateMachine:nope`, `${P}:stateMachine:nope:3`, `${P}:stateMachine:nope:prod`, `${P}:stateMachine:nope/Label`,
  `${P}:execution:nope:e`, `${P}:express:nope:e:f`, `${P}:activity:nope`, `${P}:mapRun:nope/L:0b6b5c2a-1b1f-3c11-8f2f-2a0e0d4e9a11`,
  `${P}:execution:nope/L:0b6b5c2a-1b1f-3c11-8f2f-2a0e0d4e9a11`,
];

/** Real ARNs and tokens of resources this file created, by kind, plus page tokens seen. */
const real = {
  stateMachine: [] as string[],
  version: [] as string[],
  alias: [] as string[],
  label: [] as string[],
  execution: [] as string[],
  express: [] as string[],
  activity: [] as string[],
  mapRun: [] as string[],
  taskToken: [] as string[],
  nextToken: [] as string[],
};
const remember = (pool: string[], v: unknown) => {
  if (typeof v === 'string' && !pool.includes(v) && pool.length < 40) pool.push(v);
};

function mangle(s: string): string {
  switch (rnd.int(8)) {
    case 0: return s.slice(0, rnd.int(s.length));
    case 1: return s + rnd.pick([':', '/', ':1', ':x', '/x', '%00', 'A', ':1:2']);
    case 2: return s.toUpperCase();
    case 3: { const i = rnd.int(s.length); return s.slice(0, i) + rnd.pick(['\u0000', ':', '/', '😀', ' ', '=']) + s.slice(i + 1); }
    case 4: return s.replace(/:(stateMachine|execution|express|activity|mapRun):/, () => `:${rnd.pick(TYPES)}:`);
    case 5: return s.replace('123456789012', rnd.pick(['000000000000', '', '1234567890123']));
    case 6: return s.replace('us-east-1', rnd.pick(['', 'us-west-2', 'xx']));
    default: return s.split('').reverse().join('');
  }
}

function anyReal(): string | undefined {
  const kinds = Object.entries(real).filter(([k, v]) => k !== 'nextToken' && k !== 'taskToken' && v.length > 0);
  if (kinds.length === 0) return undefined;
  return rnd.pick(rnd.pick(kinds)[1]);
}

function arnFor(member: string): unknown {
  const preferred: Record<string, string[][]> = {
    stateMachineArn: [real.stateMachine, real.version, real.alias, real.label],
    stateMachineVersionArn: [real.version],
    stateMachineAliasArn: [real.alias],
    executionArn: [real.execution, real.express],
    activityArn: [real.activity],
    mapRunArn: [real.mapRun],
    resourceArn: [real.stateMachine, real.activity, real.version, real.alias, real.execution, real.mapRun],
  };
  const r = rnd.next();
  if (r < 0.4) {
    const pools = (preferred[member] ?? []).filter((p) => p.length > 0);
    if (pools.length > 0) return rnd.pick(rnd.pick(pools));
  }
  if (r < 0.55) return anyReal() ?? rnd.pick(MISSING_ARNS); // a real ARN, perhaps of the wrong kind
  if (r < 0.7) { const a = anyReal(); return a ? mangle(a) : rnd.pick(MALFORMED_ARNS); }
  if (r < 0.8) return rnd.pick(MISSING_ARNS);
  if (r < 0.95) return rnd.pick(MALFORMED_ARNS);
  return rnd.pick(ODD_STRINGS);
}

const PASS = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
const DEFINITIONS: unknown[] = [
  JSON.stringify(PASS), '{}', '[]', '1', 'null', '"str"', 'true', 'not json', '{"StartAt":', '', ' ', nestedObjects(5000), nestedArrays(20000),
  JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Result: nestedArrays(10), End: true } } }),
  `{"StartAt":"P","States":{"P":{"Type":"Pass","Result":${nestedArrays(500)},"End":true}}}`,
  `{"StartAt":"P","States":{"P":{"Type":"Pass","Result":${nestedArrays(5000)},"End":true}}}`,
  `{"StartAt":"P","States":{"P":{"Type":"Pass","Result":${nestedObjects(5000)},"End":true}}}`,
  JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Result: huge(900_000), End: true } } }),
  JSON.stringify({ StartAt: 'P', States: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`S${i}`, { Type: 'Pass', ...(i === 2999 ? { End: true } : { Next: `S${i + 1}` }) }])) }).replace('"StartAt":"P"', '"StartAt":"S0"'),
  JSON.stringify({ StartAt: '__proto__', States: { __proto__: { Type: 'Pass', End: true } } }).replace('"__proto__":{"Type"', '"__proto__":{"Type"'),
  '{"StartAt":"__proto__","States":{"__proto__":{"Type":"Pass","End":true}}}',
  '{"StartAt":"constructor","States":{"constructor":{"Type":"Pass","End":true}}}',
  '{"StartAt":"toString","States":{"toString":{"Type":"Succeed"}},"__proto__":{"x":1}}',
  JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Next: 'P' } } }),
  JSON.stringify({ StartAt: 'X', States: {} }),
  JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Nope', End: true } } }),
  JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: 'yes', Parameters: { 'a.$': '$$$..[[' } } } }),
  JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true, Parameters: { 'a.$': "States.Format('{}', $.x, $.y)" } } } }),
  JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true, Parameters: { 'a.$': 'States.ArrayRange(1, 100000000, 1)' } } } }),
  JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true, Parameters: { 'a.$': 'States.StringToJson($.s)' } } } }),
  JSON.stringify({ StartAt: 'P', QueryLanguage: 'JSONata', States: { P: { Type: 'Pass', Output: '{% $x( %}', End: true } } }),
  JSON.stringify({ StartAt: 'P', QueryLanguage: 'JSONata', States: { P: { Type: 'Pass', Output: '{% $states.input.a.b.c %}', End: true } } }),
  JSON.stringify({ StartAt: 'P', QueryLanguage: 'JSONata', States: { P: { Type: 'Pass', Output: '{% [1..10000000] %}', End: true } } }),
  JSON.stringify({ StartAt: 'P', QueryLanguage: 'JSONata', States: { P: { Type: 'Pass', Output: '{% $f := function($x){$f($x)}; $f(1) %}', End: true } } }),
  JSON.stringify({ StartAt: 'P', QueryLanguage: 'Nope', States: { P: { Type: 'Pass', End: true } } }),
  JSON.stringify({ StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.x', NumericEquals: 'a', Next: 'C' }], Default: 'Z' } } }),
  JSON.stringify({ StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } } }),
  JSON.stringify({ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'E', Cause: huge(40_000) } } }),
  JSON.stringify({ StartAt: 'F', States: { F: { Type: 'Fail', ErrorPath: '$.e', CausePath: '$.c' } } }),
  JSON.stringify({ StartAt: 'M', States: { M: { Type: 'Map', ItemsPath: '$.items', MaxConcurrency: -1, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } } }),
  JSON.stringify({ StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, ToleratedFailurePercentage: 200, Label: 'L:/', End: true } } }),
  JSON.stringify({ StartAt: 'M', States: { M: { Type: 'Map', Iterator: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } } }),
  JSON.stringify({ StartAt: 'Q', States: { Q: { Type: 'Parallel', Branches: [], End: true } } }),
  JSON.stringify({ StartAt: 'Q', States: { Q: { Type: 'Parallel', Branches: [PASS, { StartAt: 'X' }], End: true } } }),
  JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Assign: { 'a.$': '$', b: '{% $x %}' }, End: true } } }),
  JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Retry: [{ ErrorEquals: [], MaxAttempts: -1 }], Catch: [{}], End: true } } }),
  JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: -5, End: true } } }),
  JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Timestamp: 'not a date', End: true } } }),
  JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::nope:x', End: true } } }),
  JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'not-an-arn', TimeoutSeconds: 0, HeartbeatSeconds: 99999999999, End: true } } }),
  JSON.stringify({ StartAt: 'P', TimeoutSeconds: -1, Version: '2.0', Comment: '😀\u0000', States: { P: { Type: 'Pass', End: true } } }),
  ...ODD_STRINGS,
];

const dq = (s: string) => JSON.stringify(s);
const PAYLOADS: unknown[] = [
  '{}', '[]', '1', 'null', '"s"', 'true', '', ' ', 'not json', '{"a":', '{"a":1}{"b":2}', '{"a":NaN}', "{'a':1}", '\u0000', '{"a":"\\ud800"}',
  nestedArrays(500), nestedObjects(500), nestedArrays(10_000), nestedObjects(10_000), `{"items":${nestedArrays(3000)}}`, `{"items":[${Array.from({ length: 200 }, (_, i) => i).join(',')}]}`,
  `{"s":${dq('{"x":1}')},"x":"a","y":2,"e":"E","c":"C"}`, `{"items":[1,2,3],"s":"not json"}`, `{"items":"nope"}`, `{"items":{"a":1}}`,
  dq(huge(262142)), dq(huge(262143)), dq(huge(300_000)), dq('é'.repeat(131_070)), `{"a":${dq('😀'.repeat(65_535))}}`,
  '1e400', '-0', '123456789012345678901234567890', '{"__proto__":{"polluted":1},"constructor":{"prototype":{}}}', '{"a":1,"a":2}',
];

const TOKENS: unknown[] = [
  'AAAA', '=', 'a'.repeat(2048), 'a'.repeat(2049), 'eyJ4IjoxfQ==', 'eyJ4IjoxfQ', 'bnVsbA==', 'W10=', 'MQ==', '{"x":1}', '%%%', '😀',
  Buffer.from(JSON.stringify({ offset: -1 })).toString('base64'), Buffer.from(JSON.stringify({ offset: 1e9, key: '__proto__' })).toString('base64'),
  Buffer.from('not json').toString('base64'), Buffer.from('{"a":').toString('base64url'), Buffer.from('[1,2]').toString('base64url'),
  Buffer.from(JSON.stringify({ after: 'x', at: 'y', id: null })).toString('base64url'), '\u0000',
];

function stringFor(member: string, shape: Shape & { kind: 'string' }, path: string): unknown {
  if (/arn$/i.test(member) || member === 'logGroupArn') {
    if (member === 'roleArn' && rnd.chance(0.5)) return ROLE;
    return arnFor(member);
  }
  if (member === 'definition') return rnd.chance(0.8) ? rnd.pick(DEFINITIONS) : JSON.stringify(PASS);
  if (member === 'input' || member === 'output' || member === 'variables' || member === 'context' || member === 'stateConfiguration') return rnd.chance(0.85) ? rnd.pick(PAYLOADS) : '{}';
  if (member === 'taskToken') {
    const r = rnd.next();
    if (r < 0.4 && real.taskToken.length > 0) return rnd.pick(real.taskToken);
    if (r < 0.55 && real.taskToken.length > 0) return mangle(rnd.pick(real.taskToken));
    return rnd.chance(0.7) ? rnd.pick(TOKENS) : rnd.pick(ODD_STRINGS);
  }
  if (member === 'nextToken') {
    const r = rnd.next();
    if (r < 0.35 && real.nextToken.length > 0) return rnd.pick(real.nextToken);
    if (r < 0.5 && real.nextToken.length > 0) return mangle(rnd.pick(real.nextToken));
    return rnd.chance(0.7) ? rnd.pick(TOKENS) : rnd.pick(ODD_STRINGS);
  }
  if (shape.enum && rnd.chance(0.6)) return rnd.chance(0.85) ? rnd.pick(shape.enum) : rnd.pick([shape.enum[0]!.toLowerCase(), `${shape.enum[0]} `, '', 'NOPE']);
  if (/name$/i.test(member) && rnd.chance(0.5)) return rnd.pick(['n1', 'fuzz', `f${rnd.int(1000)}`, 'a:b', 'a/b', 'a b', '1', 'ünï', 'x'.repeat(80), 'x'.repeat(81), '$LATEST', '<>', 'a*', 'a?']);
  if (member === 'key' || member === 'value' || path.endsWith('tagKeys[]')) return rnd.chance(0.5) ? rnd.pick(['k', 'v', 'aws:x', '']) : rnd.pick(ODD_STRINGS);
  return rnd.chance(0.5) ? rnd.pick(['x', 'fuzz', '1', 'abc-DEF_1.2']) : rnd.pick(ODD_STRINGS);
}

function valueFor(member: string, shape: Shape, depth: number, path: string): unknown {
  if (rnd.chance(0.08)) return rnd.pick(WRONG_TYPES);
  switch (shape.kind) {
    case 'string': return stringFor(member, shape, path);
    case 'integer': case 'long': case 'float':
      if (member === 'maxResults' && rnd.chance(0.3)) return rnd.pick([1, 2]);
      return rnd.pick(NUMBERS);
    case 'boolean': return rnd.chance(0.7) ? rnd.chance(0.5) : rnd.pick(BOOLEANS);
    case 'list': {
      const r = rnd.next();
      const n = r < 0.1 ? 0 : r < 0.15 ? 300 : 1 + rnd.int(3);
      return Array.from({ length: n }, () => (rnd.chance(0.05) ? rnd.pick(WRONG_TYPES) : valueFor(member === 'tagKeys' ? 'tagKey' : member, shape.member, depth + 1, `${path}[]`)));
    }
    case 'structure': return structureFor(shape, depth + 1, path);
  }
}

function structureFor(shape: StructureShape, depth: number, path = ''): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(shape.members) as [string, Member][]) {
    const include = member.required ? rnd.chance(0.9) : rnd.chance(depth > 0 ? 0.7 : 0.45);
    if (include) body[name] = depth > 4 ? rnd.pick(WRONG_TYPES) : valueFor(name, member, depth, `${path}.${name}`);
  }
  if (rnd.chance(0.05)) body[rnd.pick(['unknownMember', 'constructor', 'toString', 'hasOwnProperty', 'StateMachineArn', ''])] = rnd.pick(WRONG_TYPES);
  if (rnd.chance(0.03)) Object.defineProperty(body, '__proto__', { value: { polluted: true }, enumerable: true }); // written as a plain "__proto__" key
  return body;
}

/** A value AWS would accept for the member, from the real resources where it names one. */
function saneFor(member: string, shape: Shape): unknown {
  switch (shape.kind) {
    case 'string': {
      const pools: Record<string, string[]> = {
        stateMachineArn: real.stateMachine, stateMachineVersionArn: real.version, stateMachineAliasArn: real.alias, executionArn: real.execution,
        activityArn: real.activity, mapRunArn: real.mapRun, resourceArn: real.stateMachine, taskToken: real.taskToken,
      };
      if (pools[member]?.length) return rnd.pick(pools[member]!);
      if (member === 'roleArn') return ROLE;
      if (member === 'definition') return JSON.stringify(PASS);
      if (['input', 'output', 'variables', 'context'].includes(member)) return '{"items":[1,2]}';
      if (shape.enum) return shape.enum[0];
      if (/name$/i.test(member)) return `s${rnd.int(1e6)}`;
      return 'x';
    }
    case 'integer': case 'long': case 'float': return Math.max(shape.min ?? 0, Math.min(shape.max ?? 10, 1));
    case 'boolean': return false;
    case 'list': return shape.min ? Array.from({ length: shape.min }, () => saneFor(member, shape.member)) : [];
    case 'structure': return Object.fromEntries(Object.entries(shape.members).filter(([, m]) => (m as Member).required).map(([k, m]) => [k, saneFor(k, m as Member)]));
  }
}

/** A body AWS would accept except for one member, mutated. */
function oneMutation(shape: StructureShape): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const members = Object.entries(shape.members) as [string, Member][];
  for (const [name, member] of members) if (member.required || rnd.chance(0.3)) body[name] = saneFor(name, member);
  if (members.length === 0) return body;
  const [name, member] = rnd.pick(members);
  if (rnd.chance(0.15)) delete body[name];
  else body[name] = valueFor(name, member, 1, `.${name}`);
  return body;
}

function bodyFor(shape: StructureShape): string {
  if (rnd.chance(0.5)) return write(oneMutation(shape));
  const r = rnd.next();
  if (r < 0.02) return rnd.pick(['', ' ', 'null', '[]', '1', '"s"', 'true', '{', '{"a":}', nestedArrays(50_000), nestedObjects(50_000), '\u0000', '{}garbage', '\ufeff{}']);
  if (r < 0.05) return write(rnd.pick(WRONG_TYPES));
  return write(structureFor(shape, 0));
}

// ---------------------------------------------------------------- the service over HTTP
let service: LocalService;
let server: ApiServer;
const serverLog: string[] = [];
const consoleErrors: string[] = [];
const origConsoleError = console.error;

interface Reply {
  status: number;
  text: string;
}
async function post(operation: string, body: string): Promise<Reply> {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `AWSStepFunctions.${operation}` },
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return { status: res.status, text: await res.text() };
}
async function call(operation: string, body: unknown): Promise<Record<string, any>> {
  const reply = await post(operation, JSON.stringify(body));
  if (reply.status !== 200) throw new Error(`setup ${operation} failed: ${reply.status} ${reply.text}`);
  return JSON.parse(reply.text);
}
async function settle(executionArn: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const d = await call('DescribeExecution', { executionArn });
    if (d.status !== 'RUNNING') return;
    await service.admin.advanceTime(1000);
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeAll(async () => {
  console.error = (...args: unknown[]) => void consoleErrors.push(args.map(String).join(' '));
  service = await createLocalService({ store: { kind: 'memory' }, clock: { mode: 'virtual', start: Date.UTC(2026, 0, 1) }, activityPollMs: 20 } as never);
  server = await startApiServer({ service, port: 0, log: (line) => serverLog.push(line) });

  const activity = (await call('CreateActivity', { name: 'fuzz-activity' })).activityArn;
  real.activity.push(activity);
  const pass = await call('CreateStateMachine', { name: 'fuzz-pass', definition: JSON.stringify(PASS), roleArn: ROLE, publish: true, tags: [{ key: 'k', value: 'v' }] });
  real.stateMachine.push(pass.stateMachineArn);
  real.version.push(pass.stateMachineVersionArn);
  real.version.push((await call('PublishStateMachineVersion', { stateMachineArn: pass.stateMachineArn, description: 'v2' })).stateMachineVersionArn);
  real.alias.push((await call('CreateStateMachineAlias', { name: 'prod', routingConfiguration: [{ stateMachineVersionArn: pass.stateMachineVersionArn, weight: 100 }] })).stateMachineAliasArn);
  const express = (await call('CreateStateMachine', { name: 'fuzz-express', definition: JSON.stringify(PASS), roleArn: ROLE, type: 'EXPRESS' })).stateMachineArn;
  real.stateMachine.push(express);
  real.express.push((await call('StartExecution', { stateMachineArn: express, input: '{}' })).executionArn);

  const acts = (await call('CreateStateMachine', { name: 'fuzz-acts', roleArn: ROLE, definition: JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Task', Resource: activity, HeartbeatSeconds: 100000, End: true } } }) })).stateMachineArn;
  real.stateMachine.push(acts);
  for (let i = 0; i < 4; i++) {
    real.execution.push((await call('StartExecution', { stateMachineArn: acts, name: `waiting-${i}`, input: '{"k":1}' })).executionArn);
    const task = await call('GetActivityTask', { activityArn: activity, workerName: 'w' });
    if (task.taskToken) real.taskToken.push(task.taskToken);
  }
  const fail = (await call('CreateStateMachine', { name: 'fuzz-fail', roleArn: ROLE, definition: JSON.stringify({ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'E', Cause: 'c' } } }) })).stateMachineArn;
  real.stateMachine.push(fail);
  const failed = (await call('StartExecution', { stateMachineArn: fail })).executionArn;
  real.execution.push(failed);

  const dmap = (await call('CreateStateMachine', {
    name: 'fuzz-dmap', roleArn: ROLE,
    definition: JSON.stringify({ StartAt: 'D', States: { D: { Type: 'Map', Label: 'Lbl', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } } }),
  })).stateMachineArn;
  real.stateMachine.push(dmap);
  real.label.push(`${dmap}/Lbl`);
  const mapped = (await call('StartExecution', { stateMachineArn: dmap, input: '[1,2,3]' })).executionArn;
  real.execution.push(mapped);
  await settle(mapped);
  await settle(failed);
  for (const run of (await call('ListMapRuns', { executionArn: mapped })).mapRuns ?? []) {
    real.mapRun.push(run.mapRunArn);
    for (const e of (await call('ListExecutions', { mapRunArn: run.mapRunArn })).executions ?? []) remember(real.execution, e.executionArn);
  }
  for (let i = 0; i < 3; i++) await call('CreateStateMachine', { name: `fuzz-page-${i}`, definition: JSON.stringify(PASS), roleArn: ROLE });
  remember(real.nextToken, (await call('ListStateMachines', { maxResults: 1 })).nextToken);
  remember(real.nextToken, (await call('ListExecutions', { stateMachineArn: acts, maxResults: 1 })).nextToken);
  remember(real.nextToken, (await call('GetExecutionHistory', { executionArn: mapped, maxResults: 1 })).nextToken);
  remember(real.nextToken, (await call('ListStateMachineVersions', { stateMachineArn: pass.stateMachineArn, maxResults: 1 })).nextToken);
  expect(real.mapRun.length).toBeGreaterThan(0);
  expect(real.taskToken.length).toBeGreaterThan(0);
});

afterAll(async () => {
  console.error = origConsoleError;
  await server?.close();
  await service?.close();
});

interface Failure {
  operation: string;
  body: string;
  status?: number;
  response?: string;
  error?: string;
  serverLog?: string[];
}

function problemWith(reply: Reply, sentBody: string): string | undefined {
  if (reply.status === 200) {
    try {
      const json = JSON.parse(reply.text);
      return json && typeof json === 'object' && !Array.isArray(json) ? undefined : 'a 200 whose body is not a JSON object';
    } catch {
      return 'a 200 whose body is not JSON';
    }
  }
  // AWS refuses a body over 1049600 bytes this way, before reading it as JSON.
  if (reply.status === 413 && Buffer.byteLength(sentBody) > 1049600 && reply.text === 'HTTP content length exceeded 1049600 bytes.') return undefined;
  if (reply.status !== 400) return `HTTP ${reply.status}`;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(reply.text);
  } catch {
    return 'a 400 whose body is not JSON';
  }
  if (typeof json.__type !== 'string' || !json.__type.includes('#')) return 'a 400 without a namespaced __type';
  const message = json.message ?? json.Message;
  // Coral answers a body that is not JSON at all with a bare SerializationException.
  if (typeof message !== 'string' && json.__type !== 'com.amazon.coral.service#SerializationException') return 'a 400 without a message';
  return undefined;
}

test('every fuzzed request gets a success or an AWS-named error, and the service keeps serving', async () => {
  const operations = [...servedOperationNames].sort();
  const destructive = (op: string) => op.startsWith('Delete') || op === 'StopExecution' || op === 'UntagResource';
  const failures: Failure[] = [];
  const types = new Map<string, number>();
  let sent = 0;
  const trace: string[] = [];

  for (let round = 0; round < ROUNDS; round++) {
    // The destructive operations join only in the second half, so the real resources live long enough to be hit.
    const now = operations.filter((op) => round >= ROUNDS / 2 || !destructive(op));
    for (const operation of now) {
      const body = bodyFor(operationFor(operation as never).request as StructureShape);
      const logBefore = serverLog.length;
      sent++;
      if (process.env.FUZZ_REPORT) trace.push(`${operation} ${body.length > 3000 ? `${body.slice(0, 3000)}… (${body.length} chars)` : body}`);
      let reply: Reply;
      try {
        reply = await post(operation, body);
      } catch (err) {
        failures.push({ operation, body: body.length > 2000 ? `${body.slice(0, 2000)}… (${body.length} chars)` : body, error: String(err) });
        continue;
      }
      const problem = problemWith(reply, body);
      if (problem) {
        failures.push({ operation, body: body.length > 2000 ? `${body.slice(0, 2000)}… (${body.length} chars)` : body, status: reply.status, response: reply.text.slice(0, 2000), error: problem, serverLog: serverLog.slice(logBefore) });
      } else if (reply.status === 200) {
        types.set('200', (types.get('200') ?? 0) + 1);
        const json = JSON.parse(reply.text);
        // Feed what the service answered back into the pools.
        remember(real.nextToken, json.nextToken);
        if (operation === 'CreateActivity') remember(real.activity, json.activityArn);
        if (operation === 'CreateStateMachine') remember(real.stateMachine, json.stateMachineArn);
        remember(real.version, json.stateMachineVersionArn);
        remember(real.alias, json.stateMachineAliasArn);
        if (typeof json.executionArn === 'string') remember(json.executionArn.includes(':express:') ? real.express : real.execution, json.executionArn);
        remember(real.taskToken, json.taskToken);
      } else if (reply.status === 413) {
        types.set('413', (types.get('413') ?? 0) + 1);
      } else {
        const t = JSON.parse(reply.text).__type as string;
        types.set(t, (types.get(t) ?? 0) + 1);
      }
    }
    // The service still answers.
    sent++;
    const alive = await post('ListStateMachines', '{}');
    expect(alive.status).toBe(200);
    if (round % 10 === 0) await service.admin.advanceTime(5000);
  }

  const report = {
    seed: SEED,
    rounds: ROUNDS,
    sent,
    failures,
    internalErrorsLogged: serverLog.filter((l) => l.includes('internal error')).length,
    consoleErrors: consoleErrors.slice(0, 50),
    trace,
    errorTypes: Object.fromEntries([...types].sort((a, b) => b[1] - a[1])),
  };
  if (process.env.FUZZ_REPORT) {
    mkdirSync(join(__dirname, '../../.prof'), { recursive: true });
    writeFileSync(join(__dirname, '../../.prof', 'fuzz-api-report.json'), JSON.stringify(report, null, 2));
  }
  expect(failures).toEqual([]);
  expect(serverLog.filter((l) => l.includes('internal error'))).toEqual([]);
});
