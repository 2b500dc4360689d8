import type { Json } from '../../asl';
import { handAhead, parseJson } from './json-text';

/**
 * Jackson, the JSON parser behind Step Functions, refuses a document nested deeper than 1000
 * arrays and objects (StreamReadConstraints' default maximum nesting depth). The engine's own JSON
 * code recurses, so a text nested far deeper would exhaust the stack; it is refused on entry with
 * Jackson's words instead.
 */
export const MAX_JSON_NESTING_DEPTH = 1000;

/** Where `text` first nests deeper than `max` (the offset of the bracket that does), or undefined. One pass, no recursion. */
export function excessNesting(text: string, max = MAX_JSON_NESTING_DEPTH): { depth: number; offset: number } | undefined {
  // Nesting deeper than `max` takes more than `max` characters: most texts need no scan.
  if (text.length <= max) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return { depth, offset: i };
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

/** Jackson's message for a document nested `depth` deep. */
export function nestingDepthMessage(depth: number, max = MAX_JSON_NESTING_DEPTH): string {
  return `Document nesting depth (${depth}) exceeds the maximum allowed (${max}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`;
}

/** Jackson's message when `text` nests deeper than the maximum, else undefined. */
export function nestingDepthProblem(text: string): string | undefined {
  const excess = excessNesting(text);
  return excess && nestingDepthMessage(excess.depth);
}

/**
 * Why a text is no JSON document the engine can read (the parser's message, or Jackson's nesting
 * one), else undefined. A readable text's value is handed ahead to the engine, which reads it next.
 */
export function unreadableJson(text: string): string | undefined {
  let value: Json;
  try {
    value = parseJson(text);
  } catch (err) {
    return (err as Error).message;
  }
  // A parsed document deeper than the maximum closes every bracket it opens: at least 2 × (max + 1) characters.
  const problem = text.length < 2 * (MAX_JSON_NESTING_DEPTH + 1) ? undefined : nestingDepthProblem(text);
  if (problem === undefined) handAhead(text, value);
  return problem;
}
