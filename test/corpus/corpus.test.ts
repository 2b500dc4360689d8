import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { drive, replay, START_TIME } from '../engine/core/engine-driver';
import type { CorpusCase } from './corpus-case';

/**
 * The conformance corpus: every `*.json` under test/corpus/ is run through the pure engine, its
 * outcome and history compared with what AWS does, and its inputs replayed to check that a fresh
 * execution rebuilds exactly the same events.
 */

function caseFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return caseFiles(path);
    return entry.endsWith('.json') ? [path] : [];
  });
}

const root = __dirname;
const files = caseFiles(root).sort();

function load(file: string): CorpusCase[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as CorpusCase | CorpusCase[];
  const cases = Array.isArray(parsed) ? parsed : [parsed];
  for (const c of cases) {
    for (const field of ['description', 'source', 'definition', 'expect'] as const) {
      if (c[field] === undefined) throw new Error(`${relative(root, file)}: a case has no '${field}'`);
    }
  }
  return cases;
}

test('the corpus is not empty', () => {
  expect(files.length).toBeGreaterThan(0);
});

describe.each(files.map((f) => [relative(root, f), f] as const))('%s', (_name, file) => {
  test.each(load(file).map((c) => [c.description, c] as const))('%s', async (_d, c) => {
    const o = c.options ?? {};
    const r = await drive(c.definition, c.input === undefined ? {} : c.input, {
      tasks: c.tasks,
      stopAfterMs: o.stopAfterMs,
      stopWith: o.stopWith,
      redrive: o.redrive,
      taskLatencyMs: o.taskLatencyMs,
      engine: o.limits ? { limits: o.limits } : undefined,
    });
    const e = c.expect;
    expect({ status: r.status, error: r.error, cause: r.cause }).toEqual({ status: e.status, error: e.error, cause: e.cause });
    if ('output' in e) expect(r.output).toEqual(e.output);
    if (e.events) expect(r.events.map((ev) => ev.type)).toEqual(e.events);
    if (e.chain) expect(r.events.map((ev) => [ev.id, ev.type, ev.previousEventId])).toEqual(e.chain);
    if (e.at) {
      const times = Object.keys(e.at).map((id) => [Number(id), (r.events.find((ev) => ev.id === Number(id))?.timestamp ?? NaN) - START_TIME]);
      expect(Object.fromEntries(times)).toEqual(Object.fromEntries(Object.entries(e.at).map(([id, ms]) => [Number(id), ms])));
    }
    if (e.details) {
      for (const [id, want] of Object.entries(e.details)) {
        const actual = r.events.find((ev) => ev.id === Number(id));
        expect({ id: Number(id), ...JSON.parse(JSON.stringify(actual ?? {})) }).toMatchObject({ id: Number(id), ...want });
      }
    }
    if (e.history) {
      const actual = r.events.map((ev) => JSON.parse(JSON.stringify({ ...ev, timestamp: undefined })) as Record<string, unknown>);
      expect(actual).toHaveLength(e.history.length);
      e.history.forEach((want, i) => expect({ at: i, ...actual[i] }).toMatchObject({ at: i, ...want }));
    }
    const again = await replay(c.definition, r.inputs, o.limits ? { limits: o.limits } : undefined);
    expect(JSON.parse(JSON.stringify(again.events))).toEqual(JSON.parse(JSON.stringify(r.events)));
  });
});
