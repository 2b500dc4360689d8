import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json, StateMachineDefinition } from '../../../lib/asl';
import { validateDefinition } from '../../../lib/engine/validation';
import { drive, type TaskOutcome } from './engine-driver';

/**
 * Deterministic fuzzing: small state machines drawn from a grammar over every state type, in both
 * query languages, with valid and odd field values. Whatever sagaflow's validation accepts (no ERROR
 * diagnostic) must run to an end (SUCCEEDED / FAILED / TIMED_OUT / ABORTED) without a JavaScript
 * exception escaping the engine. One PRNG per seed, so a failing seed reproduces alone:
 * FUZZ_SEEDS=from-to runs another range; FUZZ_REPORT=1 writes the crashes to .prof/fuzz-crashes.json.
 */

type Rng = () => number;

/** mulberry32 */
function prng(seed: number): Rng {
  let a = (seed * 0x9e3779b1) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  constructor(readonly r: Rng) {}
  chance(p: number): boolean {
    return this.r() < p;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }
}

const ODD: Json[] = [
  null, true, false, '', ' ', {}, [], 0, -1, -0.5, 1.5, 1e21, 1e308, -1e308, 2147483648, 9007199254740993, 'x', [1], [null], { a: 1 },
  '$', '$.', '$.a', '$$', '$$.', '$x', '$.a[', '{%%}', '{% %}', '{% $states.input %}', '{% 1/0 %}', '{%', '%}', 'States.Format()', 'States.UUID()',
  'States.ArrayRange(1, 3, 1)', '2026-01-01T00:00:00Z', 'not-a-date', '-1', '1.5', 'JSONata', 'JSONPath', 'States.ALL', '\u0000', 'a'.repeat(300),
];

const PATHS = [
  '$', '$.a', '$.a.b', '$.items', '$.arr', '$.arr[0]', '$.arr[-1:]', '$.arr[*]', '$..a', '$.n', '$.s', '$.ts', '$.obj', '$.nope', '$.nope.deeper',
  '$$.Execution.Id', '$$.Execution.Input', '$$.State.Name', '$$.State.EnteredTime', '$$.Map.Item.Value', '$$.Map.Item.Index', '$$.Task.Token', '$$.StateMachine.Name',
  '$x', '$x.a', '$y', '$v[0]', '$.arr[?(@ > 1)]', '$.objs[?(@.k == 1)]', '$.neg', '$.frac', '$.huge', '$.zero', '$.nul', '$.str5', '$.bool',
];

const INTRINSICS = [
  "States.Format('x{}y{}', $.a, $.s)", "States.Format('{}', $.obj)", "States.Format('\\{}', 1)", 'States.StringToJson($.js)', 'States.StringToJson($.s)',
  'States.JsonToString($)', 'States.JsonToString($.nope)', 'States.Array($.a, 1, $.s)', 'States.ArrayPartition($.arr, 2)', 'States.ArrayPartition($.arr, 0)',
  'States.ArrayPartition($.arr, $.neg)', 'States.ArrayContains($.arr, 1)', 'States.ArrayRange(1, 9, 2)', 'States.ArrayRange(0, 1000000, 1)', 'States.ArrayRange(0, 5, 0)',
  'States.ArrayRange($.frac, $.n, 1)', 'States.ArrayGetItem($.arr, 0)', 'States.ArrayGetItem($.arr, 99)', 'States.ArrayGetItem($.arr, $.neg)', 'States.ArrayLength($.arr)',
  'States.ArrayLength($.s)', 'States.ArrayUnique($.arr)', 'States.Base64Encode($.s)', 'States.Base64Decode($.s)', 'States.Base64Decode($.str5)', "States.Hash($.s, 'SHA-256')",
  "States.Hash($.s, 'MD9')", 'States.Hash($.obj, $.s)', 'States.JsonMerge($.obj, $.obj2, false)', 'States.JsonMerge($.obj, $.arr, false)', 'States.MathRandom(1, 10)',
  'States.MathRandom($.huge, $.neg)', 'States.MathAdd($.n, 1)', 'States.MathAdd($.frac, $.huge)', 'States.MathAdd($.s, 1)', "States.StringSplit($.s, ',')",
  "States.StringSplit($.s, '')", 'States.UUID()', 'States.Format($.s)', 'States.ArrayGetItem(States.Array(1,2), 1)', 'States.MathAdd(States.ArrayLength($.arr), $x)',
  'States.JsonToString($x)', "States.Format('{}', $$.Execution.Id)",
];

const JSONATA = [
  '{% $states.input %}', '{% $states.input.a %}', '{% $states.input.items %}', '{% $states.input.arr %}', '{% $states.input.n %}', '{% $states.input.nope %}',
  '{% $states.input.obj %}', '{% $states.input.ts %}', '{% $states.input.neg %}', '{% $states.input.frac %}', '{% $states.input.huge %}', '{% $states.input.s %}',
  '{% 5 %}', '{% 0 %}', '{% -1 %}', '{% 1.5 %}', '{% 1e300 %}', '{% 1e400 %}', '{% "str" %}', '{% "" %}', '{% null %}', '{% true %}', '{% {} %}', '{% [] %}', '{% [1,2,3] %}',
  '{% {"a": 1, "b": [1, 2]} %}', '{% $x %}', '{% $y %}', '{% $x.a %}', '{% $v %}', '{% $states.context %}', '{% $states.context.Execution.Id %}',
  '{% $states.context.Map.Item.Value %}', '{% $states.context.Task.Token %}', '{% $states.result %}', '{% $states.errorOutput %}', '{% 1/0 %}', '{% $error("boom") %}',
  '{% $error() %}', '{% $number("x") %}', '{% $string($states.input) %}', '{% $random() %}', '{% $now() %}', '{% $millis() %}', '{% $partition([1,2,3], 2) %}',
  '{% $range(0, 3, 1) %}', '{% $hash("x", "SHA-256") %}', '{% $parse("{\\"a\\":1}") %}', '{% $parse("nope") %}', '{% $uuid() %}', '{% $eval("1+1") %}',
  '{% function($a){$a} %}', '{% $sum %}', '{% ($a := 1; $a + 1) %}', '{% $states.input.arr[0] %}', '{% $states.input.arr.$string() %}', '{% $count($states.input.arr) %}',
  '{% $states.input.a > 0 %}', '{% $states.input.s = "a,b" %}', '{% $states.input.nope = 1 %}', '{% "2026-01-01T00:00:05Z" %}', '{% $fromMillis(0) %}',
  '{% $states.input.a ? $states.input.arr : $states.input.obj %}', '{% /* c */ 1 %}', '{% $states.input ~> $keys() %}', '{% $single([1,2]) %}',
  '{% $states.input.arr{"k": $} %}', '{%$states.input%}', ' {% 1 %}', '{% 1 %} ',
];

