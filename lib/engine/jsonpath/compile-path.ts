import type { Json } from '../../asl';
import { VARIABLE_NAME_SOURCE } from './variable-name';

const VARIABLE_ROOT = new RegExp(`^\\$(${VARIABLE_NAME_SOURCE})`, 'u');

/**
 * JSONPath as Step Functions evaluates it (Jayway semantics): `$` the data, `$$` the context
 * object, `$name` a variable. Paths are compiled once and cached, since the same few paths run on
 * every execution.
 */

export type Segment =
  | { k: 'name'; name: string }
  | { k: 'names'; names: string[] }
  | { k: 'index'; index: number }
  | { k: 'indices'; indices: number[] }
  | { k: 'wildcard' }
  | { k: 'slice'; start?: number; end?: number; step?: number }
  | { k: 'deep'; then: Segment }
  | { k: 'filter'; test: (item: Json, root: Json) => boolean };

export interface CompiledPath {
  text: string;
  root: 'input' | 'context' | 'variable';
  variable?: string;
  segments: Segment[];
  /** A definite path selects at most one value; an indefinite one (wildcard, slice, filter, deep scan, union) a list. */
  definite: boolean;
}

export class PathSyntaxError extends Error {}

const cache = new Map<string, CompiledPath>();

export function compilePath(text: string): CompiledPath {
  let compiled = cache.get(text);
  if (!compiled) {
    compiled = parse(text);
    if (cache.size > 10_000) cache.clear();
    cache.set(text, compiled);
  }
  return compiled;
}

function parse(text: string): CompiledPath {
  let i = 0;
  let root: CompiledPath['root'];
  let variable: string | undefined;
  if (text.startsWith('$$')) {
    root = 'context';
    i = 2;
  } else if (text.startsWith('$')) {
    const m = VARIABLE_ROOT.exec(text);
    if (m) {
      root = 'variable';
      variable = m[1];
      i = m[0].length;
    } else {
      root = 'input';
      i = 1;
    }
  } else throw new PathSyntaxError(`path must start with $: ${text}`);

  const segments: Segment[] = [];
  let definite = true;
  const ident = /^[^.[\]\s]+/;
  while (i < text.length) {
    const c = text[i];
    if (c === '.' && text[i + 1] === '.') {
      i += 2;
      definite = false;
      let then: Segment;
      if (text[i] === '*') {
        then = { k: 'wildcard' };
        i++;
      } else if (text[i] === '[') {
        const [seg, next] = bracket(text, i);
        then = seg;
        i = next;
      } else {
        const m = ident.exec(text.slice(i));
        if (!m) throw new PathSyntaxError(`bad deep scan in ${text}`);
        then = { k: 'name', name: m[0] };
        i += m[0].length;
      }
      segments.push({ k: 'deep', then });
    } else if (c === '.' && text[i + 1] === '[') {
      // Jayway reads `$.[...]` as `$[...]`.
      i++;
    } else if (c === '.') {
      i++;
      if (text[i] === '*') {
        segments.push({ k: 'wildcard' });
        definite = false;
        i++;
        continue;
      }
      const m = ident.exec(text.slice(i));
      if (!m) throw new PathSyntaxError(`expected a name after '.' in ${text}`);
      // Jayway's path functions (length(), sum(), …) are plain names here: AWS has no path
      // functions, so `$.Jobs.sum()` matches nothing ("The JSONPath '$.Jobs.sum()' specified for the
      // field 'Jobs.$' could not be found in the input …", an execution quoted on re:Post) and
      // `$.list.length()` is a missing property ("Property ['length()'] not found", awsdocs PR #5).
      segments.push({ k: 'name', name: m[0] });
      i += m[0].length;
    } else if (c === '[') {
      const [seg, next] = bracket(text, i);
      // Jayway: a union of names as the last step merges into one object, so it stays definite.
      const mergesAtLeaf = seg.k === 'names' && next === text.length;
      if (seg.k !== 'name' && seg.k !== 'index' && !mergesAtLeaf) definite = false;
      segments.push(seg);
      i = next;
    } else throw new PathSyntaxError(`unexpected '${c}' in ${text}`);
  }
  return { text, root, variable, segments, definite };
}

