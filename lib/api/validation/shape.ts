/**
 * Request shapes as the Step Functions API reference defines them: each member's type and its
 * model constraints (required, length, range, enum values, pattern). A discriminated union on
 * `kind`; the readers in this folder handle every kind through exhaustive maps.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_Types.html
 */

export interface StringShape {
  kind: 'string';
  min?: number;
  max?: number;
  /** The length constraints count UTF-8 bytes (AWS: "expressed as bytes in UTF-8 encoding"). */
  bytes?: boolean;
  /** A Java regular expression from the model, matched against the whole value. */
  pattern?: string;
  enum?: readonly string[];
  /** Sensitive members never have their value echoed in a validation message. */
  sensitive?: boolean;
}

export interface NumberShape {
  /** integer and long are whole numbers (Coral truncates a fraction); float is any number. */
  kind: 'integer' | 'long' | 'float';
  min?: number;
  max?: number;
}

export interface BooleanShape {
  kind: 'boolean';
}

export interface ListShape {
  kind: 'list';
  member: Shape;
  min?: number;
  max?: number;
}

export interface StructureShape<T = unknown> {
  kind: 'structure';
  /** The model's shape name, as Coral names it in some serialisation errors. */
  name: string;
  members: Record<string, Member>;
  /** Phantom: the SDK type this structure reads into. */
  readonly _type?: T;
}

export type Shape = StringShape | NumberShape | BooleanShape | ListShape | StructureShape;
export type ShapeKind = Shape['kind'];
/** The shape of one kind (NumberShape serves three). */
export type ShapeOf<K extends ShapeKind> = Shape & { kind: K };
export type Member = Shape & { required?: boolean };

/**
 * One entry per member of the SDK type, required exactly where the SDK's type requires it: a
 * member the model adds or drops, or a wrong `required`, breaks the build.
 */
export type MembersOf<T> = {
  [K in keyof T]-?: {} extends Pick<T, K> ? Shape & { required?: false } : Shape & { required: true };
};

export const string = (constraints: Omit<StringShape, 'kind'> = {}): StringShape => ({ kind: 'string', ...constraints });
export const integer = (constraints: Omit<NumberShape, 'kind'> = {}): NumberShape => ({ kind: 'integer', ...constraints });
export const long = (constraints: Omit<NumberShape, 'kind'> = {}): NumberShape => ({ kind: 'long', ...constraints });
export const float = (constraints: Omit<NumberShape, 'kind'> = {}): NumberShape => ({ kind: 'float', ...constraints });
export const boolean = (): BooleanShape => ({ kind: 'boolean' });
export const list = (member: Shape, constraints: Omit<ListShape, 'kind' | 'member'> = {}): ListShape => ({ kind: 'list', member, ...constraints });
export const enumeration = (values: readonly string[]): StringShape => ({ kind: 'string', enum: values });

export function structure<T>(name: string, members: NoInfer<MembersOf<T>>): StructureShape<T> {
  return { kind: 'structure', name, members: members as Record<string, Member> };
}

export function required<S extends Shape>(shape: S): S & { required: true } {
  return { ...shape, required: true };
}
