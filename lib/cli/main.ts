import type { Command } from './command';
import { runCommand } from './run-command';

/**
 * The command table. Each command lives in its own module under `commands/` and is loaded only
 * when used, so `sagaflow --help` and quick commands start fast.
 */
const commands: Record<string, () => Command> = {
  compile: () => require('./commands/compile').compile,
  serve: () => require('./commands/serve').serve,
  executions: () => require('./commands/executions').executions,
  describe: () => require('./commands/describe').describe,
  history: () => require('./commands/history').history,
  tasks: () => require('./commands/tasks').tasks,
  'send-task-success': () => require('./commands/send-task-success').sendTaskSuccess,
  'send-task-failure': () => require('./commands/send-task-failure').sendTaskFailure,
  'advance-time': () => require('./commands/advance-time').advanceTime,
  purge: () => require('./commands/purge').purge,
  start: () => require('./commands/start').start,
  invoke: () => require('./commands/invoke').invoke,
};

function load(name: string): Command | undefined {
  try {
    return commands[name]();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String(err).includes(`commands/${name}`)) return undefined;
    throw err;
  }
}

function help(): string {
  const rows = Object.keys(commands)
    .map((name) => [name, load(name)] as const)
    .filter((row): row is readonly [string, Command] => row[1] !== undefined)
    .map(([name, cmd]) => `  ${name.padEnd(20)} ${cmd.summary}`);
  return [
    'sagaflow: write, test and run Step Functions workflows in TypeScript',
    '',
    'Usage: sagaflow <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Run `sagaflow <command> --help` for a command\'s options.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name === undefined ? 2 : 0;
  }
  const command = name in commands ? load(name) : undefined;
  if (!command) {
    console.error(`sagaflow: unknown command '${name}'. Run \`sagaflow --help\` for the list.`);
    return 2;
  }
  return runCommand(name, command, rest);
}
