import { serve } from './commands/serve';
import { runCommand } from './run-command';

/** `sagaflow serve …` as the serve bundle runs it, without the rest of the CLI. */
export function runServe(args: string[]): Promise<number> {
  return runCommand('serve', serve, args);
}
