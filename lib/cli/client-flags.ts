import type { FlagSpec } from './parse-flags';

/** The flags every client command takes. */
export const CLIENT_FLAGS = {
  'endpoint-url': { type: 'string' },
  port: { type: 'string' },
  region: { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies FlagSpec;

export const CLIENT_USAGE = `  --endpoint-url URL  the local service (default http://127.0.0.1:8083, or $SAGAFLOW_ENDPOINT)
  --port N            the local service on 127.0.0.1:N (as \`sagaflow serve --port N\` started it)
  --json              print JSON for scripts instead of text`;

/** Dates in --json output: ISO 8601 strings. */
export function isoOrNull(date: Date | undefined): string | null {
  return date ? date.toISOString() : null;
}

/** Dates in text output: `2024-01-02 03:04:05Z`. */
export function shortTime(date: Date | undefined): string {
  return date ? date.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z') : '-';
}
