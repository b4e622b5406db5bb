/**
 * The speed, cache and lineage checks judge only programs whose result is right and whose work ran
 * on the cluster as the step asks: an empty program, one that computes in the driver, or one that
 * caches something other than the links passes none of them (reviewer's cheat programs).
 */
import { afterAll, describe, expect, it } from 'vitest';
import lab from './lab';
import { runStep } from '../runStep';
import { labTestRunner } from '../__tests__/labTestRunner';

const runner = labTestRunner();
afterAll(() => runner.close());

async function verdicts(step: number, source: string, faults?: Parameters<typeof runStep>[0]['faults']) {
  const out = await runStep({ lab, stepIndex: step - 1, source, runner, faults });
  expect(out.error).toBeNull();
  return Object.fromEntries(out.checks.map((c) => [c.id, c]));
}

const EMPTY = 'export default async (sc) => [];';

/** Caches the raw lines, counts them 12 times, computes PageRank in the driver. */
const CACHE_LINES_DRIVER_RANKS = `export default async (sc) => {
  const lines = sc.textFile('/data/graph.txt').map((l) => l.split(' ')).cache();
  for (let i = 0; i < 12; i++) await lines.count();
  const edges = await lines.collect();
  const links = new Map();
  for (const [s, d] of edges) { if (!links.has(s)) links.set(s, []); links.get(s).push(d); }
  let ranks = new Map([...links.keys()].map((p) => [p, 1]));
  for (let i = 0; i < 10; i++) {
    const got = new Map();
    for (const [p, ts] of links) if (ranks.has(p)) for (const t of ts) got.set(t, (got.get(t) ?? 0) + ranks.get(p) / ts.length);
    ranks = new Map([...got].map(([p, s]) => [p, 0.15 + 0.85 * s]));
  }
  return [...ranks].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([p, r]) => [p, Math.round(r * 1e6) / 1e6]);
};`;

/** Step 3's PageRank computed in the driver from the collected edges. */
const DRIVER_RANKS = CACHE_LINES_DRIVER_RANKS.replace(
  '.cache();\n  for (let i = 0; i < 12; i++) await lines.count();',
  ';',
);

const DAILY_IN_DRIVER = `export default async (sc) => {
  const lines = await sc.textFile('/data/sensors.csv').collect();
  const acc = new Map();
  for (const l of lines) { const [t, , v] = l.split(','); const d = t.slice(0, 10); const a = acc.get(d) ?? [0, 0]; acc.set(d, [a[0] + Number(v), a[1] + 1]); }
  return [...acc].map(([d, [s, n]]) => [d, s / n]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
};`;

const DAILY_AGGREGATE_BY_KEY = `export default async (sc) => {
  const rows = await sc.textFile('/data/sensors.csv')
    .map((line) => { const p = line.split(','); return [p[0].substring(0, 10), parseFloat(p[2])]; })
    .aggregateByKey([0, 0], (acc, v) => [acc[0] + v, acc[1] + 1], (a, b) => [a[0] + b[0], a[1] + b[1]])
    .map(([d, [s, n]]) => [d, s / n])
    .collect();
  return rows.sort((a, b) => a[0].localeCompare(b[0]));
};`;

describe('step 4: cache() and lineage', () => {
  const solution = lab.steps[3]!.solution;

  it('an empty program passes neither the cache speed-up nor lineage, in English and German', async () => {
    const v = await verdicts(4, EMPTY);
    for (const id of ['cache-pays', 'lineage-recovers']) {
      expect(v[id]!.pass, id).toBe(false);
      expect(v[id]!.reason).toContain('only once the result is right');
      expect(v[id]!.reasons?.de).toContain('erst');
    }
  });

  it('caching the lines and computing the ranks in the driver fails the cache, speed and lineage checks', async () => {
    const v = await verdicts(4, CACHE_LINES_DRIVER_RANKS);
    expect(v['ranks-correct']!.pass).toBe(true);
    expect(v['cache-hits']!.pass).toBe(false);
    expect(v['cache-pays']!.pass).toBe(false);
    expect(v['lineage-recovers']!.pass).toBe(false);
    // The node died after the job had ended: no recovery is claimed.
    expect(v['lineage-recovers']!.reason).toContain('recomputed nothing');
    expect(v['lineage-recovers']!.reason).not.toContain('recomputed from lineage');
    expect(v['lineage-recovers']!.reasons?.de).toContain('nichts neu');
  });

  it('caching the ranks instead of the links fails the cache check', async () => {
    const ranksCached = solution
      .replace('.groupByKey(4)\n    .cache();', '.groupByKey(4);')
      .replace('await ranks.count();', 'ranks = ranks.cache();\n    await ranks.count();');
    expect(ranksCached).not.toBe(solution);
    const v = await verdicts(4, ranksCached);
    expect(v['cache-hits']!.pass).toBe(false);
    expect(v['cache-hits']!.reason).toContain('not of the links');
  });

  it('the reference passes, and lineage counts what was lost and rerun', async () => {
    const v = await verdicts(4, solution);
    expect(Object.values(v).every((c) => c.pass)).toBe(true);
    expect(v['lineage-recovers']!.reason).toMatch(/task attempts? lost, \d+ stages? run again/);
  });

  it("after the UI's own kill, lineage does not call the faulty run on screen a fault-free time", async () => {
    const v = await verdicts(4, solution, [{ atMs: 1500, kind: 'killNode', node: 'n3' }]);
    const lineage = v['lineage-recovers']!;
    expect(lineage.reason).not.toMatch(/ instead of /);
    expect(lineage.reason).toContain('no fault-free time');
    expect(lineage.reasons?.de).toContain('keine ohne Ausfall');
  });
});

describe('steps 1 and 3: Spark is faster than MapReduce', () => {
  it('step 1: an empty program is told the speed waits for a right result (EN and DE)', async () => {
    const v = await verdicts(1, EMPTY);
    expect(v['faster-than-mapreduce']!.pass).toBe(false);
    expect(v['faster-than-mapreduce']!.reason).toContain('the speed is compared only once the result is right');
    expect(v['faster-than-mapreduce']!.reasons?.de).toContain('erst verglichen, wenn das Ergebnis stimmt');
  });

  it('step 1: averages computed in the driver are not timed', async () => {
    const v = await verdicts(1, DAILY_IN_DRIVER);
    expect(v['exact-averages']!.pass).toBe(true);
    expect(v['faster-than-mapreduce']!.pass).toBe(false);
    expect(v['faster-than-mapreduce']!.reason).toContain('driver');
  });

  it('step 1: aggregateByKey is a valid alternative and passes', async () => {
    const v = await verdicts(1, DAILY_AGGREGATE_BY_KEY);
    expect(v['faster-than-mapreduce']!.pass).toBe(true);
  });

  it('step 3: PageRank computed in the driver is not timed', async () => {
    const v = await verdicts(3, DRIVER_RANKS);
    expect(v['ranks-correct']!.pass).toBe(true);
    expect(v['faster-than-mapreduce']!.pass).toBe(false);
  });
});
