/**
 * Fills an attempt's TaskIo when it ends, in the counters' units: a map's HDFS bytes and records
 * read, its map output (the shuffle's write side; a map-only job's part-m file is its output) and
 * what it spilled to local disk; a reducer's shuffle fetches (the remote part apart) and its part
 * file. A successful attempt carries its task counters too (AttemptRecord.taskCounters); a failed or killed one reports what
 * it had done when it stopped (the split read, the map outputs fetched so far).
 */
import { ZERO_IO, type TaskIo } from '../exec/taskTypes';
import type { MrAppMaster } from './mrAppMaster';
import { nonZero, taskCounters } from './mrTaskCounters';
import type { MrAttempt } from './mrTypes';

export function fillAttemptIo(am: MrAppMaster, a: MrAttempt, succeeded: boolean): void {
  if (!succeeded) {
    a.record.io = partialIo(am, a);
    return;
  }
  const c = taskCounters(am, a);
  a.record.io = successIo(am, a, c);
  a.record.taskCounters = nonZero(c);
}

function successIo(am: MrAppMaster, a: MrAttempt, c: ReturnType<typeof taskCounters>): TaskIo {
  const v = (n: number | undefined) => n ?? 0;
  const io: TaskIo = { ...ZERO_IO, spillBytes: v(c.FILE_BYTES_WRITTEN) };
  if (a.task.kind === 'map') {
    const mapOnly = am.mapPlans[a.task.index]!.output?.text != null;
    io.inputBytes = v(c.HDFS_BYTES_READ);
    io.inputRecords = v(c.MAP_INPUT_RECORDS);
    if (mapOnly) {
      io.outputBytes = v(c.HDFS_BYTES_WRITTEN);
      io.outputRecords = v(c.MAP_OUTPUT_RECORDS);
    } else {
      io.shuffleWriteBytes = v(c.MAP_OUTPUT_BYTES);
      io.shuffleWriteRecords = v(c.MAP_OUTPUT_RECORDS);
    }
  } else {
    io.shuffleReadBytes = v(c.REDUCE_SHUFFLE_BYTES);
    io.shuffleRemoteBytes = v(c.SHUFFLE_BYTES_REMOTE);
    io.shuffleReadRecords = v(c.REDUCE_INPUT_RECORDS);
    io.outputBytes = v(c.HDFS_BYTES_WRITTEN);
    io.outputRecords = v(c.REDUCE_OUTPUT_RECORDS);
  }
  return io;
}

function partialIo(am: MrAppMaster, a: MrAttempt): TaskIo {
  const io: TaskIo = { ...ZERO_IO };
  const r = a.record;
  if (a.task.kind === 'map') {
    // The split counts as read once the read phase is over.
    if (r.end >= r.start + r.cost.startup + r.cost.read) io.inputBytes = a.readLocal + a.readRemote;
    const o = am.mapPlans[a.task.index]!.output;
    if (o !== null && io.inputBytes > 0 && r.end >= r.start + r.cost.startup + r.cost.read + r.cost.compute)
      io.inputRecords = o.counters.mapInputRecords;
  } else {
    io.shuffleReadBytes = a.fetchedLocal + a.fetchedRemote;
    io.shuffleRemoteBytes = a.fetchedRemote;
  }
  return io;
}
