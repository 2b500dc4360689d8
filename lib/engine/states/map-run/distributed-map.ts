import { StatesErrors, type Json, type MapState } from '../../../asl';
import { sideOf } from '../../core/branch';
import { finishJsonata, finishJsonPath } from '../../core/data-flow';
import { asEngineFailure, errorDetails, errorOutput, toStatesFailure, type EngineFailure } from '../../core/engine-failure';
import type { Interpreter, TaskHandlers } from '../../core/interpreter';
import { jsonText, parseJson } from '../../core/json-text';
import type { StateRun } from '../../core/state-run';
import type { EngineInputOf } from '../../engine-input';
import { finishAfter } from '../finish-after';
import { childDefinition } from './child-definition';
import { itemBatches, type ItemBatch } from './item-batches';
import { itemProcessor } from './item-processor';
import { exceedsTolerance, itemInput, noS3Cause, readsItemsFromS3, type MapPlan } from './map-plan';
import { readTolerance } from './map-tolerance';
import { NEGATIVE_MAX_ITEMS_CAUSE, readerMaxItems } from './reader-max-items';
import { childName, childStateMachineArn, mapRunArn, mapRunId, mapRunLabel } from './map-run-names';

/** AWS's cause when a Map's failures exceed its tolerance. */
export const TOLERATED_FAILURE_CAUSE = 'The specified tolerated failure threshold was exceeded';

/** A Distributed Map with no MaxConcurrency (or 0) runs up to 10,000 children at a time. */
export const DISTRIBUTED_MAX_CONCURRENCY = 10000;

const ignore = (): void => undefined;

/**
 * One Map Run of a Distributed Map: every item runs as a child execution (StartMapRunChild), at most
 * MaxConcurrency at a time, and the parent records only MapRunStarted and how the run ended. Failed,
 * timed-out or aborted children count against ToleratedFailureCount/Percentage (0 by default); past
 * them the Map Run fails with States.ExceedToleratedFailureThreshold and its running children are stopped.
 * A redrive of the execution takes the Map Run up again when it did not succeed: MapRunRedriven in
 * place of MapRunStarted, then only the children that did not succeed (failed, timed out, aborted, or
 * never started) run again, under the same names; the outputs of those that succeeded are kept.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/redrive-map-run.html
 */
export class MapRun {
  readonly arn: string;
  /** Redrives of this Map Run so far, this one included (0: its first run). */
  private readonly redriveCount: number;
  private results: Json[] = [];
  /** Outputs of the children that succeeded before a redrive (index → output): they do not run again. */
  private readonly carried: Map<number, Json> | undefined;
  /** With ItemBatcher: what each child runs; without, each child runs one item. */
  private batches?: ItemBatch[];
  /** Children running, by taskId. */
  private readonly running = new Map<string, number>();
  private next = 0;
  private finished = 0;
  private failed = 0;
  private settled = false;
  private maxConcurrency: number;
  private readonly stateMachineArn: string;
  private readonly definition: string;

  constructor(
    private readonly run: StateRun,
    private readonly it: Interpreter,
    private readonly def: MapState,
    private readonly plan: MapPlan,
  ) {
    const info = it.info;
    const label = mapRunLabel(info, run.name, def.Label);
    const redriven = run.takeCarriedMapRun();
    this.arn = redriven?.arn ?? mapRunArn(info, label, mapRunId(it.random.bytes()));
    this.redriveCount = redriven ? redriven.redriveCount + 1 : 0;
    this.carried = run.takeCarried();
    // Until this attempt begins its Map Run, a later redrive still finds the one carried in.
    run.mapRun = redriven;
    this.stateMachineArn = childStateMachineArn(info, label);
    this.definition = childDefinition(itemProcessor(def)!, run.state.graphs[0]!.queryLanguage);
    this.maxConcurrency = plan.maxConcurrency;
  }

  /** The number of child executions: one per item, or one per batch. */
  private get total(): number {
    return this.batches?.length ?? this.plan.items.length;
  }

  /** MapStateStarted, the tolerance and the ItemReader's MaxItemsPath (read after it, as AWS does), then the Map Run. */
  start(): Promise<void> | void {
    const { it, run, def, plan } = this;
    it.emit(run.branch.thread, 'MapStateStarted', { mapStateStartedEventDetails: { length: plan.items.length } });
    const read = readTolerance(run, it, def, plan);
    return read ? read.then(() => this.begin(readerMaxItems(run, it, def))) : this.begin(readerMaxItems(run, it, def));
  }

