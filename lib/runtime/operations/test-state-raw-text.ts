import { compilePath } from '../../engine/jsonpath';

/**
 * The text a simple path (`$`, `$.a.b`, `$['a'][0]`, or the same from `$$`) selects inside a JSON
 * text, exactly as written there, or undefined when the path is not that simple or selects nothing.
 * AWS shows a value it read from a given text with that text's own spacing (a mocked Map's
 * afterItemsPath, localstack's test_state_configuration and test_state_context_object snapshots).
 */
export function rawTextAt(text: string, path: string): string | undefined {
  let compiled;
  try {
    compiled = compilePath(path);
  } catch {
    return undefined;
  }
  if (compiled.root === 'variable') return undefined;
  let start = skipSpace(text, 0);
  let end = valueEnd(text, start);
  if (end === undefined) return undefined;
  for (const segment of compiled.segments) {
    const found = segment.k === 'name' ? member(text, start, segment.name) : segment.k === 'index' ? element(text, start, segment.index) : undefined;
    if (!found) return undefined;
    [start, end] = found;
  }
  return text.slice(start, end);
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  return i;
}

/** Where the JSON value starting at `i` ends (exclusive), or undefined for text that is not JSON there. */
function valueEnd(text: string, i: number): number | undefined {
  const c = text[i];
  if (c === '"') {
    for (let j = i + 1; j < text.length; j++) {
      if (text[j] === '\\') j++;
      else if (text[j] === '"') return j + 1;
    }
    return undefined;
  }
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text[j];
      if (d === '"') {
        const e = valueEnd(text, j);
        if (e === undefined) return undefined;
        j = e - 1;
      } else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return undefined;
  }
  let j = i;
  while (j < text.length && !',]} \t\n\r'.includes(text[j]!)) j++;
  return j > i ? j : undefined;
}

/** The values of an object or array starting at `i`, each with its key (objects) and its span. */
function* entries(text: string, i: number): Generator<{ key?: string; start: number; end: number }> {
  const open = text[i];
  if (open !== '{' && open !== '[') return;
  let j = skipSpace(text, i + 1);
  if (text[j] === '}' || text[j] === ']') return;
  for (;;) {
    let key: string | undefined;
    if (open === '{') {
      const keyEnd = valueEnd(text, j);
      if (keyEnd === undefined) return;
      key = JSON.parse(text.slice(j, keyEnd)) as string;
      j = skipSpace(text, keyEnd);
      if (text[j] !== ':') return;
      j = skipSpace(text, j + 1);
    }
    const end = valueEnd(text, j);
    if (end === undefined) return;
    yield { ...(key !== undefined ? { key } : {}), start: j, end };
    j = skipSpace(text, end);
    if (text[j] !== ',') return;
    j = skipSpace(text, j + 1);
  }
}

function member(text: string, i: number, name: string): [number, number] | undefined {
  if (text[i] !== '{') return undefined;
  let found: [number, number] | undefined;
  // The last of duplicate keys wins, as when the text is parsed.
  for (const e of entries(text, i)) if (e.key === name) found = [e.start, e.end];
  return found;
}

function element(text: string, i: number, index: number): [number, number] | undefined {
  if (text[i] !== '[' || index < 0) return undefined;
  let n = 0;
  for (const e of entries(text, i)) if (n++ === index) return [e.start, e.end];
  return undefined;
}
