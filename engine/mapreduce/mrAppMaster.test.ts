import { describe, expect, it } from 'vitest';
import { preset } from '../cluster';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { JobFailedError, runJob } from '../api/runJob';
import type { RunJobOptions } from '../api/jobTypes';
import { snapshotAt } from '../exec/snapshotRecorder';
import type { TraceEvent } from '../core';
import { textCorpus } from '../datasets/sampleData';
import { hadoopPartition } from '../exec/hadoopHash';

// The learner's module as the CLI's loader would hand it over: CommonJS-style, evaluated with
// `new Function` (two wrapper lines above the code, as in the browser sandbox).
const runner = createFunctionRunner;

const WORD_COUNT = `exports.default = {
  kind: 'mapreduce', input: '/data/corpus.txt', output: '/out/wc', numReduceTasks: 2,
  map(o, line, ctx) { for (const w of line.split(/\\s+/)) if (w) ctx.write(w, 1); },
  combine(w, c, ctx) { let n = 0; for (const x of c) n += x; ctx.write(w, n); },
  reduce(w, c, ctx) { let n = 0; for (const x of c) n += x; ctx.write(w, n); },
};`;

function plainWordCount(): [string, number][] {
  const m = new Map<string, number>();
  for (const line of textCorpus(40_000).split('\n'))
    for (const w of line.split(/\s+/)) if (w) m.set(w, (m.get(w) ?? 0) + 1);
  // As `hdfs dfs -cat /out/wc/part-*` prints it: part-r-00000 then part-r-00001, each sorted.
  const byKey = (a: [string, number], b: [string, number]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const all = [...m.entries()];
  return [0, 1].flatMap((p) => all.filter(([w]) => hadoopPartition(w, 2) === p).sort(byKey));
}

async function run(extra: Partial<RunJobOptions> = {}, code = WORD_COUNT) {
  const r = runner();
  try {
    return await runJob({
      source: { fileName: 'wc.js', code },
      runner: r,
      cluster: 'cookbook-9',
      seed: 3,
      blockSize: 128 * 1024,
      ...extra,
    });
  } finally {
    await r.close();
  }
}

const ofType = (trace: TraceEvent[], type: string) => trace.filter((e) => e.type === type);

describe('MapReduce on the engine core (HDFS, YARN, faults)', () => {
  const expected = plainWordCount();

  it('reads splits from HDFS blocks, asks YARN for containers near them and writes part files back', async () => {
    const report = await run();
    expect(report.result).toEqual(expected);
    const t = report.trace;
    // The engine core's events and the job's, in one trace.
    for (const type of [
      'fileWritten',
      'blockAllocated',
      'applicationSubmitted',
      'containerRequested',
      'containerAllocated',
      'taskStarted',
      'taskFinished',
      'shuffleFetched',
      'partFileWritten',
      'jobFinished',
    ]) {
      expect(ofType(t, type).length, type).toBeGreaterThan(0);
    }
    // Map requests name the replica nodes of their block; most maps run data-local.
    if (report.metrics.kind !== 'mapreduce') throw new Error('a MapReduce run');
    const c = report.metrics.counters;
    expect(c.DATA_LOCAL_MAPS).toBeGreaterThan(c.TOTAL_LAUNCHED_MAPS / 2);
    const requests = ofType(t, 'containerRequested').filter((e) => (e.nodes as string[]).length > 0);
    expect(requests.length).toBe(c.TOTAL_LAUNCHED_MAPS);
    // Part files are real, replicated HDFS files.
    const parts = ofType(t, 'partFileWritten');
    expect(parts.map((e) => e.path)).toEqual(['/out/wc/part-r-00000', '/out/wc/part-r-00001']);
    for (const p of parts) expect((p.replicas as string[]).length).toBe(3);
    for (const a of report.attempts) expect(a.attemptId).toMatch(/^attempt_00001_[mr]_\d{6}_\d+$/);
    // Snapshots show containers while tasks run, and the trace is time ordered.
    expect(report.snapshots.length).toBeGreaterThan(3);
    const mid = snapshotAt(report.snapshots, report.attempts[0]!.start + 1)!;
    expect(mid.nodes.some((n) => n.containers > 0)).toBe(true);
    for (let i = 1; i < t.length; i++) expect(t[i]!.t).toBeGreaterThanOrEqual(t[i - 1]!.t);
  });

  it('without a film keeps the trace and the final snapshot the film ends with', async () => {
    const full = await run();
    const last = await run({ snapshots: { film: false } });
    expect(last.snapshots).toHaveLength(1);
    expect(JSON.stringify(last.snapshots[0])).toBe(JSON.stringify(full.snapshots.at(-1)));
    expect(JSON.stringify(last.trace)).toBe(JSON.stringify(full.trace));
  });

  it('gives a byte-identical trace for the same seed', async () => {
    const a = await run();
    const b = await run();
    expect(JSON.stringify(b.trace)).toBe(JSON.stringify(a.trace));
    expect(JSON.stringify(b.snapshots)).toBe(JSON.stringify(a.snapshots));
  });

  it('keeps the result when a node dies while reducers are fetching (proven from the trace)', async () => {
    const base = await run();
    // Kill, mid-shuffle, a node that holds map outputs a reducer has not fetched yet.
    const fetches = ofType(base.trace, 'shuffleFetched');
    const started = ofType(base.trace, 'shuffleStarted');
    const victim = fetches.find((f) => f.t > started[0]!.t && f.from !== f.to)!;
    // On the kernel's microsecond clock.
    const killAt = Math.round(((started[0]!.t + victim.t) / 2) * 1000) / 1000;
    const node = victim.from as string;
    const faulty = await run({ faults: [{ atMs: killAt, kind: 'killNode', node }] });
    expect(faulty.result).toEqual(expected);
    const t = faulty.trace;
    const died = ofType(t, 'nodeDied')[0]!;
    expect(died.t).toBe(killAt);
    // At the kill, a reducer had started its shuffle and had not finished it.
    const fetching = ofType(t, 'shuffleStarted').filter(
      (s) =>
        s.t <= died.t &&
        !t.some((f) => f.type === 'shuffleFinished' && f.task === s.task && f.attempt === s.attempt && f.t <= died.t),
    );
    expect(fetching.length).toBeGreaterThan(0);
    expect(ofType(t, 'mapOutputLost').length).toBeGreaterThan(0);
    expect(faulty.metrics.kind === 'mapreduce' && faulty.metrics.counters.MAPS_RERUN_FOR_LOST_OUTPUT).toBeGreaterThan(
      0,
    );
    expect(faulty.simulatedMs).toBeGreaterThan(base.simulatedMs);
    // Hadoop counts the locality of every map attempt given a container, the reruns included.
    if (faulty.metrics.kind !== 'mapreduce') throw new Error('a MapReduce run');
    const c = faulty.metrics.counters;
    const maps = new Set(faulty.attempts.filter((a) => a.task.includes('_m_')).map((a) => a.task)).size;
    expect(c.TOTAL_LAUNCHED_MAPS).toBeGreaterThan(maps);
    expect(c.DATA_LOCAL_MAPS + c.RACK_LOCAL_MAPS + c.OTHER_LOCAL_MAPS).toBe(c.TOTAL_LAUNCHED_MAPS);
  });

  it('retries a throwing task on other nodes up to maxAttempts, then fails naming file and line', async () => {
    const bad = `exports.default = {
  kind: 'mapreduce', input: '/data/corpus.txt', output: '/o',
  map(o, line, ctx) {
    if (o > 200000) null.boom();
    ctx.write(line.length, 1);
  },
  reduce(k, v, ctx) { ctx.write(k, [...v].length); },
};`;
    const error = await run({}, bad).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(JobFailedError);
    const e = error as JobFailedError;
    expect(e.message).toMatch(/^wc\.js:4: TypeError/);
    const failed = e.report.attempts.filter((a) => a.status === 'failed');
    const byTask = new Map<string, string[]>();
    for (const a of failed) byTask.set(a.task, [...(byTask.get(a.task) ?? []), a.node]);
    const [task, nodes] = [...byTask.entries()].find(([, n]) => n.length === 4)!;
    expect(task).toMatch(/_m_/);
    expect(new Set(nodes).size).toBe(4); // each retry on another node
    expect(ofType(e.report.trace, 'taskFailed').length).toBeGreaterThanOrEqual(4);
    expect(ofType(e.report.trace, 'jobFailed').length).toBe(1);
    expect(e.report.metrics.failedAttempts).toBe(failed.length);
  });

  it('honours maxAttempts', async () => {
    const bad =
      "exports.default = { kind: 'mapreduce', input: '/data/corpus.txt', output: '/o', map() { throw new Error('no'); } };";
    const e = (await run({ maxAttempts: 2, blockSize: 4 << 20 }, bad).catch((x: unknown) => x)) as JobFailedError;
    expect(e).toBeInstanceOf(JobFailedError);
    expect(e.report.attempts.filter((a) => a.status === 'failed').length).toBe(2);
  });

  it('runs a speculative copy of a straggler on a slowed node, and the copy wins', async () => {
    // Each line stands for 20: a map's work, not its container's start-up, is what the slow node drags.
    const cluster = { ...preset('cookbook-9'), costs: { dataScale: 20 } };
    const base = await run({ cluster });
    const straggler = base.attempts.find((a) => a.task.includes('_m_'))!.node;
    const opts = { cluster, faults: [{ atMs: 0, kind: 'slowNode' as const, node: straggler, factor: 20 }] };
    const slow = await run(opts);
    const fast = await run({ ...opts, speculation: true });
    expect(fast.result).toEqual(expected);
    const winners = fast.attempts.filter((a) => a.speculative && a.status === 'succeeded');
    expect(winners.length).toBeGreaterThan(0);
    const loser = fast.attempts.find((a) => a.task === winners[0]!.task && !a.speculative)!;
    expect(loser.status).toBe('killed');
    expect(loser.node).toBe(straggler);
    expect(fast.simulatedMs).toBeLessThan(slow.simulatedMs);
  });

  it("says on 'cluster' when no node can hold the ApplicationMaster (it named YARN's ask.memoryMb)", async () => {
    const small = { name: 'small', node: { cores: 4, memoryMb: 100 }, racks: [{ nodes: 3 }] };
    const error = await run({ cluster: small }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^cluster: no node can run the job's ApplicationMaster \(yarn\.app\.mapreduce\.am\.resource\.mb: 1536 MB.*no node has 2048 MB \(largest: 100\)/,
    );
  });

  it("says on 'cluster' when every NodeManager has a node label (it waited out a simulated week)", async () => {
    const labelled = { name: 'labelled', node: { nodeLabel: 'gpu' }, racks: [{ nodes: 3 }] };
    const error = await run({ cluster: labelled }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      "cluster: every NodeManager of this cluster has a node label ('gpu'), and a MapReduce job asks for its containers without one, so YARN would never grant them: leave some nodes without a label",
    );
    // One node without a label is enough, if it can hold the ApplicationMaster.
    const mixed = { name: 'mixed', racks: [{ nodes: [{ nodeLabel: 'gpu' }, {}, { nodeLabel: 'gpu' }] }] };
    expect((await run({ cluster: mixed })).result).toEqual(expected);
    const small = {
      name: 'small',
      racks: [{ nodes: [{ nodeLabel: 'gpu' }, { memoryMb: 1000 }, { nodeLabel: 'gpu' }] }],
    };
    expect(((await run({ cluster: small }).catch((e: unknown) => e)) as Error).message).toBe(
      "cluster: no node can run the job's ApplicationMaster (yarn.app.mapreduce.am.resource.mb: 1536 MB and 1 vcore, rounded up to YARN's minimum allocation): no node without a node label has 2048 MB (largest: 1000), and a MapReduce job asks for its containers without one; give the nodes more memory, or leave a larger one without a label",
    );
  });
});
