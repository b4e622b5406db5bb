/**
 * The Hadoop-style pages' figures equal the trace's and the counters': JobHistory's tasks,
 * attempts, averages and counters (Map / Reduce / Total) at any instant, YARN's containers per
 * node and HDFS's replicas and under-replicated blocks.
 */
import { describe, expect, it } from 'vitest';
import { runDemoScenario, runJob, type JobRunReport, type RunJobOptions } from '../../../../engine/api';

const MB = 1024 * 1024;
import { createFunctionRunner } from '../../../../engine/sandbox';
import { hadoopCountersAt } from '../runCounters';
import { jobHistoryAt } from './jobHistory';
import { yarnAt } from './yarnAt';
import { nameNodeAt } from './nameNodeAt';

const AVG = `exports.default = {
  kind: 'mapreduce', input: '/data/sensors.csv', output: '/out/daily', numReduceTasks: 3,
  map(o, line, ctx) { const p = line.split(','); if (p.length === 3) ctx.write(p[0].slice(0, 10), Number(p[2])); },
  reduce(k, vs, ctx) { let s = 0, n = 0; for (const v of vs) { s += v; n++; } ctx.write(k, s / n); },
};`;
const nodes = Array.from({ length: 9 }, (_, i) => ({
  id: `n${i + 1}`,
  rack: `r${Math.floor(i / 3) + 1}`,
  cores: 8,
  memoryMb: 16384,
}));

async function run(code = AVG, faults: RunJobOptions['faults'] = []): Promise<JobRunReport> {
  const runner = createFunctionRunner();
  try {
    return await runJob({
      source: { fileName: 'avg.js', code },
      runner,
      cluster: 'cookbook-9',
      seed: 2,
      blockSize: 256 * 1024,
      faults,
    });
  } finally {
    await runner.close();
  }
}

describe("JobHistory's job page", () => {
  it('of a failed job: the task that used up its attempts is FAILED, the ones the job killed are KILLED', async () => {
    const failing = AVG.replace(
      'map(o, line, ctx) {',
      "map(o, line, ctx) { if (o > 300000) throw new Error('bad line');",
    );
    const runner = createFunctionRunner();
    let report: JobRunReport | null = null;
    try {
      await runJob({
        source: { fileName: 'avg.js', code: failing },
        runner,
        cluster: 'cookbook-9',
        seed: 2,
        blockSize: 256 * 1024,
      });
    } catch (error) {
      report = (error as { report?: JobRunReport }).report ?? null;
    } finally {
      await runner.close();
    }
    const [job] = jobHistoryAt(report!, report!.simulatedMs);
    expect(job!.state).toBe('FAILED');
    const failed = job!.mapTasks.filter((x) => x.state === 'FAILED');
    // Each failed task's last attempt failed; every other unfinished task was killed.
    for (const task of failed) expect(task.attempts.at(-1)!.state).toBe('FAILED');
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(failed.length).toBeLessThan(job!.mapTasks.filter((x) => x.state !== 'SUCCEEDED').length);
    for (const task of job!.mapTasks.filter((x) => x.state === 'KILLED'))
      expect(task.attempts.at(-1)!.state).toBe('KILLED');
  }, 60_000);

  it('lists every task and attempt with the trace’s nodes and times, and its counters equal the job’s at the end', async () => {
    const r = await run();
    if (r.metrics.kind !== 'mapreduce') throw new Error('not MapReduce');
    const [job] = jobHistoryAt(r, r.simulatedMs);
    expect(job!.state).toBe('SUCCEEDED');
    const submitted = r.trace.find((e) => e.type === 'jobSubmitted');
    expect(job!.maps).toMatchObject({ total: submitted?.type === 'jobSubmitted' ? submitted.maps : -1, failed: 0 });
    expect(job!.maps.successful).toBe(job!.maps.total);
    expect(job!.reduces).toMatchObject({ total: 3, successful: 3, failed: 0, killed: 0 });
    const started = r.trace.filter((e) => e.type === 'taskStarted');
    const attempts = [...job!.mapTasks, ...job!.reduceTasks].flatMap((x) => x.attempts);
    expect(attempts).toHaveLength(started.length);
    for (const e of started) {
      const a = attempts.find((x) => x.attemptId === e.attemptId)!;
      expect([a.node, a.start]).toEqual([e.node, e.t]);
    }
    for (const e of r.trace.filter((x) => x.type === 'taskFinished'))
      expect(attempts.find((x) => x.attemptId === e.attemptId)!.finish).toBe(e.t);
    // A reducer's phases add up to its time; the averages are those of the successful attempts.
    const reduces = job!.reduceTasks.map((x) => x.successful!);
    for (const a of reduces) expect(a.elapsedShuffle! + a.elapsedMerge! + a.elapsedReduce!).toBeCloseTo(a.elapsed, 6);
    expect(job!.averageShuffleTime).toBeCloseTo(reduces.reduce((s, a) => s + a.elapsedShuffle!, 0) / 3, 6);
    const ms = job!.mapTasks.map((x) => x.successful!.elapsed);
    expect(job!.averageMapTime).toBeCloseTo(ms.reduce((a, b) => a + b, 0) / ms.length, 6);
    // The counters page at the end is the job's counters, the Map and Reduce columns adding up.
    const rows = hadoopCountersAt(r, job!.jobId, r.simulatedMs);
    for (const row of rows) {
      if (row.group === 'ClusterLab (not Hadoop counters)' && row.name === 'MAPS_RERUN_FOR_LOST_OUTPUT') continue;
      expect([row.name, row.total]).toEqual([
        row.name,
        r.metrics.counters[row.name as keyof typeof r.metrics.counters],
      ]);
      if (row.map !== null) expect(row.map + row.reduce!).toBe(row.total);
    }
    const byName = new Map(rows.map((x) => [x.name, x]));
    expect(byName.get('MAP_OUTPUT_BYTES')).toMatchObject({ reduce: 0 });
    expect(byName.get('REDUCE_SHUFFLE_BYTES')).toMatchObject({ map: 0 });
    expect(byName.get('HDFS_BYTES_READ')!.map).toBeGreaterThan(0);
  });

  it('shows the run at an instant: RUNNING attempts, and counters of the attempts finished by then', async () => {
    const r = await run();
    const firstReduce = r.attempts.filter((a) => a.taskSet.endsWith('/reduce')).sort((a, b) => a.start - b.start)[0]!;
    const t = firstReduce.start + firstReduce.cost.startup + firstReduce.cost.shuffle / 2;
    const [job] = jobHistoryAt(r, t);
    expect(job!.state).toBe('RUNNING');
    expect(job!.finished).toBeNull();
    const running = job!.reduceTasks.flatMap((x) => x.attempts).filter((a) => a.state === 'RUNNING');
    expect(running.length).toBeGreaterThan(0);
    for (const a of running) {
      expect(a.finish).toBeNull();
      expect(a.shuffleFinished).toBeNull();
      expect(a.elapsed).toBeCloseTo(t - a.start, 6);
    }
    const done = r.attempts.filter((a) => a.status === 'succeeded' && a.end <= t);
    const rows = new Map(hadoopCountersAt(r, job!.jobId, t).map((x) => [x.name, x]));
    expect(rows.get('MAP_INPUT_RECORDS')!.total).toBe(done.reduce((s, a) => s + a.io.inputRecords, 0));
    expect(rows.get('REDUCE_OUTPUT_RECORDS')!.total).toBe(0);
    expect(rows.get('TOTAL_LAUNCHED_REDUCES')!.total).toBe(
      r.attempts.filter((a) => a.taskSet.endsWith('/reduce') && a.start <= t).length,
    );
    // Earlier, fewer maps have finished: the counters grow with the playback.
    const early = new Map(hadoopCountersAt(r, job!.jobId, r.attempts[0]!.start + 1).map((x) => [x.name, x]));
    expect(early.get('MAP_INPUT_RECORDS')!.total).toBeLessThan(rows.get('MAP_INPUT_RECORDS')!.total);
  });
});

