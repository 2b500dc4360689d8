import { forEachState } from '../../asl';
import { isIntrinsic, parseIntrinsic, type IntrinsicArg } from '../intrinsics/parse-intrinsic';
import { jsonataLib } from '../jsonata/jsonata-lib';
import { VARIABLE_NAME_SOURCE } from '../jsonpath/variable-name';

type Obj = Record<string, unknown>;

/**
 * DescribeStateMachine's `variableReferences`: for each state (nested ones under their own names),
 * the variables it reads, sorted, each once; states that read none are left out. As recorded on
 * AWS (localstack's test_sfn_api_variable_references.snapshot.json): a JSONPath state reads a
 * variable through a path field (`InputPath: "$x"`), a `.$` member of a payload template or of
 * Assign (a path or an intrinsic's path arguments) and a Choice rule's Variable or `…Path`
 * operand; a plain string `"$x"`, `$.x` and `$$.x` read none. A JSONata state reads the free
 * `$name`s of its `{% %}` expressions other than `$states` (not recorded; inferred).
 */
export function variableReferences(definition: unknown): Record<string, string[]> {
  const out: Record<string, Set<string>> = {};
  if (!isObj(definition)) return {};
  const topLanguage = definition.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
  forEachState(definition, (name, state) => {
    const found = new Set<string>();
    const language = state.QueryLanguage === undefined ? topLanguage : state.QueryLanguage === 'JSONPath' ? 'JSONPath' : 'JSONata';
    if (language === 'JSONPath') jsonPathState(state, found);
    else jsonataValue(withoutGraphs(state), found);
    if (found.size > 0) out[name] = new Set([...(out[name] ?? []), ...found]);
  });
  return Object.fromEntries(Object.entries(out).map(([name, vars]) => [name, [...vars].sort()]));
}

const PATH_FIELDS = [
  'InputPath',
  'OutputPath',
  'ItemsPath',
  'MaxConcurrencyPath',
  'ToleratedFailureCountPath',
  'ToleratedFailurePercentagePath',
  'SecondsPath',
  'TimestampPath',
  'ErrorPath',
  'CausePath',
  'TimeoutSecondsPath',
  'HeartbeatSecondsPath',
] as const;

const TEMPLATE_FIELDS = ['Parameters', 'ItemSelector', 'ResultSelector', 'Assign'] as const;

function jsonPathState(state: Obj, found: Set<string>): void {
  for (const field of PATH_FIELDS) pathVariable(state[field], found);
  for (const field of TEMPLATE_FIELDS) template(state[field], found);
  if (isObj(state.ItemReader)) {
    template(state.ItemReader.Parameters, found);
    if (isObj(state.ItemReader.ReaderConfig)) pathVariable(state.ItemReader.ReaderConfig.MaxItemsPath, found);
  }
  if (isObj(state.ItemBatcher)) {
    template(state.ItemBatcher.BatchInput, found);
    pathVariable(state.ItemBatcher.MaxItemsPerBatchPath, found);
    pathVariable(state.ItemBatcher.MaxInputBytesPerBatchPath, found);
  }
  if (isObj(state.ResultWriter)) template(state.ResultWriter.Parameters, found);
  if (Array.isArray(state.Catch)) for (const c of state.Catch) if (isObj(c)) template(c.Assign, found);
  if (Array.isArray(state.Choices)) for (const rule of state.Choices) choiceRule(rule, found);
}

function choiceRule(rule: unknown, found: Set<string>): void {
  if (!isObj(rule)) return;
  for (const [key, value] of Object.entries(rule)) {
    if (key === 'Variable' || (key.endsWith('Path') && key !== 'Next')) pathVariable(value, found);
    else if (key === 'And' || key === 'Or') (Array.isArray(value) ? value : []).forEach((r) => choiceRule(r, found));
    else if (key === 'Not') choiceRule(value, found);
    else if (key === 'Assign') template(value, found);
  }
}

/** A payload template: `.$` members hold paths or intrinsics; other members nest. */
function template(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) value.forEach((v) => template(v, found));
  if (!isObj(value)) return;
  for (const [key, member] of Object.entries(value)) {
    if (key.endsWith('.$') && typeof member === 'string') {
      if (isIntrinsic(member)) intrinsicVariables(member, found);
      else pathVariable(member, found);
    } else template(member, found);
  }
}

function intrinsicVariables(text: string, found: Set<string>): void {
  let call;
  try {
    call = parseIntrinsic(text);
  } catch {
    return; // validation reports the syntax; an unparsable call reads nothing
  }
  const visit = (args: IntrinsicArg[]) => {
    for (const a of args) {
      if (a.k === 'path') pathVariable(a.path, found);
      else if (a.k === 'call') visit(a.call.args);
    }
  };
  visit(call.args);
}

const VARIABLE = new RegExp(`^\\$(${VARIABLE_NAME_SOURCE})`, 'u');

function pathVariable(path: unknown, found: Set<string>): void {
  if (typeof path !== 'string') return;
  const m = VARIABLE.exec(path);
  if (m) found.add(m[1]!);
}

/** A JSONata state's fields, its nested graphs left to their own states. */
function withoutGraphs(state: Obj): Obj {
  const { Branches: _b, ItemProcessor: _p, Iterator: _i, ...rest } = state;
  return rest;
}

const EXPRESSION = /^\s*\{%([\s\S]*)%\}\s*$/;

function jsonataValue(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) value.forEach((v) => jsonataValue(v, found));
  else if (isObj(value)) Object.values(value).forEach((v) => jsonataValue(v, found));
  else if (typeof value === 'string') {
    const m = EXPRESSION.exec(value);
    if (m) jsonataVariables(m[1]!, found);
  }
}

type Node = { type?: string; value?: unknown; [key: string]: unknown };

/** Free variables of an expression: not `$states`, not a function called, not bound inside it. */
function jsonataVariables(source: string, found: Set<string>): void {
  let ast: unknown;
  try {
    ast = jsonataLib()(source).ast();
  } catch {
    return;
  }
  const read = new Set<string>();
  const bound = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObj(node)) return;
    const n = node as Node;
    if (n.type === 'bind' && isObj(n.lhs) && typeof n.lhs.value === 'string') bound.add(n.lhs.value);
    if (n.type === 'lambda' && Array.isArray(n.arguments)) for (const a of n.arguments as Node[]) if (typeof a.value === 'string') bound.add(a.value);
    if (n.type === 'variable' && typeof n.value === 'string') read.add(n.value);
    for (const [key, child] of Object.entries(n)) {
      if (key === 'position') continue;
      // A called function's name is not a variable read.
      if (key === 'procedure' && isObj(child) && (child as Node).type === 'variable') continue;
      visit(child);
    }
  };
  visit(ast);
  for (const name of read) if (name !== '' && name !== '$' && name !== 'states' && !bound.has(name)) found.add(name);
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
