import { describe, expect, it } from 'vitest';
import { runJob } from '../../../engine/api';
import { createFunctionRunner } from '../../../engine/sandbox';
import { toRunView } from './runView';
import { stageProgressAt } from './runStages';
import { startupStateAt } from './startupRows';
import { countRunning } from './timelineLayout';

// Two actions on one cached, shuffled RDD: job 1 skips the stage that wrote the shuffle.
const CODE = `exports.default = async (sc) => {
  const counts = sc.textFile('/in/words.txt', 4).map((w) => [w, 1]).reduceByKey((a, b) => a + b, 3).cache();
  const n = await counts.count();
  const top = await counts.filter(([, c]) => c > 3).collect();
  return [n, top.length];
};`;
const words = Array.from({ length: 3000 }, (_, i) => `w${(i * 7) % 97}`).join('\n');

async function view() {
  const runner = createFunctionRunner();
  try {
    const report = await runJob({
      source: { fileName: 'two.js', code: CODE },
      runner,
      cluster: 'cookbook-9',
      seed: 1,
      blockSize: 8 * 1024,
      files: [{ path: '/in/words.txt', bytes: new TextEncoder().encode(words) }],
      snapshots: false,
    });
    const nodes = Array.from({ length: 9 }, (_, i) => ({ id: `n${i + 1}`, rack: `r${Math.floor(i / 3) + 1}` }));
    return toRunView(report, nodes);
  } finally {
    await runner.close();
  }
}

describe('Spark jobs and stages in the run view', () => {
  it('lists each job with its stages, skipped ones greyed in later jobs, cached RDDs marked', async () => {
    const v = await view();
    expect(v.jobs.map((j) => j.label)).toEqual(['Job 0: count at line 3', 'Job 1: collect at line 4']);
    const [j0, j1] = v.jobs;
    const stagesOf = (j: (typeof v.jobs)[number]) => j.stages.map((id) => v.stages.find((s) => s.id === id)!);
    expect(stagesOf(j0!).map((s) => [s.stageId, s.skipped])).toEqual([
      [0, false],
      [1, false],
    ]);
    // Job 1: stage 0 keeps its id and is skipped; its result stage is stage 2.
    expect(stagesOf(j1!).map((s) => [s.stageId, s.skipped])).toEqual([
      [0, true],
      [2, false],
    ]);
    const skipped = stagesOf(j1!)[0]!;
    expect(stageProgressAt(skipped, v.bars, j1!.submittedAt - 1).state).toBe('waiting');
    expect(stageProgressAt(skipped, v.bars, j1!.submittedAt).state).toBe('skipped');
    expect(stagesOf(j0!)[1]!.ops!.find((o) => o.name === 'reduceByKey')).toMatchObject({ cached: true });
    expect(stagesOf(j0!)[0]!.ops!.map((o) => o.name.split(' ')[0])).toEqual(['textFile', 'map']);
    expect(v.edges.filter((e) => e.to === j1!.stages[1])).toEqual([
      { from: j1!.stages[0], to: j1!.stages[1], kind: 'wide', label: 'shuffle' },
    ]);
    // At every instant, the stages' running tasks are the timeline's running bars.
    for (let t = 0; t <= v.durationMs; t += v.durationMs / 40) {
      const running = v.stages.reduce((n, s) => n + stageProgressAt(s, v.bars, t).running, 0);
      expect(running).toBe(countRunning(v, t));
    }
    for (const s of v.stages) expect(['done', 'skipped']).toContain(stageProgressAt(s, v.bars, v.durationMs).state);
  });

  it('has start-up rows for the driver and every executor before the first task', async () => {
    const v = await view();
    const rows = v.startup!;
    expect(rows.map((r) => r.name)).toEqual(['driver', ...Array.from({ length: 9 }, (_, i) => `exec-n${i + 1}`)]);
    const firstTask = Math.min(...v.bars.map((b) => b.start));
    expect(rows[0]!.readyAt).toBeLessThanOrEqual(firstTask);
    expect(startupStateAt(rows[0]!, 1)).toBe('starting');
    expect(startupStateAt(rows[1]!, 1)).toBe('starting');
    // The last executor waits for its NodeManager's heartbeat before it starts.
    expect(startupStateAt(rows[9]!, 1)).toBe('waiting');
    for (const r of rows) expect(startupStateAt(r, firstTask)).toBe('ready');
  });
});
