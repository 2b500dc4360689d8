import { InvalidInput } from './errors';

interface StringRules {
  /** @default 1 */
  minLength?: number;
  /** @default 1024 */
  maxLength?: number;
  pattern?: RegExp;
  /** Says what the pattern expects, for the error message. */
  patternHint?: string;
}

interface IntegerRules {
  min?: number;
  max?: number;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the string ${JSON.stringify(value.slice(0, 40))}` : `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Reads the fields of an event (or of an object inside it) and fails with InvalidInput naming
 * the field and what was wrong, e.g. `items[1].quantity must be an integer >= 1 (got string "2")`.
 */
export class InputObject {
  private constructor(private readonly fields: Record<string, unknown>, private readonly path: string) {}

  static of(value: unknown, path = 'the event'): InputObject {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new InvalidInput(`${path} must be a JSON object (got ${describe(value)})`);
    }
    return new InputObject(value as Record<string, unknown>, path);
  }

  private name(field: string): string {
    return this.path === 'the event' ? field : `${this.path}.${field}`;
  }

  has(field: string): boolean {
    return this.fields[field] !== undefined && this.fields[field] !== null;
  }

  string(field: string, rules: StringRules = {}): string {
    const value = this.fields[field];
    const { minLength = 1, maxLength = 1024 } = rules;
    if (typeof value !== 'string') throw new InvalidInput(`${this.name(field)} must be a string (got ${value === undefined ? 'nothing' : describe(value)})`);
    if (value.length < minLength || value.length > maxLength) {
      throw new InvalidInput(`${this.name(field)} must have ${minLength}-${maxLength} characters (got ${value.length})`);
    }
    if (rules.pattern && !rules.pattern.test(value)) {
      throw new InvalidInput(`${this.name(field)} must be ${rules.patternHint ?? `a string matching ${rules.pattern}`} (got ${describe(value)})`);
    }
    return value;
  }

  optionalString(field: string, rules: StringRules = {}): string | undefined {
    return this.has(field) ? this.string(field, rules) : undefined;
  }

  integer(field: string, rules: IntegerRules = {}): number {
    const value = this.fields[field];
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = rules;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      const range = rules.max === undefined ? `>= ${min}` : `from ${min} to ${max}`;
      throw new InvalidInput(`${this.name(field)} must be an integer ${range} (got ${value === undefined ? 'nothing' : describe(value)})`);
    }
    return value;
  }

  optionalInteger(field: string, rules: IntegerRules = {}): number | undefined {
    return this.has(field) ? this.integer(field, rules) : undefined;
  }

  number(field: string): number {
    const value = this.fields[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new InvalidInput(`${this.name(field)} must be a finite number (got ${value === undefined ? 'nothing' : describe(value)})`);
    }
    return value;
  }

  array(field: string): unknown[] {
    const value = this.fields[field];
    if (!Array.isArray(value)) throw new InvalidInput(`${this.name(field)} must be an array (got ${value === undefined ? 'nothing' : describe(value)})`);
    return value;
  }

  /** Each element of an array field as an object, with its index in error messages. */
  objects(field: string): InputObject[] {
    return this.array(field).map((item, i) => InputObject.of(item, `${this.name(field)}[${i}]`));
  }
}

/** Ids are used as DynamoDB keys and execution names: keep them printable and short. */
export const ID_RULES: StringRules = { maxLength: 80, pattern: /^[A-Za-z0-9][A-Za-z0-9._:-]*$/, patternHint: 'letters, digits, ".", "_", ":" or "-"' };
