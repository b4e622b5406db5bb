/**
 * What an attempt does once the task scheduler launches it on a slot, decided at launch as in the
 * rest of the simulation: its record (cost on that node, start and planned end) and how it ends.
 * It fails at once after its start-up when a block it reads has no live replica it can reach
 * (HDFS's BlockMissingException: the task is tried again, and may succeed once a rack heals); it
 * fails with FetchFailed when it cannot read a map output; it fails when the learner's code threw;
 * else it succeeds.
 */
import { HdfsError } from '../hdfs';
import { ZERO_COST, ZERO_IO, totalMs, type AttemptRecord, type Locality } from '../exec/taskTypes';
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
  let missing: string | null = null;
  let cost = { ...ZERO_COST, startup: startupMs };
  try {
    cost = { ...state.task.cost(slot.node, locality, slot.executor), startup: startupMs };
  } catch (error) {
    if (!(error instanceof HdfsError) || error.code !== 'BlockMissing') throw error;
    missing = error.message;
  }
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
