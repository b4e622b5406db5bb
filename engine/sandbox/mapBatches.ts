/**
 * How the sandbox pool hands map tasks to its workers: in batches (a 256-byte block's map takes
 * less time than the message that brings it), pipelined once a job's outputs are seen to be
 * small, so a worker starts its next batch without waiting for a round trip. Pure functions
 * over the pool's state (poolState.ts); sandboxPoolCore.ts sends what they choose.
 */
import type { JobResultError } from './contract/jobCodeError';
import type { MapTaskInput, MapTaskOutput } from './contract/taskRunner';
import { BATCH_HOLD_BYTES, heldAfter, mapOutputTooBig } from './mapOutputBudget';
import type { Pending, Queued, Run, Slot } from './poolState';
import type { TaskQueue } from './taskQueue';

/**
 * Map tasks in flight per worker: at most `tasks` of them and `bytes` of their input, sent in
 * batches of at most `batch`. Input bytes are what bound big tasks; the counts are high enough
 * that tasks of a 1 KB block (a few hundred microseconds each) still keep a worker busy for
 * longer than a round trip to the host takes (at 64 and 32 the workers sat idle half the time).
 * A worker with one task in flight may take a second of up to `pairBytes` together while at least
 * as many tasks wait as there are such workers: a 4 MB block's task then finds the next block sent
 * when it ends, instead of waiting for the host to take its answer in and send one (35 ms on two
 * cores), to the last round; a last task fewer than those workers goes to whichever is idle first,
 * so that none waits behind another's second task at the end.
 */
export const PIPELINE = { tasks: 1024, batch: 256, bytes: 4 * 1024 * 1024, pairBytes: 16 * 1024 * 1024 } as const;

/**
 * An idle worker, or else for a map task the least loaded worker with only map tasks in flight and
 * room (before the job's first output is seen, only one with a single task in flight: the first
 * 4 MB blocks' tasks are pipelined too); `waiting` is how many requests are queued (this one included).
 */
export function slotFor(slots: readonly Slot[], pending: Pending, run: Run | null, waiting = 1): Slot | null {
  let best: Slot | null = null;
  // Workers that would take a task now (idle, or one task in flight): a second task for one of
  // them while fewer wait would leave another without.
  let hungry = 0;
  for (const slot of slots) if (slot.inFlight <= 1) hungry++;
  for (const slot of slots) {
    if (slot.inFlight === 0) return slot;
    if (pending.kind !== 'map' || !slot.mapsOnly || slot.inFlight >= PIPELINE.tasks) continue;
    const outputs = run?.mapOutputs.get(pending.job ?? 0);
    if (outputs === 'big') continue;
    const pair = slot.inFlight === 1 && waiting >= hungry;
    // Before any output of the job is seen, only a worker with one task in flight takes more.
    if (outputs !== 'small' && !pair) continue;
    if (slot.inFlightBytes + (pending.bytes ?? 0) > (pair ? PIPELINE.pairBytes : PIPELINE.bytes)) continue;
    if (!best || slot.inFlight < best.inFlight) best = slot;
  }
  return best;
}

/**
 * Takes the next batch of map tasks for `slot` off the front of `queue` (whose first request is
 * a map task): at most PIPELINE.batch, a fair share of the queue between `workers`, the room the
 * slot has left, and PIPELINE.bytes of input; one at a time once the job's outputs are big.
 */
export function takeBatch(queue: TaskQueue<Queued>, slot: Slot, workers: number, run: Run | null): Queued[] {
  const fair = Math.ceil(queue.length / (2 * workers));
  const big = run?.mapOutputs.get(queue.peek()!.pending.job ?? 0) === 'big';
  const most = big ? 1 : Math.max(1, Math.min(PIPELINE.batch, fair, PIPELINE.tasks - slot.inFlight));
  const batch: Queued[] = [];
  let bytes = slot.inFlightBytes;
  while (batch.length < most) {
    const q = queue.peek();
    if (!q || q.pending.kind !== 'map') break;
    const b = q.pending.bytes ?? 0;
    if (batch.length > 0 && bytes + b > PIPELINE.bytes) break;
    bytes += b;
    batch.push(queue.shift()!);
  }
  return batch;
}

/** A batch's tasks as they are (their bytes views of their files), for a platform that sends only a view's bytes. */
export function batchTasks(batch: readonly Queued[]): { id: number; task: MapTaskInput }[] {
  return batch.map((q) => ({ id: q.message.id, task: (q.message as { task: MapTaskInput }).task }));
}