describe("YARN's and HDFS's pages", () => {
  it('YARN: the containers on each node at t are those allocated and not yet completed in the trace', async () => {
    const r = await run();
    const t = r.simulatedMs / 2;
    const y = yarnAt(r, nodes, t);
    const live = new Set<number>();
    for (const e of r.trace) {
      if (e.t > t) break;
      if (e.type === 'containerAllocated') live.add(e.container);
      if (e.type === 'containerCompleted' || e.type === 'containerReleased' || e.type === 'containerLost')
        live.delete(e.container);
    }
    const shown = y.nodes.flatMap((n) => n.containers.map((c) => c.number));
    expect(shown.sort((a, b) => a - b)).toEqual([...live].sort((a, b) => a - b));
    expect(y.apps).toHaveLength(1);
    expect(y.apps[0]).toMatchObject({ type: 'MAPREDUCE', state: 'RUNNING', runningContainers: live.size });
    expect(y.queues[0]!.usedMemoryMb).toBe(y.apps[0]!.memoryMb);
    const end = yarnAt(r, nodes, r.simulatedMs);
    expect(end.apps[0]).toMatchObject({ state: 'FINISHED', finalStatus: 'SUCCEEDED', runningContainers: 0 });
  });

  it('HDFS: the input file’s blocks and their replicas, as the trace placed them', async () => {
    const clean = await run();
    const t0 = nameNodeAt(clean.trace, nodes, 0, 256 * 1024);
    const input = t0.files.find((f) => f.path === '/data/sensors.csv')!;
    expect(input.blocks.length).toBeGreaterThan(1);
    expect(input.blockSize).toBe(256 * 1024);
    for (const b of input.blocks) expect(b.locations).toHaveLength(3);
    const alloc = clean.trace.filter((e) => e.type === 'blockAllocated' && e.path === '/data/sensors.csv');
    expect(input.blocks.map((b) => b.locations.slice().sort())).toEqual(
      alloc.map((e) => (e.type === 'blockAllocated' ? e.replicas.slice().sort() : [])),
    );
  });

  it('HDFS: a dead DataNode stays In Service until declared dead; its blocks then turn under-replicated and are copied back', () => {
    // The home page's scenario: a file put, a DataNode killed, declared dead, its blocks re-replicated.
    const r = runDemoScenario(1);
    const declared = r.trace.find((e) => e.type === 'dataNodeDeclaredDead');
    expect(declared).toBeDefined();
    if (declared?.type !== 'dataNodeDeclaredDead') return;
    const victim = declared.node;
    const before = nameNodeAt(r.trace, r.nodes, declared.t - 1, 128 * MB);
    expect(before.dataNodes.find((d) => d.id === victim)).toMatchObject({ state: 'In Service', down: true });
    expect(before.dataNodes.find((d) => d.id === victim)!.lastContactS).toBeGreaterThan(10);
    const at = nameNodeAt(r.trace, r.nodes, declared.t, 128 * MB);
    expect(at.dataNodes.find((d) => d.id === victim)).toMatchObject({ state: 'Dead', blocks: 0 });
    expect(at.underReplicated.length).toBeGreaterThan(0);
    expect(at.underReplicated.every((b) => !b.locations.includes(victim))).toBe(true);
    const after = nameNodeAt(r.trace, r.nodes, r.durationMs, 128 * MB);
    expect(after.underReplicated).toHaveLength(0);
    expect(after.blocks.every((b) => b.locations.length === b.replication)).toBe(true);
  });
});
