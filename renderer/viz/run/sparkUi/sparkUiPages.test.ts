import { describe, expect, it } from 'vitest';
import { runJob, type JobRunReport } from '../../../../engine/api';
import type { AttemptRecord } from '../../../../engine/exec';
import { createFunctionRunner } from '../../../../engine/sandbox';
import { sparkUiModel } from './sparkUiModel';
import { jobRowsAt } from './jobRows';
import { stageRowsAt } from './stageRows';
import { stageSummaryAt } from './stageSummary';
import { taskRowsAt } from './taskRows';
import { executorRowsAt } from './executorRows';
import { sparkQuantiles } from './sparkQuantiles';

// Two actions on one shuffled RDD: job 1 skips the map stage job 0 ran.
const CODE = `exports.default = async (sc) => {
  const counts = sc.textFile('/in/words.txt', 6).map((w) => [w, 1]).reduceByKey((a, b) => a + b, 3);
  const n = await counts.count();
  const top = await counts.filter(([, c]) => c > 30).collect();
  return [n, top.length];
};`;
const words = Array.from({ length: 6000 }, (_, i) => `w${(i * 7) % 97}`).join('\n');

let cached: Promise<JobRunReport> | null = null;
function report(): Promise<JobRunReport> {
  cached ??= (async () => {
    const runner = createFunctionRunner();
    try {
      return await runJob({
        source: { fileName: 'ui.js', code: CODE },
        runner,
        cluster: 'cookbook-9',
        seed: 2,
        blockSize: 8 * 1024,
        files: [{ path: '/in/words.txt', bytes: new TextEncoder().encode(words) }],
        snapshots: false,
      });
    } finally {
      await runner.close();
    }
  })();
  return cached;
}

const of = (as: readonly AttemptRecord[], set: string) => as.filter((a) => a.taskSet === set);

