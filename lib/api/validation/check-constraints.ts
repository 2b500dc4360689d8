import type { ListShape, Member, NumberShape, Shape, ShapeKind, ShapeOf, StringShape, StructureShape } from './shape';

/** Coral reports at most this many violations in one ValidationException. */
const MAX_VIOLATIONS = 10;

/**
 * The model constraints of a structure already read by `readStructure`, as Coral's validator
 * reports them: "Value '…' at 'path' failed to satisfy constraint: Member must …", members in model
 * order, list elements as `name.1.member`, the value left out for sensitive members.
 */
export function checkConstraints(shape: StructureShape, value: Record<string, unknown>): string[] {
  const out: string[] = [];
  checkMembers(shape, value, '', out);
  return out.slice(0, MAX_VIOLATIONS);
}

type Checker<K extends ShapeKind> = (shape: ShapeOf<K>, value: never, fail: (constraint: string) => void, path: string, out: string[]) => void;

const patterns = new Map<string, RegExp>();
function matches(pattern: string, text: string): boolean {
  let re = patterns.get(pattern);
  if (!re) patterns.set(pattern, (re = new RegExp(`^(?:${pattern})$`, 'u')));
  return re.test(text);
}

function range(shape: { min?: number; max?: number }, n: number, what: 'length' | 'value', fail: (c: string) => void, unit = ''): void {
  if (shape.min !== undefined && n < shape.min) fail(`Member must have ${what} greater than or equal to ${shape.min}${unit}`);
  if (shape.max !== undefined && n > shape.max) fail(`Member must have ${what} less than or equal to ${shape.max}${unit}`);
}

const checkers: { [K in ShapeKind]: Checker<K> } = {
  string(shape: StringShape, text: string, fail) {
    if (shape.enum && !shape.enum.includes(text)) fail(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
    if (shape.pattern !== undefined && !matches(shape.pattern, text)) fail(`Member must satisfy regular expression pattern: ${shape.pattern}`);
    if (shape.bytes) {
      const size = Buffer.byteLength(text, 'utf8');
      if (shape.min !== undefined && size < shape.min) fail(`Member must have size greater than or equal to ${shape.min} bytes in UTF-8 encoding`);
      if (shape.max !== undefined && size > shape.max) fail(`Member must have size less than or equal to ${shape.max} bytes in UTF-8 encoding`);
    } else range(shape, text.length, 'length', fail);
  },
  integer: (shape: NumberShape, n: number, fail) => range(shape, n, 'value', fail),
  long: (shape: NumberShape, n: number, fail) => range(shape, n, 'value', fail),
  float: (shape: NumberShape, n: number, fail) => range(shape, n, 'value', fail),
  boolean() {},
  list(shape: ListShape, items: unknown[], fail, path, out) {
    range(shape, items.length, 'length', fail);
    items.forEach((item, i) => checkValue(shape.member, item, `${path}.${i + 1}.member`, out, true));
  },
  structure(shape: StructureShape, value: Record<string, unknown>, _fail, path, out) {
    checkMembers(shape, value, path, out);
  },
};

function checkMembers(shape: StructureShape, value: Record<string, unknown>, parent: string, out: string[]): void {
  for (const [name, member] of Object.entries(shape.members)) {
    checkValue(member, value[name], parent ? `${parent}.${name}` : name, out, member.required === true);
  }
}

function checkValue(shape: Member | Shape, value: unknown, path: string, out: string[], required: boolean): void {
  const sensitive = shape.kind === 'string' && shape.sensitive === true;
  if (value === undefined || value === null) {
    if (required) out.push(`${sensitive ? 'Value' : 'Value null'} at '${path}' failed to satisfy constraint: Member must not be null`);
    return;
  }
  const fail = (constraint: string) => out.push(`${sensitive ? 'Value' : `Value '${render(value, shape)}'`} at '${path}' failed to satisfy constraint: ${constraint}`);
  (checkers[shape.kind] as Checker<ShapeKind>)(shape as never, value as never, fail, path, out);
}

/**
 * A value as Coral prints it in a message: Java's toString for lists and maps, and a model
 * structure as `Name(member=value, …)` in model order (recorded on AWS for a routing configuration:
 * localstack's test_sfn_api_aliasing.snapshot.json).
 */
function render(value: unknown, shape?: Member | Shape): string {
  const item = shape?.kind === 'list' ? shape.member : undefined;
  if (Array.isArray(value)) return `[${value.map((v) => render(v, item)).join(', ')}]`;
  if (shape?.kind === 'structure' && typeof value === 'object' && value !== null) {
    const members = Object.entries(shape.members).map(([k, m]) => `${k}=${render((value as Record<string, unknown>)[k] ?? null, m)}`);
    return `${shape.name}(${members.join(', ')})`;
  }
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value).map(([k, v]) => `${k}=${render(v)}`).join(', ')}}`;
  }
  return String(value);
}