/** Parses `[...]` at `i`; returns the segment and the index after `]`. */
function bracket(text: string, i: number): [Segment, number] {
  const close = findClose(text, i);
  const body = text.slice(i + 1, close).trim();
  const next = close + 1;
  if (body === '*') return [{ k: 'wildcard' }, next];
  if (body.startsWith('?(') && body.endsWith(')')) return [{ k: 'filter', test: compileFilter(body.slice(2, -1)) }, next];
  if (body.startsWith("'") || body.startsWith('"')) {
    const names = splitTopLevel(body).map((s) => unquote(s.trim()));
    return [names.length === 1 ? { k: 'name', name: names[0] } : { k: 'names', names }, next];
  }
  if (body.includes(':')) {
    const [a, b, c] = body.split(':').map((s) => (s.trim() === '' ? undefined : Number(s)));
    return [{ k: 'slice', start: a, end: b, step: c }, next];
  }
  if (body.includes(',')) return [{ k: 'indices', indices: body.split(',').map((s) => Number(s.trim())) }, next];
  const n = Number(body);
  if (!Number.isInteger(n)) throw new PathSyntaxError(`bad index [${body}]`);
  return [{ k: 'index', index: n }, next];
}

function findClose(text: string, i: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (quote) {
      if (c === '\\') j++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') {
      depth--;
      if (depth === 0 && c === ']') return j;
    }
  }
  throw new PathSyntaxError(`unclosed [ in ${text}`);
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let j = 0; j < body.length; j++) {
    const c = body[j];
    if (quote) {
      if (c === '\\') j++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === ',') {
      parts.push(body.slice(start, j));
      start = j + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

function unquote(s: string): string {
  return s.slice(1, -1).replace(/\\(.)/g, '$1');
}

// ---- filters: [?(@.a > 1 && @.b == 'x')] --------------------------------------------------------

type Operand = (item: Json, root: Json) => Json | undefined;

function compileFilter(expr: string): (item: Json, root: Json) => boolean {
  const ors = splitLogical(expr, '||');
  if (ors.length > 1) {
    const parts = ors.map(compileFilter);
    return (item, root) => parts.some((p) => p(item, root));
  }
  const ands = splitLogical(expr, '&&');
  if (ands.length > 1) {
    const parts = ands.map(compileFilter);
    return (item, root) => parts.every((p) => p(item, root));
  }
  let e = expr.trim();
  if (e.startsWith('(') && e.endsWith(')')) return compileFilter(e.slice(1, -1));
  const unsupported = unsupportedOperator(e.replace(/^!\s*/, ''));
  if (unsupported) throw new PathSyntaxError(`unsupported operator '${unsupported}' in a filter`);
  if (e.startsWith('!')) {
    const rest = e.slice(1).trim();
    if (rest.startsWith('(')) {
      const inner = compileFilter(rest);
      return (item, root) => !inner(item, root);
    }
    // `!@.key` (Jayway's negated existence): Step Functions Local 2.0.0 also matches a key that is
    // present but null (floci-io/floci#3480).
    const operand = compileOperand(rest);
    return (item, root) => {
      const v = operand(item, root);
      return v === undefined || v === null;
    };
  }
  const m = /^(.*?)\s*(==|!=|<=|>=|<|>)\s*(.*)$/.exec(e);
  if (!m) {
    const operand = compileOperand(e);
    return (item, root) => operand(item, root) !== undefined;
  }
  const left = compileOperand(m[1]);
  const right = compileOperand(m[3]);
  const op = m[2];
  return (item, root) => {
    const a = left(item, root);
    const b = right(item, root);
    if (a === undefined || b === undefined) return false;
    switch (op) {
      case '==':
        return JSON.stringify(a) === JSON.stringify(b);
      case '!=':
        return JSON.stringify(a) !== JSON.stringify(b);
      default: {
        if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) return false;
        const x = a as number | string;
        const y = b as number | string;
        return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
      }
    }
  };
}

/**
 * Jayway's regex and lexical filter operators, which AWS does not support: "Lexical operators,
 * which are non-symbolic, such as subsetof aren't supported. Filtering by regular expression …
 * isn't supported." (developer guide, Paths). The path fails as any other path that cannot be read;
 * the detail naming the operator is ours, since no AWS cause for it is recorded.
 */
const REGEX_OPERATOR = /^[@$][^\s'"=!<>~]*\s*(=~)/;
const LEXICAL_OPERATOR = /^[@$][^\s'"]*\s+(nin|in|subsetof|anyof|noneof|size|empty|contains)(?=\s|$)/;

function unsupportedOperator(expr: string): string | undefined {
  return REGEX_OPERATOR.exec(expr)?.[1] ?? LEXICAL_OPERATOR.exec(expr)?.[1];
}

function splitLogical(expr: string, op: '&&' | '||'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let j = 0; j < expr.length; j++) {
    const c = expr[j];
    if (quote) {
      if (c === '\\') j++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && expr.startsWith(op, j)) {
      parts.push(expr.slice(start, j));
      start = j + 2;
      j++;
    }
  }
  parts.push(expr.slice(start));
  return parts;
}

function compileOperand(text: string): Operand {
  const t = text.trim();
  if (t.startsWith('@')) {
    const inner = compilePath('$' + t.slice(1));
    return (item) => selectDefinite(inner, item);
  }
  if (t.startsWith('$')) {
    const inner = compilePath(t);
    return (_item, root) => selectDefinite(inner, root);
  }
  if (t.startsWith("'") || t.startsWith('"')) {
    const s = unquote(t);
    return () => s;
  }
  let value: Json;
  try {
    value = JSON.parse(t) as Json;
  } catch {
    throw new PathSyntaxError(`unexpected '${t}' in a filter`);
  }
  return () => value;
}

function selectDefinite(path: CompiledPath, data: Json): Json | undefined {
  const values = select(path.segments, data, data);
  return values.length ? values[0] : undefined;
}

// ---- evaluation ---------------------------------------------------------------------------------

function isObject(v: Json | undefined): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function step(seg: Segment, value: Json, root: Json, out: Json[], leaf = false): void {
  switch (seg.k) {
    case 'name':
      if (isObject(value) && Object.prototype.hasOwnProperty.call(value, seg.name)) out.push(value[seg.name]);
      return;
    case 'names':
      if (!isObject(value)) return;
      if (leaf) {
        // Jayway merges a union of names at the end of a path into one object of the keys present.
        const merged: { [k: string]: Json } = {};
        for (const n of seg.names) if (Object.prototype.hasOwnProperty.call(value, n)) merged[n] = value[n]!;
        out.push(merged);
      } else for (const n of seg.names) if (Object.prototype.hasOwnProperty.call(value, n)) out.push(value[n]);
      return;
    case 'index':
      if (Array.isArray(value)) {
        const i = seg.index < 0 ? value.length + seg.index : seg.index;
        if (i >= 0 && i < value.length) out.push(value[i]);
      }
      return;
    case 'indices':
      if (Array.isArray(value)) for (const raw of seg.indices) {
        const i = raw < 0 ? value.length + raw : raw;
        if (i >= 0 && i < value.length) out.push(value[i]);
      }
      return;
    case 'wildcard':
      if (Array.isArray(value)) out.push(...value);
      else if (isObject(value)) out.push(...Object.values(value));
      return;
    case 'slice': {
      if (!Array.isArray(value)) return;
      const len = value.length;
      const norm = (n: number | undefined, d: number) => (n === undefined ? d : n < 0 ? Math.max(0, len + n) : Math.min(n, len));
      const from = norm(seg.start, 0);
      const to = norm(seg.end, len);
      const by = seg.step && seg.step > 0 ? seg.step : 1;
      for (let i = from; i < to; i += by) out.push(value[i]);
      return;
    }
    case 'deep': {
      const walk = (v: Json) => {
        step(seg.then, v, root, out);
        if (Array.isArray(v)) v.forEach(walk);
        else if (isObject(v)) Object.values(v).forEach(walk);
      };
      walk(value);
      return;
    }
    case 'filter':
      // Jayway tests each element of an array, but an object itself (not its values).
      if (Array.isArray(value)) {
        for (const item of value) if (seg.test(item, root)) out.push(item);
      } else if (isObject(value) && seg.test(value, root)) out.push(value);
      return;
  }
}

export function select(segments: Segment[], data: Json, root: Json): Json[] {
  let current: Json[] = [data];
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s]!;
    const leaf = s === segments.length - 1;
    const next: Json[] = [];
    for (const v of current) step(seg, v, root, next, leaf);
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

/**
 * The value a path selects from `data`: for a definite path the value, or undefined when it
 * matches nothing; for an indefinite one the list of matches (possibly empty).
 *
 * AWS reads paths with Jayway over Jackson nodes, where an array index past either end is a JSON
 * null rather than a miss when it is the path's last step: `"v.$": "$.items[5]"` on two items gives
 * `null` (floci-io/floci, measured on AWS). An intrinsic's argument is read `strict`ly: there the
 * same path is a miss (measured too).
 */
export function evaluatePath(path: CompiledPath, data: Json, strict = false): Json | undefined {
  const segments = path.segments;
  if (segments.length === 0) return data;
  // Fast path: plain names, the common case in payload templates.
  if (path.definite) {
    let v: Json | undefined = data;
    const last = segments.length - 1;
    for (let i = 0; i <= last; i++) {
      const seg = segments[i]!;
      if (seg.k === 'name') {
        if (!isObject(v)) return undefined;
        // One lookup instead of hasOwnProperty and a read: what an engine value does not own is
        // Object.prototype's (a function, or __proto__), and no member of a JSON value is either.
        const member: Json | undefined = v[seg.name];
        if (member === undefined || typeof member === 'function' || (seg.name === '__proto__' && !Object.prototype.hasOwnProperty.call(v, seg.name))) return undefined;
        v = member;
      } else {
        const out: Json[] = [];
        step(seg, v as Json, data, out, i === last);
        if (!out.length) return i === last && !strict && seg.k === 'index' && Array.isArray(v) ? null : undefined;
        v = out[0];
      }
    }
    return v;
  }
  return select(segments, data, data);
}

/**
 * Jayway's account of a definite path that matched nothing, as AWS quotes it after
 * "Invalid path '<path>' : ": a property missing before the last step is
 * `Missing property in path $['a']` (the path up to that property), anything else
 * `No results for path: $['a']['b']` (the whole path).
 */
export function missDescription(path: CompiledPath, data: Json | undefined): string {
  if (path.definite && data !== undefined) {
    let v: Json | undefined = data;
    const last = path.segments.length - 1;
    for (let i = 0; i < last; i++) {
      const seg = path.segments[i]!;
      if (seg.k !== 'name') break;
      if (!isObject(v)) break;
      if (!Object.prototype.hasOwnProperty.call(v, seg.name)) {
        return `Missing property in path ${bracketNotation({ ...path, segments: path.segments.slice(0, i + 1) })}`;
      }
      v = v[seg.name];
    }
  }
  return `No results for path: ${bracketNotation(path)}`;
}

/** AWS's rendering of a path in causes: `$['a']['b'][0]`. */
export function bracketNotation(path: CompiledPath): string {
  let s = path.root === 'context' ? '$$' : path.root === 'variable' ? `$${path.variable}` : '$';
  for (const seg of path.segments) {
    if (seg.k === 'name') s += `['${seg.name}']`;
    else if (seg.k === 'index') s += `[${seg.index}]`;
    else if (seg.k === 'wildcard') s += '[*]';
    else if (seg.k === 'deep') s += '..' + (seg.then.k === 'name' ? `['${seg.then.name}']` : '[*]');
    else if (seg.k === 'slice') s += `[${seg.start ?? ''}:${seg.end ?? ''}]`;
    else if (seg.k === 'names') s += `[${seg.names.map((n) => `'${n}'`).join(',')}]`;
    else if (seg.k === 'indices') s += `[${seg.indices.join(',')}]`;
    else s += '[?]';
  }
  return s;
}
