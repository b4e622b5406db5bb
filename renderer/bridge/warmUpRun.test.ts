import { describe, expect, it } from 'vitest';
import { prepareBuiltinDatasets } from '../../engine/datasets';
import { createFunctionRunner } from '../../engine/sandbox';
import { unpackRows } from './packedRows';
import { addPart, withParts, type ReportParts } from './reportParts';
import { toRunView } from '../viz/run/runView';
import type { JobRunReport } from '../../engine/api';
import { WARM_UP_ROUNDS, warmUpRun } from './warmUpRun';

describe('warmUpRun', () => {
  it('takes a word count through the whole pipeline, round after round, and ends its run', async () => {
    const pool = createFunctionRunner();
    let maps = 0;
    let reduces = 0;
    const runMaps = pool.runMapTasks.bind(pool);
    const runReduces = pool.runReduceTasks.bind(pool);
    pool.runMapTasks = (tasks) => ((maps += tasks.length), runMaps(tasks));
    pool.runReduceTasks = (tasks) => ((reduces += tasks.length), runReduces(tasks));
    const parts: string[] = [];
    const reports: string[] = [];
    expect(
      await warmUpRun(
        pool,
        () => false,
        (list, items) => parts.push(`${list} ${unpackRows(items)?.length}`),
        (rest) => reports.push(`${rest.kind} ${rest.trace.length} ${rest.attempts.length}`),
      ),
    ).toBe(WARM_UP_ROUNDS);
    // And the rest of each report, its lists sent ahead as parts, for the page's views.
    expect(reports).toEqual(Array.from({ length: WARM_UP_ROUNDS }, () => 'mapreduce 0 0'));
    // Each round's report, packed as a run's is for the page: the page's unpacking gets warm too.
    expect(parts).toHaveLength(2 * WARM_UP_ROUNDS);
    expect(parts.filter((p) => /^trace \d{3,}$/.test(p))).toHaveLength(WARM_UP_ROUNDS);
    expect(parts.filter((p) => /^attempts \d{3,}$/.test(p))).toHaveLength(WARM_UP_ROUNDS);
    // About as many map tasks as the sandbox's largest example: enough for V8's top tier.
    expect(maps).toBeGreaterThan(7_000);
    expect(reduces).toBe(2 * WARM_UP_ROUNDS);
    expect(pool.running).toBe(false);
    // The sample datasets are made: a run reading one does not wait for it.
    expect(prepareBuiltinDatasets()).toBe(0);
  });

  it('stops after the round in progress when a run is waiting', async () => {
    const pool = createFunctionRunner();
    let loads = 0;
    const load = pool.load.bind(pool);
    pool.load = (...args) => ((loads += 1), load(...args));
    let waiting = false;
    const rounds = warmUpRun(pool, () => waiting);
    waiting = true;
    expect(await rounds).toBe(1);
    expect(loads).toBe(1);
    expect(pool.running).toBe(false);
  });

  it("gives the page a report its run view can be made from, as a run's is (the views' warm-up)", async () => {
    const pool = createFunctionRunner();
    let parts: ReportParts | undefined;
    let report: JobRunReport | null = null;
    await warmUpRun(
      pool,
      () => report !== null,
      (list, items) => (parts = addPart(parts, list, items) || parts),
      (rest) => (report = withParts(rest, parts)),
    );
    const view = toRunView(report!, []);
    expect(view.kind).toBe('mapreduce');
    expect(view.totals.attempts).toBeGreaterThan(200);
    expect(view.bars.length).toBeGreaterThan(200);
  });

  it('never throws, even when the sandbox fails', async () => {
    const pool = createFunctionRunner();
    pool.runMapTasks = () => Promise.reject(new Error('the sandbox crashed'));
    await expect(warmUpRun(pool)).resolves.toBe(1);
    expect(pool.running).toBe(false);
  });
});
