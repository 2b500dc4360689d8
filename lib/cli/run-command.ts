import { UsageError, type Command } from './command';
import { CommandFailure } from './command-failure';

/**
 * Runs one command as `sagaflow <name> …`: `--help` prints its usage; a usage mistake exits 2
 * with a hint, a CommandFailure exits 1 with its message; anything else is a bug and is thrown.
 */
export async function runCommand(name: string, command: Command, args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`sagaflow ${name}: ${err.message}\nRun \`sagaflow ${name} --help\` for usage.`);
      return 2;
    }
    if (err instanceof CommandFailure) {
      console.error(`sagaflow ${name}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
