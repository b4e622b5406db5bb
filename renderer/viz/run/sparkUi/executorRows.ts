/**
 * The rows of Spark's Executors page at a playback instant: the driver, then each executor
 * registered by t (Executor ID, Address, Status Active or Dead, Cores, Active, Failed, Complete
 * and Total Tasks, Task Time, Input, Shuffle Read, Shuffle Write). Task Time and the bytes count
 * the tasks ended by t; Total Tasks = Active + Failed + Complete (killed attempts are not counted,
 * as Spark's executor summary counts them in none of the three).
 */
import type { SparkUiModel } from './sparkUiModel';
import { taskDurationAt, taskIoAt, taskStatusAt } from './taskStateAt';

export interface ExecutorRow {
  id: string;
  address: string;
  status: 'Active' | 'Dead';
  cores: number;
  activeTasks: number;
  failedTasks: number;
  completeTasks: number;
  totalTasks: number;
  taskTime: number;
  inputBytes: number;
  shuffleReadBytes: number;
  shuffleWriteBytes: number;
}

export function executorRowsAt(model: SparkUiModel, t: number): ExecutorRow[] {
  const rows: ExecutorRow[] = [];
  const blank = (id: string, address: string, status: ExecutorRow['status'], cores: number): ExecutorRow => ({
    id,
    address,
    status,
    cores,
    activeTasks: 0,
    failedTasks: 0,
    completeTasks: 0,
    totalTasks: 0,
    taskTime: 0,
    inputBytes: 0,
    shuffleReadBytes: 0,
    shuffleWriteBytes: 0,
  });
  if (model.driver && model.driver.startedAt <= t) rows.push(blank('driver', model.driver.host, 'Active', 0));
  const byId = new Map<string, ExecutorRow>();
  for (const x of model.executors) {
    if (x.addedAt > t) continue;
    const row = blank(x.id, x.host, x.lostAt !== null && x.lostAt <= t ? 'Dead' : 'Active', x.cores);
    rows.push(row);
    byId.set(x.id, row);
  }
  for (const { record: a } of model.attempts) {
    const row = byId.get(a.executor);
    const status = taskStatusAt(a, t);
    if (!row || status === null || status === 'KILLED') continue;
    if (status === 'RUNNING') row.activeTasks++;
    else if (status === 'FAILED') row.failedTasks++;
    else row.completeTasks++;
    row.totalTasks++;
    if (status !== 'RUNNING') row.taskTime += taskDurationAt(a, t);
    const io = taskIoAt(a, t);
    row.inputBytes += io.inputBytes;
    row.shuffleReadBytes += io.shuffleReadBytes;
    row.shuffleWriteBytes += io.shuffleWriteBytes;
  }
  return rows;
}
