import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LambdaFunctionConfig } from '../runtime/local-service-contract';
import { UsageError } from './command';

type Field = keyof LambdaFunctionConfig;

/** Each field of a function and what it must hold; a misspelt field is refused rather than ignored. */
const FIELDS: { [K in Field]-?: { check: (v: unknown) => boolean; wants: string } } = {
  functionName: { check: (v) => typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v), wants: 'a function name (1-64 letters, digits, - and _)' },
  modulePath: { check: (v) => typeof v === 'string' && v !== '', wants: 'a module path, relative to the file' },
  handlerName: { check: (v) => typeof v === 'string' && v !== '', wants: 'the name of the exported handler' },
  // Lambda's own bounds: 1 to 900 seconds, 128 to 10,240 MB.
  timeoutSeconds: { check: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 900, wants: 'whole seconds, 1 to 900' },
  memorySize: { check: (v) => Number.isInteger(v) && (v as number) >= 128 && (v as number) <= 10240, wants: 'MB, a whole number from 128 to 10240' },
  environment: {
    check: (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string'),
    wants: 'an object of string values',
  },
  isolation: { check: (v) => v === 'worker' || v === 'inline', wants: '"worker" or "inline"' },
  maxConcurrency: { check: (v) => Number.isInteger(v) && (v as number) >= 1, wants: 'a whole number of at least 1' },
};

/** The fields `--functions` takes, for its help. */
export const FUNCTION_FIELDS = Object.keys(FIELDS) as Field[];

/**
 * Reads `--functions FILE`: a JSON array of functions to register, each checked field by field,
 * their module paths resolved next to the file.
 */
export function readFunctionsFile(file: string): LambdaFunctionConfig[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`--functions ${file}: ${(err as Error).message}`);
  }
  if (!Array.isArray(parsed)) throw new UsageError(`--functions ${file}: expected a JSON array of functions`);
  const seen = new Set<string>();
  return parsed.map((entry: unknown, i) => {
    const where = `--functions ${file}: function ${i}`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw new UsageError(`${where} is not an object`);
    const f = entry as Record<string, unknown>;
    const named = typeof f.functionName === 'string' ? `${where} (${f.functionName})` : where;
    for (const key of Object.keys(f)) {
      if (!(key in FIELDS)) throw new UsageError(`${named}: unknown field "${key}"; the fields are ${FUNCTION_FIELDS.join(', ')}`);
      const rule = FIELDS[key as Field];
      if (!rule.check(f[key])) throw new UsageError(`${named}: "${key}" must be ${rule.wants} (got ${JSON.stringify(f[key])})`);
    }
    if (f.functionName === undefined || f.modulePath === undefined) throw new UsageError(`${where} needs a "functionName" and a "modulePath"`);
    const config = f as unknown as LambdaFunctionConfig;
    if (seen.has(config.functionName)) throw new UsageError(`${named}: the name is given twice`);
    seen.add(config.functionName);
    const modulePath = resolve(dirname(file), config.modulePath);
    if (!existsSync(modulePath)) throw new UsageError(`--functions ${file}: ${config.functionName}'s module ${modulePath} does not exist`);
    return { ...config, modulePath };
  });
}
