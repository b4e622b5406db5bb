import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { runJob } from '../api/runJob';
import type { TraceEvent } from '../core';

// An iterative program with an action per round (PageRank-like): links come from one shuffle,
// every round joins them with the ranks and counts; `cache` toggles links.cache().
const program = (cache: boolean) => `exports.default = async (sc) => {
  const links = sc.textFile('/data/corpus.txt', 4).map((l) => [l.length % 7, l.length % 5]).groupByKey(3)${cache ? '.cache()' : ''};
  let ranks = links.mapValues(() => 1);
  for (let i = 0; i < 4; i++) {
    ranks = links.join(ranks).flatMap(([, [ts, r]]) => ts.map((t) => [t, r / ts.length])).reduceByKey((a, b) => a + b, 3);
    await ranks.count();
  }
  return (await ranks.collect()).length;
};`;

async function run(cache: boolean) {
  const r = createFunctionRunner();
  try {
    return await runJob({
      source: { fileName: 'iter.js', code: program(cache) },
      runner: r,
      cluster: 'cookbook-9',
      seed: 3,
      blockSize: 64 * 1024,
    });
  } finally {
    await r.close();
  }
}
const ofType = (trace: TraceEvent[], type: string) => trace.filter((e) => e.type === type);
const textFileStages = (trace: TraceEvent[], type: string) =>
  ofType(trace, type).filter((e) => String(e.name).startsWith('textFile'));

describe('Spark stages across jobs', () => {
  for (const cache of [false, true]) {
    it(`runs the input stage once and skips it in every later job${cache ? ' (links cached)' : ''}`, async () => {
      const { trace } = await run(cache);
      const jobs = ofType(trace, 'jobSubmitted');
      expect(jobs.map((j) => j.action)).toEqual(['count', 'count', 'count', 'count', 'collect']);
      // One textFile stage, run once in job 0, then skipped (with the same id) by the 4 later jobs.
      const ran = textFileStages(trace, 'stageSubmitted');
      expect(ran.map((e) => [e.job, e.stage])).toEqual([['spark-job-0', 0]]);
      expect(textFileStages(trace, 'stageSkipped').map((e) => [e.job, e.stage])).toEqual(
        [1, 2, 3, 4].map((j) => [`spark-job-${j}`, 0]),
      );
      // Stage ids are global, in creation order; a job lists all of its stages, run or skipped.
      for (const j of jobs) {
        const ids = [...ofType(trace, 'stageSubmitted'), ...ofType(trace, 'stageSkipped')]
          .filter((e) => e.job === j.job)
          .map((e) => e.stage as number)
          .sort((a, b) => a - b);
        expect(ids).toEqual(j.stages);
      }
      // No stage runs twice without lost outputs; the reads charged are those of one input stage.
      const runs = ofType(trace, 'stageSubmitted').map((e) => e.stage);
      expect(new Set(runs).size).toBe(runs.length);
      const reads = trace.filter((e) => e.type === 'taskStarted' && String(e.taskSet) === 'stage-0');
      expect(reads.length).toBe(ran[0]!.tasks);
      // The cached RDD is marked in the stages that contain it.
      const groupOps = ofType(trace, 'stageSubmitted').flatMap((e) =>
        (e.ops as { name: string; cached: boolean }[]).filter((o) => o.name === 'groupByKey'),
      );
      expect(groupOps.length).toBeGreaterThan(0);
      expect(groupOps.every((o) => o.cached === cache)).toBe(true);
    });
  }
});