describe("Spark's quantile rule", () => {
  it('takes the value at min(floor(q × n), n − 1) of the sorted values', () => {
    expect(sparkQuantiles([])).toEqual([0, 0, 0, 0, 0]);
    expect(sparkQuantiles([7])).toEqual([7, 7, 7, 7, 7]);
    // n = 4: indices 0, 1, 2, 3, 3.
    expect(sparkQuantiles([40, 10, 30, 20])).toEqual([10, 20, 30, 40, 40]);
    // n = 5: indices 0, 1, 2, 3, 4.
    expect(sparkQuantiles([5, 1, 4, 2, 3])).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("Spark UI pages from a real run's trace and attempts", () => {
  it('Jobs: one row per job with its stages and tasks, succeeded at the end, live before', async () => {
    const r = await report();
    const model = sparkUiModel(r);
    const end = r.simulatedMs;
    const rows = jobRowsAt(model, end);
    expect(rows.map((j) => [j.jobId, j.description, j.status])).toEqual([
      [0, 'count at line 3', 'SUCCEEDED'],
      [1, 'collect at line 4', 'SUCCEEDED'],
    ]);
    expect(rows[0]).toMatchObject({ stagesSucceeded: 2, stagesTotal: 2, stagesSkipped: 0, tasksSucceeded: 9 });
    expect(rows[0]!.tasksTotal).toBe(9);
    // Job 1 skips the map stage: 1 stage of 1 (1 skipped), its 3 tasks.
    expect(rows[1]).toMatchObject({ stagesSucceeded: 1, stagesTotal: 1, stagesSkipped: 1, tasksTotal: 3 });
    // Half way through job 0's map stage: job 1 not listed yet, job 0 running with tasks done and running.
    const attempts = r.attempts ?? [];
    const map = of(attempts, 'stage-0');
    const mid = (Math.min(...map.map((a) => a.end)) + Math.max(...map.map((a) => a.end))) / 2;
    const early = jobRowsAt(model, mid);
    expect(early.map((j) => j.jobId)).toEqual([0]);
    const doneByMid = map.filter((a) => a.status === 'succeeded' && a.end <= mid).length;
    const runningAtMid = attempts.filter((a) => a.start <= mid && a.end > mid).length;
    expect(early[0]).toMatchObject({ status: 'RUNNING', tasksSucceeded: doneByMid, tasksRunning: runningAtMid });
    expect(doneByMid).toBeGreaterThan(0);
    expect(doneByMid).toBeLessThan(6);
  });

  it('Stages: completed and skipped groups; task counts and shuffle bytes equal the attempts and the trace', async () => {
    const r = await report();
    const model = sparkUiModel(r);
    const g = stageRowsAt(model, r.simulatedMs);
    expect(g.complete.map((s) => s.stageId)).toEqual([2, 1, 0]);
    expect(g.skipped).toEqual([]);
    expect(g.active).toEqual([]);
    const attempts = r.attempts ?? [];
    const [s2, s1, s0] = g.complete;
    expect(s0).toMatchObject({ tasksSucceeded: 6, tasksTotal: 6, description: 'textFile /in/words.txt → map' });
    expect(s1!.description).toBe('count at line 3');
    const sum = (set: string, k: keyof AttemptRecord['io']) => of(attempts, set).reduce((s, a) => s + a.io[k], 0);
    expect(s0!.shuffleWriteBytes).toBe(sum('stage-0', 'shuffleWriteBytes'));
    expect(s0!.inputBytes).toBe(new TextEncoder().encode(words).length);
    expect(s0!.inputRecords).toBe(6000);
    const fetchedInJob0 = r.trace
      .filter((e) => e.type === 'shuffleFetched' && e.task.startsWith('s1.'))
      .reduce((s, e) => s + (e.type === 'shuffleFetched' ? e.bytes : 0), 0);
    expect(s1!.shuffleReadBytes).toBe(fetchedInJob0);
    expect(s1!.shuffleReadBytes).toBe(s0!.shuffleWriteBytes);
    expect(s2!.shuffleReadBytes).toBe(s0!.shuffleWriteBytes);
    const m = r.metrics;
    expect(s1!.shuffleReadBytes + s2!.shuffleReadBytes).toBe(m.shuffleBytes);
    // Before stage 0 completes: it is active, stage 1 pending, nothing complete; bytes of ended tasks only.
    const firstEnd = Math.min(...of(attempts, 'stage-0').map((a) => a.end));
    const early = stageRowsAt(model, firstEnd);
    expect(early.active.map((s) => s.stageId)).toEqual([0]);
    expect(early.pending.map((s) => s.stageId)).toEqual([1]);
    expect(early.active[0]!.shuffleWriteBytes).toBe(
      of(attempts, 'stage-0')
        .filter((a) => a.end <= firstEnd)
        .reduce((s, a) => s + a.io.shuffleWriteBytes, 0),
    );
    // When job 1 starts, stage 0 (already complete) is skipped in it but stays completed on the Stages page.
    const job1 = model.jobs[1]!;
    expect(stageRowsAt(model, job1.submittedAt).complete.map((s) => s.stageId)).toEqual([1, 0]);
  });

  it('stage page: quantiles over the successful tasks and a task table with locality levels', async () => {
    const r = await report();
    const model = sparkUiModel(r);
    const end = r.simulatedMs;
    const stage0 = model.stages.find((s) => s.stageId === 0)!;
    const summary = stageSummaryAt(model, stage0, end);
    const ok = of(r.attempts ?? [], 'stage-0').filter((a) => a.status === 'succeeded');
    expect(summary.completedTasks).toBe(ok.length);
    const durations = ok.map((a) => a.end - a.start).sort((a, b) => a - b);
    const d = summary.metrics.find((x) => x.id === 'duration')!;
    expect(d.quantiles[0]).toBe(durations[0]);
    expect(d.quantiles[2]).toBe(durations[Math.floor(durations.length / 2)]);
    expect(d.quantiles[4]).toBe(durations.at(-1));
    const w = summary.metrics.find((x) => x.id === 'shuffleWrite')!;
    const writes = ok.map((a) => a.io.shuffleWriteBytes).sort((a, b) => a - b);
    expect(w.quantiles).toEqual([writes[0], writes[1], writes[3], writes[4], writes[5]]);
    expect(summary.metrics.map((x) => x.id)).toEqual(['duration', 'input', 'shuffleWrite']);
    const tasks = taskRowsAt(model, stage0, end);
    expect(tasks.length).toBe(of(r.attempts ?? [], 'stage-0').length);
    expect(tasks.every((x) => ['PROCESS_LOCAL', 'NODE_LOCAL', 'RACK_LOCAL', 'ANY'].includes(x.locality))).toBe(true);
    expect(tasks.map((x) => x.status)).toEqual(tasks.map(() => 'SUCCESS'));
    // The reduce stage's tasks have no preferred location: NO_PREF.
    const stage1 = model.stages.find((s) => s.stageId === 1)!;
    expect(new Set(taskRowsAt(model, stage1, end).map((x) => x.locality))).toEqual(new Set(['NO_PREF']));
    // Task ids are the launch order across the application.
    const all = [...model.stages].flatMap((s) => taskRowsAt(model, s, end)).map((x) => x.taskId);
    expect([...all].sort((a, b) => a - b)).toEqual(all.map((_, i) => i));
    // A running task has no metrics yet.
    const a0 = ok[0]!;
    const running = taskRowsAt(model, stage0, (a0.start + a0.end) / 2).find((x) => x.key === a0.attemptId)!;
    expect(running).toMatchObject({ status: 'RUNNING', inputBytes: 0, shuffleWriteBytes: 0 });
  });

  it('Executors: tasks and bytes per executor add up to the run', async () => {
    const r = await report();
    const model = sparkUiModel(r);
    const rows = executorRowsAt(model, r.simulatedMs);
    expect(rows[0]!.id).toBe('driver');
    const execs = rows.slice(1);
    expect(execs.length).toBe(9);
    const attempts = r.attempts ?? [];
    expect(execs.reduce((s, x) => s + x.completeTasks, 0)).toBe(
      attempts.filter((a) => a.status === 'succeeded').length,
    );
    expect(execs.reduce((s, x) => s + x.activeTasks, 0)).toBe(0);
    expect(execs.reduce((s, x) => s + x.shuffleReadBytes, 0)).toBe(r.metrics.shuffleBytes);
    expect(execs.reduce((s, x) => s + x.inputBytes, 0)).toBe(r.metrics.bytesReadLocal + r.metrics.bytesReadRemote);
    const e1 = execs[0]!;
    const own = attempts.filter((a) => a.executor === e1.id);
    expect(e1.taskTime).toBe(own.reduce((s, a) => s + (a.end - a.start), 0));
    expect(e1.status).toBe('Active');
  });
});