  /** MapRunStarted (MapRunRedriven when a redrive took it up), the Map Run's record, then the first children. */
  private begin(maxItems?: number): Promise<void> | void {
    const { it, run, plan, def } = this;
    if (this.redriveCount > 0) {
      it.emit(run.branch.thread, 'MapRunRedriven', { mapRunRedrivenEventDetails: { mapRunArn: this.arn, redriveCount: this.redriveCount } });
    } else it.emit(run.branch.thread, 'MapRunStarted', { mapRunStartedEventDetails: { mapRunArn: this.arn } });
    run.mapRun = { arn: this.arn, redriveCount: this.redriveCount };
    if (readsItemsFromS3(run, def)) return this.readerFailed(maxItems !== undefined && maxItems < 0 ? NEGATIVE_MAX_ITEMS_CAUSE : undefined);
    if (plan.batching) return this.startBatched();
    this.open();
    if (this.finished === this.total) return this.succeed();
    return this.launch();
  }

  /**
   * ItemSelector runs on every item first, then the selected items are grouped into batches
   * (the spec's order); a selector failure fails the run before any child starts.
   */
  private async startBatched(): Promise<void> {
    const { it, run, def, plan } = this;
    const selected: Json[] = [];
    let failure: unknown;
    try {
      for (let i = 0; i < plan.items.length; i++) selected.push(await itemInput(run, it, def, plan, i));
    } catch (e) {
      failure = e;
    }
    this.batches = failure === undefined ? itemBatches(selected, plan.batching!) : [];
    this.open();
    if (failure !== undefined) this.selectorFailed(failure);
    if (this.finished === this.total) return this.succeed();
    return this.launch();
  }

  /** The Map Run's record: its item and child-execution counts and settings (a redriven run has one: it runs again). */
  private open(): void {
    const { it, plan } = this;
    this.results = new Array<Json>(this.total).fill(null);
    // A redrive that works out fewer items than the run it takes up keeps only the outputs that still have an item.
    this.finished = 0;
    if (this.carried) for (const [i, output] of this.carried) if (i < this.total) (this.results[i] = output), this.finished++;
    it.mapRuns.set(this.arn, (input) => this.update(input));
    const settings = { maxConcurrency: plan.maxConcurrency, toleratedFailureCount: plan.toleratedCount ?? 0, toleratedFailurePercentage: plan.toleratedPercentage ?? 0 };
    if (this.redriveCount > 0) return it.command({ kind: 'RedriveMapRun', mapRunArn: this.arn, redriveCount: this.redriveCount, ...settings });
    it.command({ kind: 'StartMapRun', mapRunArn: this.arn, itemCount: plan.items.length, executionCount: this.total, ...settings, definition: this.definition });
  }

  /**
   * The items live in Amazon S3, which the local service does not have: the Map Run fails as AWS's
   * does when its ItemReader fails, MapRunFailed (States.ItemReaderFailed, a cause with no state
   * prefix) after MapRunStarted, then MapStateFailed (recorded on AWS: localstack
   * test_base_scenarios.snapshot.json, test_map_item_reader_json_no_json_list_object). `recorded` is
   * AWS's own cause when it refuses the reader before reading (a negative MaxItems).
   */
  private readerFailed(recorded?: string): never {
    const cause = recorded ?? noS3Cause('ItemReader', this.def.ItemReader!, 'pass the items in the state input (Items or ItemsPath) to run it locally');
    const f = { error: StatesErrors.ItemReaderFailed, cause };
    this.open();
    this.end('FAILED', f, true);
    throw toStatesFailure(f);
  }

  /**
   * An ItemSelector failure fails the Map Run with its error; States.Runtime then ends the execution
   * with no more events, and a redrive starts a new Map Run, all children again (the redrive page).
   */
  private selectorFailed(e: unknown): never {
    const f = asEngineFailure(e);
    if (f) this.end('FAILED', f, f.error !== StatesErrors.Runtime);
    if (f?.error === StatesErrors.Runtime) this.forgetForRedrive();
    throw e;
  }

  /** A redrive of the execution runs this Map state from scratch, with a new Map Run. */
  private forgetForRedrive(): void {
    this.run.mapRun = undefined;
    this.run.succeededBranches = undefined;
  }

  /** Starts children while the concurrency allows. */
  private async launch(): Promise<void> {
    const { it, run } = this;
    const limit = this.maxConcurrency === 0 ? DISTRIBUTED_MAX_CONCURRENCY : this.maxConcurrency;
    while (!this.settled && this.running.size < limit && this.next < this.total) {
      const index = this.next++;
      if (this.carried?.has(index)) continue;
      let input: Json;
      if (this.batches) input = this.batches[index]!.input;
      else {
        try {
          input = await itemInput(run, it, this.def, this.plan, index);
        } catch (e) {
          this.selectorFailed(e);
        }
      }
      const taskId = it.nextId('task');
      this.running.set(taskId, index);
      const command = {
        kind: 'StartMapRunChild' as const,
        taskId,
        mapRunArn: this.arn,
        stateMachineArn: this.stateMachineArn,
        executionType: itemProcessor(this.def)?.ProcessorConfig?.ExecutionType ?? 'STANDARD',
        definition: this.definition,
        index,
        name: childName(this.arn, index),
        input: jsonText(input),
      };
      it.startTask(command, this.handlers(taskId, index));
    }
  }

