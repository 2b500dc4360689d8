import * as fs from 'node:fs';
import * as path from 'node:path';
import { isWorkflow, WorkflowError, type CompiledWorkflow, type Workflow, type WorkflowBudget } from '../../builder';
import { UsageError, type Command } from '../command';

/** The example app's orchestrations, compiled when no module is given (loaded at run time: lib/ does not import workflows/). */
const EXAMPLE_APP = path.resolve(__dirname, '../../../workflows/index.ts');

const usage = `Usage: sagaflow compile [module.ts] --out DIR [--json]

Compiles every workflow a module exports to DIR/<WorkflowName>.asl.json and prints each one's
budget: states, definition bytes and worst-case history events (per iteration for loops).

  module.ts    a module exporting workflows made with workflow() (default: the example app, workflows/index.ts)
  --out DIR    where to write the definitions (created if missing)
  --json       print the results as JSON instead of a table`;

interface Args {
  module?: string;
  out: string;
  json: boolean;
}

function parse(args: string[]): Args {
  let module: string | undefined;
  let out: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') json = true;
    else if (arg === '--out' || arg === '-o') {
      out = args[++i];
      if (out === undefined || out.startsWith('-')) throw new UsageError(`${arg} needs a directory`);
    } else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'`);
    else if (module === undefined) module = arg;
    else throw new UsageError(`one module at a time (got '${module}' and '${arg}')`);
  }
  if (!out) throw new UsageError('missing --out DIR (where to write the .asl.json files)');
  return { module, out, json };
}

/** The distinct workflows a module exports, in export order. */
function workflowsOf(exports: Record<string, unknown>, file: string): Workflow[] {
  const found = new Map<string, Workflow>();
  for (const value of Object.values(exports)) {
    if (!isWorkflow(value)) continue;
    const other = found.get(value.name);
    if (other && other !== value) throw new UsageError(`${file} exports two different workflows named '${value.name}'`);
    found.set(value.name, value);
  }
  return [...found.values()];
}

function eventsText(b: WorkflowBudget): string {
  const perItem = (b.perItem ?? []).map((m) => ` + ${m.eventsPerItem}/item of ${m.state}`).join('');
  const loop = b.loop ? ` per iteration; ${b.loop.iterationsPerExecution} iterations = ${b.loop.eventsPerExecution}/execution (budget ${b.loop.budget})` : '';
  return `${b.worstCaseEvents}${perItem}${loop}`;
}

function table(results: Array<{ compiled: CompiledWorkflow; file: string }>): string {
  const rows = [['Workflow', 'States', 'Bytes', 'Worst-case events', 'File'], ...results.map(({ compiled: c, file }) => [c.name, String(c.budget.states), String(c.budget.definitionBytes), eventsText(c.budget), file])];
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  const numeric = [false, true, true, false, false];
  return rows.map((r) => r.map((cell, col) => (numeric[col] ? cell.padStart(widths[col]) : cell.padEnd(widths[col]))).join('  ').trimEnd()).join('\n');
}

export const compile: Command = {
  summary: 'compile workflows to ASL (.asl.json) and report their size and history budgets',
  usage,
  async run(args) {
    const { module, out, json } = parse(args);
    const file = path.resolve(module ?? EXAMPLE_APP);
    if (!fs.existsSync(file)) throw new UsageError(`module not found: ${module}`);
    const workflows = workflowsOf(require(file) as Record<string, unknown>, module ?? 'workflows/index.ts');
    if (workflows.length === 0) {
      console.error(`sagaflow compile: ${module ?? file} exports no workflows. Export the values returned by workflow(), e.g. \`export const OrderSaga = workflow('OrderSaga', () => ...)\`.`);
      return 1;
    }
    let compiled: CompiledWorkflow[];
    try {
      compiled = workflows.map((w) => w.compile());
    } catch (err) {
      if (!(err instanceof WorkflowError)) throw err;
      console.error(`sagaflow compile: ${err.message}`);
      return 1;
    }
    fs.mkdirSync(out, { recursive: true });
    const results = compiled.map((c) => {
      const target = path.join(out, `${c.name}.asl.json`);
      fs.writeFileSync(target, `${JSON.stringify(c.definition, null, 2)}\n`);
      return { compiled: c, file: target };
    });
    if (json) {
      const report = results.map(({ compiled: c, file: f }) => ({ name: c.name, file: f, budget: c.budget, activities: c.activities, subWorkflows: c.subWorkflows }));
      console.log(JSON.stringify(report, null, 2));
    } else {
      console.log(table(results));
    }
    return 0;
  },
};
