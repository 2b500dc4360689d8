import type jsonata from 'jsonata';
import { jsonataLib } from './jsonata-lib';
import { installEvaluationBounds } from './evaluation-bounds';

/** A parsed expression and the `$names` it mentions, so only those are bound when it runs. */
export interface CompiledExpression {
  readonly expression: jsonata.Expression;
  readonly variables: readonly string[];
  /** Names that appear only in call position: `$count(...)`, `~> $count`. */
  readonly calledOnly: ReadonlySet<string>;
}

/** A JSONata error as jsonata-js throws it: a plain object with a code and a rendered message. */
export interface JsonataError {
  code?: string;
  message?: string;
  position?: number;
  token?: string;
}

export type CompileResult = { ok: true; compiled: CompiledExpression } | { ok: false; error: JsonataError };

/** Compiled expressions by source text. Bounded so a stream of distinct expressions cannot grow it forever. */
const cache = new Map<string, CompileResult>();
const CACHE_LIMIT = 10_000;

/** Parses `source` once; later calls with the same text reuse the result (syntax errors included). */
export function compileJsonata(source: string): CompileResult {
  let result = cache.get(source);
  if (result) return result;
  try {
    const expression = jsonataLib()(source);
    installEvaluationBounds(expression);
    result = { ok: true, compiled: { expression, ...referencedVariables(expression.ast()) } };
  } catch (e) {
    result = { ok: false, error: e as JsonataError };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(source, result);
  return result;
}

/** Every `$name` the AST mentions (variables, called functions, `$states`), and which are only called. */
function referencedVariables(ast: unknown): { variables: string[]; calledOnly: Set<string> } {
  const names = new Set<string>();
  const asValue = new Set<string>();
  const callees = new Set<object>();
  const seen = new Set<object>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node) || node instanceof RegExp) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    const record = node as Record<string, unknown>;
    const callee = record.type === 'function' || record.type === 'partial' ? record.procedure : record.type === 'apply' ? record.rhs : undefined;
    if (callee !== null && typeof callee === 'object') callees.add(callee);
    if (record.type === 'variable' && typeof record.value === 'string' && record.value !== '') {
      names.add(record.value);
      if (!callees.has(record)) asValue.add(record.value);
    }
    for (const key of Object.keys(record)) walk(record[key]);
  };
  walk(ast);
  return { variables: [...names], calledOnly: new Set([...names].filter((name) => !asValue.has(name))) };
}