  private handlers(taskId: string, index: number): TaskHandlers {
    return {
      started: ignore,
      submitted: ignore,
      heartbeat: ignore,
      succeeded: (i) => this.childEnded(taskId, index, { output: parseJson(i.output) }),
      failed: (i) => this.childEnded(taskId, index, { failure: i.cause === undefined ? { error: i.error } : { error: i.error, cause: i.cause } }),
    };
  }

  /** A child's end, as the runtime reports it: its output, or (failed, timed out, aborted) its error. */
  private childEnded(taskId: string, index: number, end: { output: Json } | { failure: EngineFailure }): Promise<void> | void {
    const { it, run } = this;
    return it.guard(run, () => {
      if (this.settled || run.done || !this.running.delete(taskId)) return;
      it.forgetTask(taskId);
      this.finished++;
      if ('failure' in end) {
        // A failed batch fails every item it holds: the tolerance counts items.
        this.failed += this.batches ? this.batches[index]!.itemCount : 1;
        this.results[index] = errorOutput(end.failure);
      } else {
        this.results[index] = end.output;
        run.keepBranchOutput(index, end.output);
      }
      return this.proceed();
    });
  }

  /** After a child ended or the settings changed: fail past the tolerance, succeed when all are done, else start more. */
  private proceed(): Promise<void> | void {
    if (exceedsTolerance(this.plan, this.failed)) {
      const f = { error: StatesErrors.ExceedToleratedFailureThreshold, cause: TOLERATED_FAILURE_CAUSE };
      this.end('FAILED', f, true);
      throw toStatesFailure(f);
    }
    if (this.finished === this.total) return this.succeed();
    return this.launch();
  }

  /** UpdateMapRun: the new concurrency and tolerance apply from now on. */
  private update(input: EngineInputOf<'UpdateMapRun'>): Promise<void> | void {
    if (this.settled) return;
    if (input.maxConcurrency !== undefined) this.maxConcurrency = input.maxConcurrency;
    if (input.toleratedFailureCount !== undefined) this.plan.toleratedCount = input.toleratedFailureCount;
    if (input.toleratedFailurePercentage !== undefined) this.plan.toleratedPercentage = input.toleratedFailurePercentage;
    return this.it.guard(this.run, () => this.proceed());
  }

  /** MapRunSucceeded and MapStateSucceeded are markers: the Exited event links to MapRunStarted (recorded on AWS). */
  private succeed(): Promise<void> {
    const { it, run, def } = this;
    this.end('SUCCEEDED');
    // A failure after this (its output over the quota, an OutputPath that matches nothing) is redriven with a new Map Run.
    this.forgetForRedrive();
    const runEnded = it.emit(sideOf(run.branch.thread), 'MapRunSucceeded', {});
    const succeededId = it.emit({ last: runEnded }, 'MapStateSucceeded', {});
    const results = this.results;
    return finishAfter(succeededId, run, async () => {
      const outcome = run.state.queryLanguage === 'JSONata' ? await finishJsonata(it, run, results, { result: results }) : finishJsonPath(it, run, results, true);
      it.complete(run, outcome, def.Next);
    });
  }

  /** The Map state was cut (a failing sibling): its running children are stopped, then MapRunAborted links to the cause. */
  abort(cause: number): void {
    if (this.settled) return;
    this.end('ABORTED');
    this.it.emit(sideOf(this.run.branch.thread, cause), 'MapRunAborted', {});
  }

  /**
   * Closes the Map Run: no more children start, running ones are stopped (CancelTask), and the runtime
   * records the end. A failure is recorded as MapRunFailed when `recorded`, and the state moves on from it.
   */
  private end(status: 'SUCCEEDED' | 'FAILED' | 'ABORTED', f?: EngineFailure, recorded = false): void {
    const { it, run } = this;
    this.settled = true;
    it.mapRuns.delete(this.arn);
    for (const taskId of this.running.keys()) it.cancelTask(taskId);
    this.running.clear();
    if (f && recorded) {
      const thread = run.branch.thread;
      thread.last = it.emit(sideOf(thread), 'MapRunFailed', { mapRunFailedEventDetails: errorDetails(f) });
    }
    it.command({ kind: 'CloseMapRun', mapRunArn: this.arn, status, ...(f ? errorDetails(f) : {}) });
  }
}