const TIMESTAMPS = ['2026-01-01T00:00:05Z', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00.123Z', '2026-01-01T00:00:00+01:00', '2026-01-01T00:00:00', '2026-02-30T00:00:00Z', '9999-12-31T23:59:59Z', 'x'];

const RESOURCES = [
  'arn:aws:states:::lambda:invoke', 'arn:aws:lambda:us-east-1:123456789012:function:F', 'arn:aws:lambda:us-east-1:123456789012:function:F:1',
  'arn:aws:states:::lambda:invoke.waitForTaskToken', 'arn:aws:states:us-east-1:123456789012:activity:A', 'arn:aws:states:::states:startExecution.sync',
  'arn:aws:states:::states:startExecution.sync:2', 'arn:aws:states:::states:startExecution', 'arn:aws:states:::aws-sdk:s3:getObject', 'arn:aws:states:::sqs:sendMessage',
  'arn:aws:states:::sqs:sendMessage.waitForTaskToken', 'arn:aws:states:::dynamodb:getItem', 'arn:aws:states:::sns:publish', 'arn:aws:states:::ecs:runTask.sync',
  'arn:aws:states:::glue:startJobRun.sync', 'arn:aws:states:::http:invoke', 'arn:aws:states:::events:putEvents', 'arn:aws:states:::batch:submitJob.sync',
  'arn:aws:states:::aws-sdk:dynamodb:putItem', 'arn:aws:states:::bedrock:invokeModel', 'arn:aws:states:::apigateway:invoke',
];

const ERRORS = ['States.ALL', 'States.TaskFailed', 'States.Timeout', 'States.HeartbeatTimeout', 'States.Runtime', 'States.DataLimitExceeded', 'States.ResultPathMatchFailure',
  'States.IntrinsicFailure', 'States.QueryEvaluationError', 'States.NoChoiceMatched', 'States.BranchFailed', 'States.ExceedToleratedFailureThreshold', 'States.ItemReaderFailed',
  'Custom', 'Lambda.ServiceException', 'States.Permissions', ''];

function randomJson(g: Gen, depth = 0): Json {
  const k = g.int(0, depth > 2 ? 5 : 8);
  switch (k) {
    case 0: return null;
    case 1: return g.chance(0.5);
    case 2: return g.pick([0, 1, -1, 2.5, 1e21, -0.25, 3]);
    case 3: return g.pick(['', 'a', 'a,b', '$.a', '{% 1 %}', '2026-01-01T00:00:00Z', 'States.UUID()']);
    case 4: case 5: return g.pick([1, 'x', true]);
    case 6: return Array.from({ length: g.int(0, 4) }, () => randomJson(g, depth + 1));
    default: {
      const o: Record<string, Json> = {};
      for (let i = g.int(0, 3); i > 0; i--) o[g.pick(['a', 'b', 'items', 'arr', 'n', 's', 'Payload', 'k'])] = randomJson(g, depth + 1);
      return o;
    }
  }
}

function randomInput(g: Gen): Json {
  if (g.chance(0.25)) return g.chance(0.5) ? randomJson(g) : g.pick(ODD);
  const base: Record<string, Json> = {
    a: 1, b: 'x', items: [1, 2, 3], arr: [3, 1, 2, 1], n: 3, s: 'a,b', ts: '2026-01-01T00:00:05Z', obj: { k: 1, a: 2 }, obj2: { k: 2 }, js: '{"a":1}',
    neg: -2, frac: 1.5, huge: 1e21, zero: 0, nul: null, str5: '5', bool: true, objs: [{ k: 1 }, { k: 2 }],
  };
  for (const key of Object.keys(base)) if (g.chance(0.15)) base[key] = randomJson(g, 1);
  if (g.chance(0.1)) base.items = Array.from({ length: g.int(0, 40) }, (_, i) => (g.chance(0.5) ? i : randomJson(g, 2)));
  return base;
}

type QL = 'JSONPath' | 'JSONata';

class Machines {
  /** Names usable as Next targets while generating one graph. */
  top: QL = 'JSONPath';
  constructor(private readonly g: Gen, private readonly tasks: Record<string, TaskOutcome | TaskOutcome[]>, private readonly oddness: number) {}

  /** Something odd, at a rate scaled by this machine's oddness. */
  rare(p: number): boolean {
    return this.g.chance(p * this.oddness);
  }

  odd(): Json {
    return this.g.pick(ODD);
  }
  /** A valid value most of the time, an odd one sometimes. */
  v(valid: () => Json, pOdd = 0.12): Json {
    return this.rare(pOdd) ? this.odd() : valid();
  }
  path(): Json {
    return this.v(() => this.g.pick(PATHS));
  }
  nullablePath(): Json {
    if (this.g.chance(0.15)) return null;
    return this.rare(0.3) ? this.path() : this.v(() => this.g.pick(['$', '$.a', '$.r', '$.r.deep', '$.arr[0]', '$.obj.k', '$.n.m', '$.s.x']));
  }
  /** A JSONata expression, or now and then a literal where one is expected. */
  jsonata(): Json {
    if (this.rare(0.3)) return this.g.chance(0.5) ? this.odd() : randomJson(this.g, 1);
    return this.g.pick(JSONATA);
  }
  num(kind: 'nat' | 'pos' | 'any' = 'nat'): Json {
    const g = this.g;
    if (this.rare(0.1)) return g.pick([0, -1, 0.5, 100000000, 1e21, 31622401, 2147483648]);
    return this.v(() => (kind === 'pos' ? g.pick([1, 2, 3, 5, 60, 3600, 99999999]) : kind === 'nat' ? g.pick([0, 1, 2, 3, 10, 99999999]) : g.pick([0, 1, 2, 1.5, 2.0, 100])), 0.15);
  }

  /** A JSONPath payload template, perhaps nested. */
  template(depth = 0): Json {
    const g = this.g;
    if (this.rare(0.08)) return this.odd();
    const o: Record<string, Json> = {};
    for (let i = g.int(0, 4); i > 0; i--) {
      const key = g.pick(['a', 'b', 'c', 'Payload', 'Items', 'x']);
      const k = g.int(0, 5);
      if (k === 0) o[key] = randomJson(g, 1);
      else if (k === 1 && depth < 2) o[key] = this.template(depth + 1);
      else if (k === 2 && depth < 2) o[key] = [this.template(depth + 1), randomJson(g, 2)];
      else if (k === 3) o[`${key}.$`] = this.v(() => g.pick(INTRINSICS));
      else o[`${key}.$`] = this.path();
    }
    return o;
  }

  /** A JSONata template: an expression, or a structure with expressions inside. */
  jtemplate(depth = 0): Json {
    const g = this.g;
    const k = g.int(0, 5);
    if (k === 0) return this.jsonata();
    if (k === 1) return randomJson(g, 1);
    if (k === 2) return this.rare(1) ? this.odd() : randomJson(g, 1);
    if (k === 3 && depth < 2) return [this.jtemplate(depth + 1), this.jsonata()];
    const o: Record<string, Json> = {};
    for (let i = g.int(0, 3); i > 0; i--) o[g.pick(['a', 'b', 'c', 'Payload', 'x.$'])] = depth < 2 && g.chance(0.3) ? this.jtemplate(depth + 1) : this.v(() => this.jsonata(), 0.2);
    return o;
  }

  jobject(): Json {
    const o: Record<string, Json> = {};
    for (let i = this.g.int(0, 3); i > 0; i--) o[this.g.pick(['a', 'b', 'Payload', 'FunctionName'])] = this.jtemplate(1);
    return o;
  }

  assign(ql: QL): Json {
    const g = this.g;
    if (this.rare(0.06)) return this.odd();
    const o: Record<string, Json> = {};
    for (let i = g.int(1, 3); i > 0; i--) {
      const name = this.rare(0.15) ? g.pick(['x.a', '1x', 'states', '', 'x-y']) : g.pick(['x', 'y', 'v', 'x_1']);
      if (ql === 'JSONata') o[name] = g.chance(0.5) ? this.jsonata() : this.jtemplate(1);
      else if (g.chance(0.5)) o[`${name}.$`] = g.chance(0.6) ? this.path() : g.pick(INTRINSICS);
      else o[name] = g.chance(0.5) ? randomJson(g, 1) : this.template(1);
    }
    return o;
  }

  errorEquals(): Json {
    const g = this.g;
    return this.v(() => (g.chance(0.3) ? ['States.ALL'] : Array.from({ length: g.int(1, 3) }, () => g.pick(ERRORS.slice(1)))), 0.1);
  }

  retry(): Json {
    const g = this.g;
    if (this.rare(0.05)) return this.odd();
    const n = g.int(1, 3);
    return Array.from({ length: n }, (_, i) => {
      const r: Record<string, Json> = { ErrorEquals: i === n - 1 || this.rare(0.2) ? this.errorEquals() : this.v(() => [g.pick(ERRORS.slice(1))]) };
      if (g.chance(0.5)) r.IntervalSeconds = this.num('pos');
      if (g.chance(0.5)) r.MaxAttempts = this.num('nat');
      if (g.chance(0.4)) r.BackoffRate = this.v(() => g.pick([1, 1.5, 2, 2.0, 10]));
      if (g.chance(0.2)) r.MaxDelaySeconds = this.num('pos');
      if (g.chance(0.2)) r.JitterStrategy = this.v(() => g.pick(['FULL', 'NONE']));
      if (g.chance(0.05)) r.Comment = 'c';
      return r;
    });
  }

  catch(ql: QL, laterNames: string[]): Json {
    const g = this.g;
    if (laterNames.length === 0) return this.rare(1) ? this.odd() : [];
    if (this.rare(0.05)) return this.odd();
    const n = g.int(1, 2);
    return Array.from({ length: n }, (_, i) => {
      const c: Record<string, Json> = { ErrorEquals: i === n - 1 || this.rare(0.2) ? this.errorEquals() : this.v(() => [g.pick(ERRORS.slice(1))]), Next: this.v(() => g.pick(laterNames), 0.05) };
      if (ql === 'JSONPath' && g.chance(0.4)) c.ResultPath = this.nullablePath();
      if (ql === 'JSONata' && g.chance(0.4)) c.Output = this.jtemplate();
      if (g.chance(0.3)) c.Assign = this.assign(ql);
      return c;
    });
  }

  /** I/O fields common to the state, by query language and state type. */
  io(s: Record<string, Json>, ql: QL, type: string): void {
    const g = this.g;
    const hasResult = type === 'Task' || type === 'Parallel' || type === 'Map';
    if (ql === 'JSONPath') {
      if (type !== 'Fail' && g.chance(0.25)) s.InputPath = this.nullablePath();
      if (type !== 'Fail' && g.chance(0.25)) s.OutputPath = this.nullablePath();
      if ((hasResult || type === 'Pass') && g.chance(0.35)) s.Parameters = this.template();
      if ((hasResult || type === 'Pass') && g.chance(0.3)) s.ResultPath = this.nullablePath();
      if (hasResult && g.chance(0.25)) s.ResultSelector = this.template();
      if (type === 'Pass' && g.chance(0.3)) s.Result = randomJson(g);
    } else {
      if ((type === 'Task' || this.rare(0.1)) && g.chance(0.4)) s.Arguments = this.rare(0.2) ? this.jtemplate() : g.chance(0.3) ? this.jsonata() : this.jobject();
      if (type !== 'Fail' && g.chance(0.35)) s.Output = this.jtemplate();
    }
    if (type !== 'Fail' && type !== 'Succeed' && g.chance(0.3)) s.Assign = this.assign(ql);
    if (type === 'Succeed' && this.rare(0.1)) s.Assign = this.assign(ql); // not allowed: validation should say so
  }

  /** One graph of 1..max states; `ql` is the graph's inherited query language. */
  graph(ql: QL, depth: number, max: number, opts: { topLevel?: boolean; distributed?: boolean } = {}): Record<string, Json> {
    const g = this.g;
    const n = g.int(1, max);
    const prefix = `D${depth}${g.int(0, 999)}_`;
    const names = Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    const states: Record<string, Json> = {};
    for (let i = 0; i < n; i++) {
      const later = names.slice(i + 1);
      let stateQl = ql;
      const s: Record<string, Json> = {};
      if (g.chance(ql === 'JSONPath' ? 0.15 : 0.02)) {
        stateQl = g.pick(['JSONPath', 'JSONata'] as const);
        s.QueryLanguage = this.rare(0.03) ? this.odd() : stateQl;
      }
      const type = g.pick(['Pass', 'Pass', 'Task', 'Task', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map', 'Map'] as const);
      s.Type = type;
      if (g.chance(0.05)) s.Comment = this.v(() => 'c');
      this.state(s, type, stateQl, names[i]!, later, depth, opts);
      // transitions
      if (s.Type !== 'Choice' && s.Type !== 'Succeed' && s.Type !== 'Fail') {
        if (later.length > 0 && g.chance(0.8)) s.Next = this.v(() => g.pick(later), 0.03);
        else s.End = this.rare(0.03) ? this.odd() : true;
      }
      states[names[i]!] = s;
    }
    const def: Record<string, Json> = { StartAt: names[0]!, States: states };
    if (this.rare(0.03)) def.StartAt = this.odd();
    if (opts.topLevel) {
      if (g.chance(0.45)) def.QueryLanguage = this.rare(0.03) ? this.odd() : ql;
      if (g.chance(0.1)) def.TimeoutSeconds = this.num('pos');
      if (g.chance(0.05)) def.Version = '1.0';
    }
    if (opts.distributed !== undefined) def.ProcessorConfig = opts.distributed ? { Mode: 'DISTRIBUTED', ExecutionType: g.chance(0.8) ? 'STANDARD' : 'EXPRESS' } : g.chance(0.5) ? { Mode: 'INLINE' } : {};
    return def;
  }

  state(s: Record<string, Json>, type: string, ql: QL, name: string, later: string[], depth: number, opts: { distributed?: boolean }): void {
    const g = this.g;
    const J = ql === 'JSONata';
    this.io(s, ql, type);
    switch (type) {
      case 'Pass':
        break;
      case 'Succeed':
        break;
      case 'Fail':
        if (J) {
          if (g.chance(0.5)) s.Error = g.chance(0.5) ? this.v(() => g.pick(ERRORS)) : this.jsonata();
          if (g.chance(0.5)) s.Cause = g.chance(0.5) ? this.v(() => 'why') : this.jsonata();
        } else {
          if (g.chance(0.5)) s.Error = this.v(() => g.pick(ERRORS));
          else if (g.chance(0.3)) s.ErrorPath = g.chance(0.7) ? this.path() : g.pick(INTRINSICS);
          if (g.chance(0.5)) s.Cause = this.v(() => 'why');
          else if (g.chance(0.3)) s.CausePath = g.chance(0.7) ? this.path() : g.pick(INTRINSICS);
        }
        break;
      case 'Wait': {
        const k = g.int(0, 3);
        if (J) {
          if (k <= 1) s.Seconds = g.chance(0.5) ? this.num('nat') : this.jsonata();
          else s.Timestamp = g.chance(0.5) ? this.v(() => g.pick(TIMESTAMPS)) : this.jsonata();
        } else if (k === 0) s.Seconds = this.num('nat');
        else if (k === 1) s.SecondsPath = this.path();
        else if (k === 2) s.Timestamp = this.v(() => g.pick(TIMESTAMPS));
        else s.TimestampPath = this.path();
        if (this.rare(0.04)) s.Seconds = this.num(); // two of them
        break;
      }
      case 'Choice': {
        const targets = later.length > 0 ? later : [];
        if (targets.length === 0 && !this.rare(0.3)) {
          // nothing to go to: a Choice cannot end; make it a Pass instead
          s.Type = 'Pass';
          delete s.Parameters;
          delete s.ResultSelector;
          delete s.Arguments;
          break;
        }
        delete s.Parameters;
        delete s.ResultPath;
        delete s.ResultSelector;
        delete s.Arguments;
        const choices = Array.from({ length: g.int(1, 3) }, () => {
          const c: Record<string, Json> = J ? { Condition: this.v(() => this.jsonata(), 0.1) } : this.rule(0);
          c.Next = this.v(() => g.pick(targets.length ? targets : ['nowhere']), 0.03);
          if (g.chance(0.2)) c.Assign = this.assign(ql);
          if (J && g.chance(0.2)) c.Output = this.jtemplate();
          return c;
        });
        s.Choices = this.rare(0.03) ? this.odd() : choices;
        if (targets.length && g.chance(0.6)) s.Default = this.v(() => g.pick(targets), 0.03);
        break;
      }
      case 'Task': {
        s.Resource = this.v(() => g.pick(RESOURCES), 0.05);
        if (g.chance(0.3)) {
          const res = String(s.Resource);
          const args: Record<string, Json> = res.includes('lambda') ? { FunctionName: 'F', Payload: J ? this.jtemplate() : this.template() } : res.includes('startExecution') ? { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Other', Input: J ? this.jtemplate() : this.template() } : { x: 1 };
          if (J) s.Arguments = args;
          else s.Parameters = Object.fromEntries(Object.entries(args).map(([k, v]) => (typeof v === 'object' && v !== null ? [k, v] : [k, v])));
        }
        if (g.chance(0.2)) s[J || g.chance(0.5) ? 'TimeoutSeconds' : 'TimeoutSecondsPath'] = J ? (g.chance(0.5) ? this.num('pos') : this.jsonata()) : this.num('pos');
        if (!J && s.TimeoutSecondsPath !== undefined) s.TimeoutSecondsPath = this.path();
        if (g.chance(0.15)) s[J || g.chance(0.5) ? 'HeartbeatSeconds' : 'HeartbeatSecondsPath'] = J ? (g.chance(0.5) ? this.num('pos') : this.jsonata()) : this.num('pos');
        if (!J && s.HeartbeatSecondsPath !== undefined) s.HeartbeatSecondsPath = this.path();
        if (g.chance(0.05)) s.Credentials = J ? { RoleArn: g.chance(0.5) ? 'arn:aws:iam::123456789012:role/R' : this.jsonata() } : g.chance(0.5) ? { RoleArn: 'arn:aws:iam::123456789012:role/R' } : { 'RoleArn.$': this.path() };
        if (g.chance(0.3)) s.Retry = this.retry();
        if (g.chance(0.3) && (later.length > 0 || this.rare(0.2))) s.Catch = this.catch(ql, later);
        this.tasks[name] = this.outcome();
        break;
      }
      case 'Parallel': {
        const deep = depth < 2;
        s.Branches = this.rare(0.04) ? this.odd() : Array.from({ length: g.int(1, 3) }, () => this.graph(this.top, depth + 1, deep ? 3 : 1));
        if (g.chance(0.25)) s.Retry = this.retry();
        if (g.chance(0.25) && (later.length > 0 || this.rare(0.2))) s.Catch = this.catch(ql, later);
        break;
      }
      case 'Map':
        this.map(s, ql, later, depth, opts);
        break;
    }
  }

  rule(depth: number): Record<string, Json> {
    const g = this.g;
    const k = g.int(0, depth > 1 ? 0 : 6);
    if (k === 1) return { And: Array.from({ length: g.int(1, 2) }, () => this.rule(depth + 1)) };
    if (k === 2) return { Or: this.rare(0.05) ? [] : Array.from({ length: g.int(1, 2) }, () => this.rule(depth + 1)) };
    if (k === 3) return { Not: this.rule(depth + 1) };
    const ops: Array<[string, () => Json]> = [
      ['StringEquals', () => 'x'], ['StringLessThan', () => 'b'], ['StringGreaterThanEquals', () => ''], ['StringMatches', () => g.pick(['a*', '*', '\\*x', 'a,*'])],
      ['NumericEquals', () => g.pick([1, 0, -1, 1.5, 1e21])], ['NumericLessThan', () => 3], ['NumericGreaterThanEquals', () => -0.5],
      ['BooleanEquals', () => true], ['TimestampEquals', () => g.pick(TIMESTAMPS)], ['TimestampLessThan', () => g.pick(TIMESTAMPS)],
      ['IsNull', () => true], ['IsPresent', () => g.chance(0.5)], ['IsNumeric', () => true], ['IsString', () => false], ['IsBoolean', () => true], ['IsTimestamp', () => true],
      ['StringEqualsPath', () => this.path()], ['NumericLessThanPath', () => this.path()], ['TimestampGreaterThanPath', () => this.path()], ['BooleanEqualsPath', () => this.path()],
      ['NumericEqualsPath', () => this.path()], ['StringMatchesPath', () => this.path()],
    ];
    const [op, value] = g.pick(ops);
    return { Variable: this.path(), [op]: this.v(value, 0.1) };
  }

  outcome(): TaskOutcome | TaskOutcome[] {
    const g = this.g;
    const one = (): TaskOutcome => {
      const k = g.int(0, 9);
      const afterMs = g.chance(0.3) ? g.pick([0, 10, 1500, 70000, 4000000]) : undefined;
      const t = afterMs !== undefined ? { afterMs } : {};
      if (k <= 4) return { output: this.taskOutput(), ...(g.chance(0.05) ? { submitted: this.taskOutput() } : {}), ...(g.chance(0.05) ? { workerName: g.pick(['w', '', 'x'.repeat(100)]) } : {}), ...t, ...(g.chance(0.1) ? { heartbeats: g.int(1, 3), heartbeatEveryMs: 1000 } : {}) };
      if (k <= 7) return { error: g.pick(ERRORS.filter((e) => e !== 'States.ALL')), ...(g.chance(0.5) ? { cause: g.pick(['c', '', '{"a":1}', 'x'.repeat(40)]) } : {}), ...t, ...(g.chance(0.1) ? { phase: g.pick(['schedule', 'start', 'submit'] as const) } : {}) };
      if (k === 8) return { hang: true, ...(g.chance(0.3) ? { heartbeats: 2, heartbeatEveryMs: 2000 } : {}) };
      return { output: null, started: false, ...t };
    };
    return g.chance(0.3) ? Array.from({ length: g.int(2, 3) }, one) : one();
  }

  taskOutput(): Json {
    const g = this.g;
    switch (g.int(0, 6)) {
      case 0: return { Payload: randomJson(g) };
      case 1: return { Output: g.pick(['not json', '{"a":1}', '', 'null', '[1,2]', '{"a":']), Status: g.pick(['SUCCEEDED', 'FAILED']), ExecutionArn: 'arn:x' };
      case 2: return { Output: { a: 1 }, OutputDetails: { Included: true } };
      case 3: return { StatusCode: 200, Payload: g.pick(['', '{}', null, 'x']), ResponseBody: randomJson(g) };
      case 4: return g.pick(ODD);
      case 5: return { big: 'x'.repeat(g.pick([10, 300000])) };
      default: return randomJson(g);
    }
  }

  map(s: Record<string, Json>, ql: QL, later: string[], depth: number, _opts: { distributed?: boolean }): void {
    const g = this.g;
    const J = ql === 'JSONata';
    const distributed = g.chance(0.35);
    const deep = depth < 2;
    const processor = this.graph(this.top, depth + 1, deep ? 3 : 1, { distributed });
    if (!distributed && g.chance(0.08)) {
      delete processor.ProcessorConfig;
      s.Iterator = processor; // legacy
    } else s.ItemProcessor = this.rare(0.03) ? this.odd() : processor;
    if (J) {
      if (g.chance(0.6)) s.Items = g.chance(0.7) ? this.jsonata() : this.v(() => [1, 2, { a: 1 }], 0.5);
      if (g.chance(0.3)) s.ItemSelector = this.jtemplate();
    } else {
      if (g.chance(0.6)) s.ItemsPath = this.path();
      if (g.chance(0.3)) s[g.chance(0.8) ? 'ItemSelector' : 'Parameters'] = this.template();
    }
    const numOrExpr = (pos: 'nat' | 'pos' | 'any') => (J && g.chance(0.5) ? this.jsonata() : this.num(pos));
    if (g.chance(0.3)) {
      if (!J && g.chance(0.3)) s.MaxConcurrencyPath = this.path();
      else s.MaxConcurrency = numOrExpr('nat');
    }
    if (distributed || g.chance(0.1)) {
      if (g.chance(0.25)) {
        if (!J && g.chance(0.3)) s.ToleratedFailureCountPath = this.path();
        else s.ToleratedFailureCount = numOrExpr('nat');
      }
      if (g.chance(0.25)) {
        if (!J && g.chance(0.3)) s.ToleratedFailurePercentagePath = this.path();
        else s.ToleratedFailurePercentage = numOrExpr('any');
      }
      if (g.chance(0.25)) {
        const b: Record<string, Json> = {};
        if (g.chance(0.6)) {
          if (!J && g.chance(0.3)) b.MaxItemsPerBatchPath = this.path();
          else b.MaxItemsPerBatch = numOrExpr('pos');
        }
        if (g.chance(0.4)) {
          if (!J && g.chance(0.3)) b.MaxInputBytesPerBatchPath = this.path();
          else b.MaxInputBytesPerBatch = numOrExpr('pos');
        }
        if (g.chance(0.3)) b.BatchInput = J ? (g.chance(0.5) ? this.jtemplate() : this.jobject()) : this.template();
        s.ItemBatcher = this.rare(0.04) ? this.odd() : b;
      }
      if (g.chance(0.1)) {
        const reader: Record<string, Json> = { Resource: g.pick(['arn:aws:states:::s3:getObject', 'arn:aws:states:::s3:listObjectsV2', 'arn:aws:states:::s3:getObject.sync']) };
        reader[J ? 'Arguments' : 'Parameters'] = J ? { Bucket: 'b', Key: g.chance(0.5) ? 'k' : this.jsonata() } : { Bucket: 'b', 'Key.$': this.path() };
        if (g.chance(0.5)) reader.ReaderConfig = { InputType: g.pick(['JSON', 'CSV', 'JSONL', 'MANIFEST']), ...(g.chance(0.5) ? { MaxItems: this.num('nat') } : {}), ...(g.chance(0.3) && !J ? { MaxItemsPath: this.path() } : {}), ...(g.chance(0.3) ? { CSVHeaderLocation: 'FIRST_ROW' } : {}) };
        s.ItemReader = reader;
      }
      if (g.chance(0.08)) s.ResultWriter = { ...(g.chance(0.8) ? { Resource: 'arn:aws:states:::s3:putObject', [J ? 'Arguments' : 'Parameters']: { Bucket: 'b', Prefix: 'p' } } : {}), ...(g.chance(0.4) ? { WriterConfig: { OutputType: g.pick(['JSON', 'JSONL']), Transformation: g.pick(['NONE', 'COMPACT', 'FLATTEN']) } } : {}) };
      if (g.chance(0.15)) s.Label = this.v(() => g.pick(['L', 'my-label', 'x'.repeat(41), 'a b', '']));
    }
    if (g.chance(0.25)) s.Retry = this.retry();
    if (g.chance(0.25) && (later.length > 0 || this.rare(0.2))) s.Catch = this.catch(ql, later);
  }
}

interface Generated {
  definition: Record<string, Json>;
  input: Json;
  tasks: Record<string, TaskOutcome | TaskOutcome[]>;
  stopAfterMs?: number;
  redrive?: boolean;
  limits?: { maxPayloadBytes?: number; maxHistoryEvents?: number };
}

function generate(seed: number): Generated {
  const g = new Gen(prng(seed));
  const tasks: Record<string, TaskOutcome | TaskOutcome[]> = {};
  const m = new Machines(g, tasks, g.pick([0, 0.1, 0.3, 0.6, 1]));
  const ql: QL = g.chance(0.5) ? 'JSONata' : 'JSONPath';
  m.top = ql;
  const definition = m.graph(ql, 0, 5, { topLevel: true });
  // a top-level JSONPath machine only says so (or says nothing); a JSONata one must say it
  if (ql === 'JSONata' && !m.rare(0.15)) definition.QueryLanguage = 'JSONata';
  const limits = g.chance(0.1) ? { ...(g.chance(0.7) ? { maxPayloadBytes: g.pick([16, 64, 200, 1000]) } : {}), ...(g.chance(0.5) ? { maxHistoryEvents: g.pick([3, 10, 40]) } : {}) } : undefined;
  return { definition, input: randomInput(g), tasks, stopAfterMs: g.chance(0.3) ? g.pick([0, 500, 5000, 3600000]) : undefined, redrive: g.chance(0.2), limits };
}

interface Crash {
  seed: number;
  phase: 'validate' | 'engine';
  message: string;
  stack: string;
  definition: Json;
  input: Json;
  tasks: Json;
}

const ENDED = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']);

/** Bounds a run that would otherwise wait forever (a task that never answers, a far timestamp). */
const FOREVER_MS = 400 * 24 * 3600 * 1000;

function range(): [number, number] {
  const spec = process.env.FUZZ_SEEDS;
  // Seed 6643 found nested states run in the enclosing Map's or Parallel's query language where
  // validation read them in the machine's; both now use the machine's.
  if (!spec) return [0, 18000];
  const [from, to] = spec.split('-').map(Number);
  return [from!, to!];
}

test('every definition that validation accepts runs to an end without throwing', async () => {
  const [from, to] = range();
  const crashes: Crash[] = [];
  const statuses: Record<string, number> = {};
  let accepted = 0;
  const rejections: Record<string, number> = {};
  const started = Date.now();
  for (let seed = from; seed < to; seed++) {
    const c = generate(seed);
    const text = JSON.stringify(c.definition);
    let ok: boolean;
    try {
      ok = !validateDefinition(text, { severity: 'ERROR' }).diagnostics.some((d) => d.severity === 'ERROR');
    } catch (e) {
      const err = e as Error;
      crashes.push({ seed, phase: 'validate', message: String(err?.message ?? e), stack: String(err?.stack ?? ''), definition: c.definition, input: c.input, tasks: c.tasks as Json });
      continue;
    }
    if (!ok) {
      if (process.env.FUZZ_DIAG) for (const d of validateDefinition(text).diagnostics) { const key = `${d.message.slice(0, 90)} @ ${String(d.location).replace(/D[0-9]+_[0-9]+/g, "S").replace(/\[[0-9]+\]/g, "[]")}`; rejections[key] = (rejections[key] ?? 0) + 1; }
      continue;
    }
    accepted++;
    try {
      const r = await drive(c.definition as unknown as StateMachineDefinition, c.input, {
        tasks: c.tasks,
        stopAfterMs: c.stopAfterMs ?? FOREVER_MS,
        maxInputs: 200000,
        redrive: c.redrive,
        ...(c.limits ? { engine: { limits: c.limits } } : {}),
      });
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (!ENDED.has(r.status)) throw new Error(`the run did not end: ${r.status} after ${r.inputs.length} inputs`);
    } catch (e) {
      const err = e as Error;
      crashes.push({ seed, phase: 'engine', message: String(err?.message ?? e), stack: String(err?.stack ?? ''), definition: c.definition, input: c.input, tasks: c.tasks as Json });
    }
  }
  const elapsed = Date.now() - started;
  if (process.env.FUZZ_DIAG) console.log(Object.entries(rejections).sort((a, b) => b[1] - a[1]).slice(0, 40).map(([m, n]) => `${n} ${m}`).join('\n'));
  if (process.env.FUZZ_REPORT) {
    const dir = join(__dirname, '../../../.prof');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'fuzz-crashes.json'), JSON.stringify({ from, to, accepted, statuses, elapsed, crashes }, null, 2));
    console.log(`fuzz: seeds ${from}-${to}, ${accepted} accepted, ${crashes.length} crashes, ${elapsed} ms`, statuses);
  }
  for (const c of crashes.slice(0, 5)) console.log(`seed ${c.seed} (${c.phase}): ${c.stack.split('\n').slice(0, 4).join('\n')}\n${JSON.stringify(c.definition)}\ninput ${JSON.stringify(c.input)}`);
  // enough machines are accepted for the test to mean something
  expect(accepted).toBeGreaterThan((to - from) / 5);
  expect(crashes.map((c) => `${c.seed} ${c.phase}: ${c.message}`)).toEqual([]);
}, 120000);

/** Every typed JSONata field × every odd value, one at a time, in a machine otherwise valid. */
function sweep(): Array<{ label: string; definition: Record<string, Json> }> {
  const values: Json[] = [...ODD, ...JSONATA];
  const processor = (distributed: boolean): Json => ({ ...(distributed ? { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } } : {}), StartAt: 'I', States: { I: { Type: 'Pass', End: true } } });
  const slots: Array<[string, (v: Json) => Record<string, Json>]> = [
    ['Task.TimeoutSeconds', (v) => ({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'F' }, TimeoutSeconds: v, End: true })],
    ['Task.HeartbeatSeconds', (v) => ({ Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:A', TimeoutSeconds: 100, HeartbeatSeconds: v, End: true })],
    ['Task.Arguments', (v) => ({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: v, End: true })],
    ['Task.Credentials', (v) => ({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'F' }, Credentials: { RoleArn: v }, End: true })],
    ['Pass.Output', (v) => ({ Type: 'Pass', Output: v, End: true })],
    ['Pass.Assign', (v) => ({ Type: 'Pass', Assign: { x: v }, End: true })],
    ['Wait.Seconds', (v) => ({ Type: 'Wait', Seconds: v, End: true })],
    ['Wait.Timestamp', (v) => ({ Type: 'Wait', Timestamp: v, End: true })],
    ['Fail.Error', (v) => ({ Type: 'Fail', Error: v })],
    ['Fail.Cause', (v) => ({ Type: 'Fail', Cause: v })],
    ['Choice.Condition', (v) => ({ Type: 'Choice', Choices: [{ Condition: v, Next: 'Z' }], Default: 'Z' })],
    ['Choice.Output', (v) => ({ Type: 'Choice', Choices: [{ Condition: '{% true %}', Next: 'Z', Output: v }] })],
    ['Parallel.Arguments', (v) => ({ Type: 'Parallel', Arguments: v, Branches: [processor(false)], End: true })],
    ...[false, true].flatMap((d): Array<[string, (v: Json) => Record<string, Json>]> => {
      const m = (fields: Record<string, Json>) => ({ Type: 'Map', Items: '{% [1, 2] %}', ItemProcessor: processor(d), ...fields, End: true });
      const n = d ? 'DMap' : 'Map';
      return [
        [`${n}.Items`, (v) => ({ ...m({}), Items: v })],
        [`${n}.ItemSelector`, (v) => m({ ItemSelector: v })],
        [`${n}.MaxConcurrency`, (v) => m({ MaxConcurrency: v })],
        [`${n}.ToleratedFailureCount`, (v) => m({ ToleratedFailureCount: v })],
        [`${n}.ToleratedFailurePercentage`, (v) => m({ ToleratedFailurePercentage: v })],
        [`${n}.ItemBatcher.MaxItemsPerBatch`, (v) => m({ ItemBatcher: { MaxItemsPerBatch: v } })],
        [`${n}.ItemBatcher.MaxInputBytesPerBatch`, (v) => m({ ItemBatcher: { MaxInputBytesPerBatch: v } })],
        [`${n}.ItemBatcher.BatchInput`, (v) => m({ ItemBatcher: { MaxItemsPerBatch: 1, BatchInput: v } })],
        [`${n}.ItemReader.MaxItems`, (v) => m({ ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Arguments: { Bucket: 'b', Key: 'k' }, ReaderConfig: { InputType: 'JSON', MaxItems: v } } })],
        [`${n}.Label`, (v) => m({ Label: v })],
      ];
    }),
  ];
  const out: Array<{ label: string; definition: Record<string, Json> }> = [];
  for (const [label, make] of slots) {
    values.forEach((v, i) => {
      const states = { S: make(v), Z: { Type: 'Succeed' } };
      out.push({ label: `${label} #${i} (top-level JSONata)`, definition: { QueryLanguage: 'JSONata', StartAt: 'S', States: states } });
      out.push({ label: `${label} #${i} (state-level JSONata)`, definition: { StartAt: 'S', States: { ...states, S: { ...states.S, QueryLanguage: 'JSONata' } } } });
    });
  }
  return out;
}

/** Runs every accepted case on each input; a run that throws or does not end is a crash. */
async function runSweep(
  cases: Array<{ label: string; definition: Record<string, Json> }>,
  inputs: Json[],
  options: Parameters<typeof drive>[2],
  report: string,
): Promise<void> {
  const crashes: string[] = [];
  let accepted = 0;
  for (const c of cases) {
    if (validateDefinition(JSON.stringify(c.definition)).diagnostics.some((d) => d.severity === 'ERROR')) continue;
    accepted++;
    for (const input of inputs) {
      try {
        const r = await drive(c.definition as unknown as StateMachineDefinition, input, options);
        if (!ENDED.has(r.status)) throw new Error(`the run did not end: ${r.status}`);
      } catch (e) {
        crashes.push(`${c.label} input ${JSON.stringify(input)}: ${(e as Error).message} ${JSON.stringify(c.definition)}`);
        break;
      }
    }
  }
  if (process.env.FUZZ_REPORT) {
    mkdirSync(join(__dirname, '../../../.prof'), { recursive: true });
    writeFileSync(join(__dirname, `../../../.prof/${report}.json`), JSON.stringify({ accepted, crashes }, null, 2));
    console.log(`${report}: ${accepted} accepted, ${crashes.length} crashes`);
  }
  expect(accepted).toBeGreaterThan(100);
  expect(crashes).toEqual([]);
}

test('typed JSONata fields with odd values: accepted means run to an end', async () => {
  await runSweep(sweep(), [{ a: 1, arr: [1, 2] }, null, 'x', [1, 2]], { stopAfterMs: FOREVER_MS }, 'fuzz-sweep-crashes');
}, 60000);

/** Every JSONPath path/template field × paths, intrinsics and odd values, against inputs of every shape. */
function sweepJsonPath(): Array<{ label: string; definition: Record<string, Json> }> {
  const values: Json[] = [...ODD, ...PATHS, ...INTRINSICS];
  const processor = (distributed: boolean): Json => ({ ...(distributed ? { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } } : {}), StartAt: 'I', States: { I: { Type: 'Pass', End: true } } });
  const task = { Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:A', End: true };
  const slots: Array<[string, (v: Json) => Record<string, Json>]> = [
    ['Pass.InputPath', (v) => ({ Type: 'Pass', InputPath: v, End: true })],
    ['Pass.OutputPath', (v) => ({ Type: 'Pass', OutputPath: v, End: true })],
    ['Pass.ResultPath', (v) => ({ Type: 'Pass', ResultPath: v, End: true })],
    ['Pass.Parameters', (v) => ({ Type: 'Pass', Parameters: { 'p.$': v, q: { 'r.$': v } }, End: true })],
    ['Pass.Assign', (v) => ({ Type: 'Pass', Assign: { 'x.$': v }, End: true })],
    ['Task.TimeoutSecondsPath', (v) => ({ ...task, TimeoutSecondsPath: v })],
    ['Task.HeartbeatSecondsPath', (v) => ({ ...task, TimeoutSeconds: 100, HeartbeatSecondsPath: v })],
    ['Task.ResultSelector', (v) => ({ ...task, ResultSelector: { 'p.$': v } })],
    ['Task.Credentials', (v) => ({ ...task, Credentials: { 'RoleArn.$': v } })],
    ['Wait.SecondsPath', (v) => ({ Type: 'Wait', SecondsPath: v, End: true })],
    ['Wait.TimestampPath', (v) => ({ Type: 'Wait', TimestampPath: v, End: true })],
    ['Fail.ErrorPath', (v) => ({ Type: 'Fail', ErrorPath: v })],
    ['Fail.CausePath', (v) => ({ Type: 'Fail', CausePath: v })],
    ['Choice.Variable', (v) => ({ Type: 'Choice', Choices: [{ Variable: v, IsPresent: true, Next: 'Z' }], Default: 'Z' })],
    ['Choice.NumericEqualsPath', (v) => ({ Type: 'Choice', Choices: [{ Variable: '$', NumericEqualsPath: v, Next: 'Z' }], Default: 'Z' })],
    ['Choice.TimestampLessThanPath', (v) => ({ Type: 'Choice', Choices: [{ Variable: '$', TimestampLessThanPath: v, Next: 'Z' }], Default: 'Z' })],
    ...[false, true].flatMap((d): Array<[string, (v: Json) => Record<string, Json>]> => {
      const m = (fields: Record<string, Json>) => ({ Type: 'Map', ItemsPath: '$.items', ItemProcessor: processor(d), ...fields, End: true });
      const n = d ? 'DMap' : 'Map';
      return [
        [`${n}.ItemsPath`, (v) => m({ ItemsPath: v })],
        [`${n}.ItemSelector`, (v) => m({ ItemSelector: { 'p.$': v } })],
        [`${n}.MaxConcurrencyPath`, (v) => m({ MaxConcurrencyPath: v })],
        [`${n}.ToleratedFailureCountPath`, (v) => m({ ToleratedFailureCountPath: v })],
        [`${n}.ToleratedFailurePercentagePath`, (v) => m({ ToleratedFailurePercentagePath: v })],
        [`${n}.ItemBatcher.MaxItemsPerBatchPath`, (v) => m({ ItemBatcher: { MaxItemsPerBatchPath: v } })],
        [`${n}.ItemBatcher.MaxInputBytesPerBatchPath`, (v) => m({ ItemBatcher: { MaxInputBytesPerBatchPath: v } })],
        [`${n}.ItemBatcher.BatchInput`, (v) => m({ ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { 'p.$': v } } })],
        [`${n}.ItemReader.MaxItemsPath`, (v) => m({ ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', Key: 'k' }, ReaderConfig: { InputType: 'JSON', MaxItemsPath: v } } })],
      ];
    }),
  ];
  return slots.flatMap(([label, make]) => values.map((v, i) => ({ label: `${label} #${i}`, definition: { StartAt: 'S', States: { S: make(v), Z: { Type: 'Succeed' } } } })));
}

test('JSONPath fields with odd paths and intrinsics: accepted means run to an end', async () => {
  const g = new Gen(prng(7));
  const inputs: Json[] = [randomInput(new Gen(prng(1))), null, 'x', [1, 2], { items: 'x', a: { b: [] }, n: -1, ts: 5, s: null }, ...Array.from({ length: 3 }, () => randomInput(g))];
  await runSweep(sweepJsonPath(), inputs, { stopAfterMs: FOREVER_MS, tasks: { S: { output: { a: 1, items: [1] } } } }, 'fuzz-sweep-jsonpath-crashes');
}, 60000);