/**
 * A batch's tasks with their input bytes copied into one new buffer (each task's bytes a view
 * of it), sent as a transfer: one buffer crosses the boundary instead of one per task, and the
 * tasks' own bytes (views of HDFS blocks) are not detached.
 */
export function packBatch(batch: readonly Queued[]): {
  tasks: { id: number; task: MapTaskInput }[];
  buffer: ArrayBuffer;
} {
  const tasks = batchTasks(batch);
  let total = 0;
  for (const t of tasks) total += t.task.bytes.length;
  const all = new Uint8Array(total);
  let at = 0;
  const packed = tasks.map(({ id, task }) => {
    all.set(task.bytes, at);
    const bytes = all.subarray(at, at + task.bytes.length);
    at += task.bytes.length;
    return { id, task: { ...task, bytes } };
  });
  return { tasks: packed, buffer: all.buffer };
}

/**
 * Takes back the tasks a worker gave back (`returned`, from its batch post) and returns them, to
 * be queued again first; or says why the list is invalid. Every id is checked before any is
 * taken: a bad list leaves nothing half done. A job whose tasks came back goes one task at a time.
 */
export function takeBack(
  returned: readonly number[],
  slot: Slot,
  sent: Map<number, Queued>,
  pending: Map<number, Pending>,
  run: Run,
): Queued[] | string {
  const back: Queued[] = [];
  for (const id of returned) {
    const q = sent.get(id);
    if (!q || q.pending.slot !== slot || pending.get(id) !== q.pending || back.includes(q))
      return `batch.returned names task ${id}, which is not a map task of this worker's`;
    back.push(q);
  }
  for (const q of back) {
    sent.delete(q.message.id);
    pending.delete(q.message.id);
    unbook(slot, q.pending);
    run.mapOutputs.set(q.pending.job ?? 0, 'big');
  }
  return back;
}

/**
 * Posts `batch` to its worker: the tasks' views as they are where a posted view carries only its
 * own bytes (`viewBytesOnly`), else their bytes packed in one transferred buffer.
 */
export function postMapBatch(slot: Slot, batch: readonly Queued[], viewBytesOnly: boolean): void {
  if (viewBytesOnly) return slot.endpoint.post({ type: 'mapBatch', tasks: batchTasks(batch) });
  const { tasks, buffer } = packBatch(batch);
  slot.endpoint.post({ type: 'mapBatch', tasks }, [buffer]);
}

/** Books the requests `sent` as in flight on `slot`, their answers pending (map tasks also as sent). */
export function bookSent(
  slot: Slot,
  sent: readonly Queued[],
  pending: Map<number, Pending>,
  sentMaps: Map<number, Queued>,
): void {
  for (const q of sent) {
    book(slot, q);
    pending.set(q.message.id, q.pending);
    if (q.pending.kind === 'map') sentMaps.set(q.message.id, q);
  }
}

/** Books `q` as in flight on `slot`. */
export function book(slot: Slot, q: Queued): void {
  q.pending.slot = slot;
  slot.mapsOnly = slot.inFlight === 0 ? q.pending.kind === 'map' : slot.mapsOnly && q.pending.kind === 'map';
  slot.inFlight++;
  slot.inFlightBytes += q.pending.bytes ?? 0;
}

/** Books `pending` as no longer in flight on `slot` (answered, or given back). */
export function unbook(slot: Slot, pending: Pending): void {
  slot.inFlight--;
  slot.inFlightBytes -= pending.bytes ?? 0;
}

/**
 * Adds a map task's output of `job` to what the run holds, notes whether the job's outputs are
 * small or big, and returns the run's failure when it now holds more than a run may.
 */
export function holdMapOutput(run: Run, job: number, output: MapTaskOutput): JobResultError | null {
  const before = run.mapOutputBytes;
  // A map-only job's map holds its part-m text instead of partitions.
  run.mapOutputBytes = heldAfter(run.mapOutputBytes, output.partitionBytes) + (output.text?.length ?? 0);
  if (run.mapOutputBytes - before >= BATCH_HOLD_BYTES) run.mapOutputs.set(job, 'big');
  else if (!run.mapOutputs.has(job)) run.mapOutputs.set(job, 'small');
  return mapOutputTooBig(run.fileName, run.mapOutputBytes);
}
