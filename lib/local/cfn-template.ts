/** The parts of a CloudFormation template the local loader reads. */
export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  Metadata?: Record<string, unknown>;
  /** The name of a condition: the resource exists only where it holds. */
  Condition?: string;
}

export interface CfnTemplate {
  Resources?: Record<string, CfnResource>;
  Parameters?: Record<string, { Type: string; Default?: unknown }>;
  /** `Fn::FindInMap` tables: map → top-level key → second-level key → value. */
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  /** Named conditions (Fn::Equals, Fn::Not, Fn::And, Fn::Or, Condition). */
  Conditions?: Record<string, unknown>;
}
