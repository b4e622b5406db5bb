/**
 * What an attempt does once the task scheduler launches it on a slot, decided at launch as in the
 * rest of the simulation: its record (cost on that node, start and planned end) and how it ends.
 * When a block it reads has no replica its node can reach, its read stalls as Hadoop's HDFS client
 * does (blockAcquireRetry.ts): it asks again after each wait and reads once a replica is back (a
 * rack healed), or fails with BlockMissingException after the last try. It fails with FetchFailed
 * when it cannot read a map output; it fails when the learner's code threw; else it succeeds.
 */
import type { Kernel } from '../core';
import { DFS_CLIENT_RETRY, blockAcquireWaitMs, gaveUpMessage, isBlockMissing } from '../hdfs';
import { ZERO_COST, ZERO_IO, totalMs, type AttemptRecord, type CostBreakdown, type Locality } from '../exec/taskTypes';
import { fetchFailedCost, type FetchFailure, type TaskSetManager, type TaskState } from './taskSetManager';
import type { Slot } from './slotPool';

export type AttemptOutcome =
  { kind: 'succeeds' } | { kind: 'fails'; reason: string } | { kind: 'fetchFails'; fetch: FetchFailure };

/** The record of attempt number `state.attempts` (counted here) of the task on `slot`, and a missing block's error, if any. */
export function newAttempt(
  set: TaskSetManager,
  state: TaskState,
  slot: Slot,
  locality: Locality,
  startupMs: number,
  now: number,
  speculative: boolean,
): { record: AttemptRecord; missing: string | null } {
  const { cost, missing } = attemptCost(state, slot, locality, startupMs);
  const attempt = state.attempts++;
  const record: AttemptRecord = {
    taskSet: set.spec.id,
    task: state.task.id,
    index: state.task.index,
    attempt,
    attemptId: `${state.task.id}.${attempt}`,
    container: null,
    node: slot.node.id,
    executor: slot.executor,
    locality,
    start: now,
    end: now + totalMs(cost),
    status: 'running',
    speculative,
    cost,
    io: { ...ZERO_IO },
  };
  return { record, missing };
}

/** The attempt's cost on `slot`, or only its start-up and the error of a block it cannot read. */
function attemptCost(
  state: TaskState,
  slot: Slot,
  locality: Locality,
  startupMs: number,
): { cost: CostBreakdown; missing: string | null } {
  try {
    return { cost: { ...state.task.cost(slot.node, locality, slot.executor), startup: startupMs }, missing: null };
  } catch (error) {
    if (!isBlockMissing(error)) throw error;
    return { cost: { ...ZERO_COST, startup: startupMs }, missing: error.message };
  }
}

/**
 * The read of an attempt that found a block unreachable (`missing`): after each wait of the HDFS
 * client it tries again from the same node; once a replica is back the attempt's cost is known
 * (the waits count as reading) and `settle(null)` schedules its end as at launch; after the last
 * try `settle` gets the error, the record ending where the waits did. `alive` says whether the
 * attempt still runs (not killed, its node not dead since); `onHandle` gets each wait's event.
 */
export function awaitBlocks(
  kernel: Kernel,
  state: TaskState,
  record: AttemptRecord,
  slot: Slot,
  missing: string,
  hooks: { alive: () => boolean; settle: (missing: string | null) => void; onHandle: (cancel: () => void) => void },
  failures = 0,
  waitedMs = 0,
): void {
  const startup = record.cost.startup;
  if (failures >= DFS_CLIENT_RETRY.maxBlockAcquireFailures) {
    record.cost = { ...record.cost, read: waitedMs };
    record.end = Math.max(kernel.now, record.start + startup + waitedMs);
    return hooks.settle(gaveUpMessage(missing, waitedMs));
  }
  const wait = blockAcquireWaitMs(failures, record.attemptId);
  const at = record.start + startup + waitedMs + wait;
  const handle = kernel.scheduleAt(Math.max(kernel.now, at), () => {
    if (!hooks.alive()) return;
    const again = attemptCost(state, slot, record.locality, startup);
    if (again.missing !== null)
      return awaitBlocks(kernel, state, record, slot, again.missing, hooks, failures + 1, waitedMs + wait);
    record.cost = { ...again.cost, read: again.cost.read + waitedMs + wait };
    // Not before now (the sum of the parts may round below it).
    record.end = Math.max(kernel.now, record.start + totalMs(record.cost));
    hooks.settle(null);
  });
  hooks.onHandle(() => handle.cancel());
}

/**
 * How the launched attempt ends: a missing block first, then its shuffle fetch (a task fetches its
 * input before it runs the learner's code: a failed fetch shortens the record to its failure),
 * then the learner's code.
 */
export function attemptOutcome(
  set: TaskSetManager,
  state: TaskState,
  record: AttemptRecord,
  missing: string | null,
): AttemptOutcome {
  if (missing !== null) return { kind: 'fails', reason: missing };
  const fetch = set.spec.fetchFailure?.(state.task, record) ?? null;
  if (fetch) {
    record.cost = fetchFailedCost(record.cost, fetch.afterMs);
    record.end = record.start + fetch.afterMs;
    return { kind: 'fetchFails', fetch };
  }
  const failure = set.spec.failAttempt?.(state.task, record.attempt) ?? null;
  return failure === null ? { kind: 'succeeds' } : { kind: 'fails', reason: failure };
}
