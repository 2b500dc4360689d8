import { jsonataLib } from '../jsonata/jsonata-lib';

/** What a parsed expression reads that AWS refuses at definition time. */
export interface JsonataReferences {
  /** Names read from the (absent) context item at the top level: `phone` in `{% phone %}`. */
  topLevelNames: string[];
  /** `$$` somewhere at the top level. */
  rootDocument: boolean;
  /** `$states.errorOutput` anywhere. */
  errorOutput: boolean;
  /** `$states.result` anywhere. */
  result: boolean;
}

type Node = { type?: string; value?: unknown; [key: string]: unknown };

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp);
}

/**
 * Walks the AST of an expression that parses. An AWS expression has no context item, so a path
 * whose first step is a bare name reads nothing and AWS refuses it ("Reference to 'x' at the top
 * level is not supported."); inside a filter, a later path step or a lambda the name is relative to
 * something real and allowed (states-language.net, "JSONata expressions").
 */
export function jsonataReferences(source: string): JsonataReferences {
  const found: JsonataReferences = { topLevelNames: [], rootDocument: false, errorOutput: false, result: false };
  const visit = (node: unknown, topLevel: boolean): void => {
    if (Array.isArray(node)) {
      node.forEach((n) => visit(n, topLevel));
      return;
    }
    if (!isNode(node)) return;
    if (node.type === 'path' && Array.isArray(node.steps)) {
      const [first, second] = node.steps as Node[];
      if (first?.type === 'variable' && first.value === 'states' && second?.type === 'name') {
        if (second.value === 'errorOutput') found.errorOutput = true;
        else if (second.value === 'result') found.result = true;
      }
      if (topLevel && first?.type === 'name' && typeof first.value === 'string') {
        if (!found.topLevelNames.includes(first.value)) found.topLevelNames.push(first.value);
      } else if (first) {
        visitChildren(first, topLevel, ['stages', 'predicate', 'group']);
      }
      // Later steps, filters and groups are evaluated against a real item: only $states fields matter there.
      node.steps.slice(1).forEach((s) => visit(s, false));
      if (first) ['stages', 'predicate', 'group'].forEach((k) => visit(first[k], false));
      return;
    }
    if (node.type === 'variable' && node.value === '$' && topLevel) found.rootDocument = true;
    if (node.type === 'lambda') {
      visit(node.body, false);
      return;
    }
    visitChildren(node, topLevel, []);
  };
  const visitChildren = (node: Node, topLevel: boolean, skip: string[]): void => {
    for (const [key, child] of Object.entries(node)) if (!skip.includes(key) && key !== 'position') visit(child, topLevel);
  };
  visit(jsonataLib()(source).ast(), true);
  return found;
}
