import type { FunctionLogLine, LambdaFunctionConfig } from '../local-service-contract';
import { createLocalFunction, type LocalLambdaFunction } from './lambda-function';

/** A FunctionName as Lambda accepts it, read into the function's name and its qualifier. */
export interface FunctionReference {
  name: string;
  qualifier?: string;
}

/**
 * Reads the forms Lambda accepts for FunctionName: `name`, `name:qualifier`,
 * `123456789012:function:name[:qualifier]`, `arn:aws:lambda:region:account:function:name[:qualifier]`.
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html#API_Invoke_RequestSyntax
 */
export function parseFunctionName(value: string): FunctionReference | undefined {
  const parts = value.split(':');
  let rest: string[];
  if (parts[0] === 'arn') {
    if (parts.length < 7 || parts[2] !== 'lambda' || parts[5] !== 'function') return undefined;
    rest = parts.slice(6);
  } else if (parts.length >= 3 && parts[1] === 'function') rest = parts.slice(2);
  else rest = parts;
  if (rest.length < 1 || rest.length > 2 || !/^[a-zA-Z0-9_.-]{1,140}$/.test(rest[0]!)) return undefined;
  return rest.length === 2 ? { name: rest[0]!, qualifier: rest[1]! } : { name: rest[0]! };
}

/** The functions the local service runs, by name. Registering a name again replaces its function. */
export class LambdaRegistry {
  private readonly functions = new Map<string, LocalLambdaFunction>();
  /** FunctionNames as tasks write them, read once: a definition names the same few again and again. */
  private readonly references = new Map<string, FunctionReference | null>();

  constructor(
    private readonly region: string,
    private readonly accountId: string,
    private readonly log?: (line: FunctionLogLine) => void,
  ) {}

  arnOf(name: string): string {
    return `arn:aws:lambda:${this.region}:${this.accountId}:function:${name}`;
  }

  register(configs: LambdaFunctionConfig[]): void {
    for (const config of configs) {
      const ref = parseFunctionName(config.functionName);
      if (!ref) throw new Error(`'${config.functionName}' is not a Lambda function name or ARN`);
      const previous = this.functions.get(ref.name);
      if (previous) void previous.close();
      this.functions.set(ref.name, createLocalFunction({ ...config, functionName: ref.name }, this.arnOf(ref.name), this.log));
    }
  }

  /** The function a FunctionName or function ARN names, if it is registered. */
  find(functionName: string): { fn: LocalLambdaFunction; qualifier?: string } | undefined {
    let ref = this.references.get(functionName);
    if (ref === undefined) {
      ref = parseFunctionName(functionName) ?? null;
      if (this.references.size < 10_000) this.references.set(functionName, ref);
    }
    const fn = ref && this.functions.get(ref.name);
    if (!ref || !fn) return undefined;
    return ref.qualifier === undefined ? { fn } : { fn, qualifier: ref.qualifier };
  }

  async close(): Promise<void> {
    await Promise.all([...this.functions.values()].map((f) => f.close()));
    this.functions.clear();
  }
}
