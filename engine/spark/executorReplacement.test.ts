import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { runJob } from '../api/runJob';
import type { RunJobOptions } from '../api/jobTypes';
import type { TraceEvent } from '../core';

const runner = createFunctionRunner;

// Eight word counts in a row (nothing cached): enough work after a node's return for a
// replacement executor to register and take tasks.
const JOB = `exports.default = async (sc) => {
  const words = sc.textFile('/data/corpus.txt', 6).flatMap((l) => l.split(/\\s+/)).filter((w) => w);
  const out = [];
  for (let i = 0; i < 8; i++) out.push(await words.map((w) => [w.length % (i + 2), 1]).reduceByKey((a, b) => a + b).collect());
  return out;
};`;

async function run(extra: Partial<RunJobOptions> = {}) {
  const r = runner();
  try {
    return await runJob({
      source: { fileName: 'many.js', code: JOB },
      runner: r,
      cluster: 'cookbook-9',
      seed: 7,
      blockSize: 256 * 1024,
      ...extra,
    });
  } finally {
    await r.close();
  }
}
const ofType = (trace: TraceEvent[], type: string) => trace.filter((e) => e.type === type);

describe('Spark executor replacement', () => {
  it('asks YARN for a new executor when one is lost; it registers and runs later tasks', async () => {
    const base = await run();
    const first = ofType(base.trace, 'taskStarted')[0]!;
    const victim = first.node as string;
    // The node dies mid-stage and comes back: YARN reports the executor's container lost, and the
    // driver's replacement request (same size, anywhere) is granted where there is room.
    const faults: RunJobOptions['faults'] = [
      { atMs: first.t + 1, kind: 'killNode', node: victim },
      { atMs: first.t + 200, kind: 'restartNode', node: victim },
    ];
    const faulty = await run({ faults });
    expect(faulty.result).toEqual(base.result);
    const t = faulty.trace;
    const lost = ofType(t, 'executorLost');
    expect(lost.map((e) => e.executor)).toEqual([`exec-${victim}`]);
    const added = ofType(t, 'executorAdded').filter((e) => e.t >= lost[0]!.t);
    expect(added.length).toBe(1);
    const replacement = added[0]!.executor as string;
    expect(replacement).not.toBe(`exec-${victim}`);
    expect(ofType(t, 'executorAdded').length).toBe(10);
    // The replacement takes tasks of later stages.
    expect(ofType(t, 'taskStarted').some((e) => e.executor === replacement && e.t > added[0]!.t)).toBe(true);
    const again = await run({ faults });
    expect(JSON.stringify(again.trace)).toBe(JSON.stringify(t));
  });

  it('replaces an executor whose container was lost while it started (before it could register)', async () => {
    const base = await run();
    const firstAdded = ofType(base.trace, 'executorAdded')[0]!;
    // Every node dies just before the first executor registers and comes back 100 ms later:
    // the containers still starting are lost with the rest, and each is asked for again.
    const nodes = [...new Set(ofType(base.trace, 'executorAdded').map((e) => e.node as string))];
    const faults: RunJobOptions['faults'] = nodes.flatMap((node) => [
      { atMs: firstAdded.t - 1, kind: 'killNode' as const, node },
      { atMs: firstAdded.t + 99, kind: 'restartNode' as const, node },
    ]);
    const faulty = await run({ faults });
    expect(faulty.result).toEqual(base.result);
    const registered = ofType(faulty.trace, 'executorAdded').filter((e) => e.t > firstAdded.t);
    expect(registered.length).toBe(nodes.length);
    // The driver did not wait out spark.scheduler.maxRegisteredResourcesWaitingTime (30 s) for the lost ones.
    expect(ofType(faulty.trace, 'taskStarted')[0]!.t).toBeLessThan(firstAdded.t + 10_000);
  });

  it('keeps a replacement request pending while no node has room (a full cluster)', async () => {
    const base = await run();
    const first = ofType(base.trace, 'taskStarted')[0]!;
    const faulty = await run({ faults: [{ atMs: first.t + 1, kind: 'killNode', node: first.node as string }] });
    expect(faulty.result).toEqual(base.result);
    const lost = ofType(faulty.trace, 'executorLost')[0]!;
    const asks = ofType(faulty.trace, 'containerRequested').filter((e) => e.t === lost.t);
    expect(asks.length).toBe(1);
    expect(ofType(faulty.trace, 'executorAdded').length).toBe(9);
  });
});
