/** One `sagaflow` sub-command: its help text and what it does. Returns the process exit code. */
export interface Command {
  /** One line for `sagaflow --help`. */
  summary: string;
  /** Full usage text for `sagaflow <name> --help`. */
  usage: string;
  run(args: string[]): Promise<number>;
}

/** A usage mistake: printed with the command's usage hint, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
