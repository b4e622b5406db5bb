import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { runJob } from '../api/runJob';

// Killing the node of the ApplicationMaster before it has started must not sink the job: YARN
// runs a second AM attempt elsewhere (yarn.resourcemanager.am.max-attempts = 2).
const SUM = `exports.default = {
  kind: 'mapreduce', input: '/data/sensors.csv', output: '/out/sum', numReduceTasks: 1,
  map(o, line, ctx) { const p = line.split(','); if (p.length === 3) ctx.write(p[0].slice(0, 10), 1); },
  reduce(k, vs, ctx) { ctx.write(k, [...vs].length); },
};`;

const runner = createFunctionRunner;

async function run(faults: { atMs: number; kind: 'killNode'; node: string }[]) {
  const r = runner();
  try {
    return await runJob({
      source: { fileName: 'sum.js', code: SUM },
      runner: r,
      cluster: 'cookbook-9',
      seed: 1,
      blockSize: 256 * 1024,
      faults,
    });
  } finally {
    await r.close?.();
  }
}

describe('MapReduce ApplicationMaster recovery', () => {
  it('restarts the AM on another node when its node dies before it launched, with the same result', async () => {
    const clean = await run([]);
    const amNode = (clean.trace.find((e) => e.type === 'containerAllocated') as { node: string } | undefined)?.node;
    expect(amNode).toBeDefined();
    const killed = await run([{ atMs: 100, kind: 'killNode', node: amNode! }]);
    expect(killed.result).toEqual(clean.result);
    expect(killed.trace.some((e) => e.type === 'appMasterLost')).toBe(true);
    expect(killed.simulatedMs).toBeGreaterThan(clean.simulatedMs);
  });

  it('fails the job when the AM is lost twice, saying so, and frees each container once', async () => {
    // The first AM on n1 dies before it launched; the second, on n2, dies with tasks beside it.
    const failed = await run([
      { atMs: 100, kind: 'killNode', node: 'n1' },
      { atMs: 601_112, kind: 'killNode', node: 'n2' },
    ]).catch((e: unknown) => e as Error & { report?: { trace: { type: string; container?: number }[] } });
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toBe('the ApplicationMaster was lost 2 times (last on n2)');
    const ends = new Map<number, number>();
    for (const e of (failed as { report: { trace: { type: string; container?: number }[] } }).report.trace)
      if (e.type === 'containerLost' || e.type === 'containerReleased' || e.type === 'containerCompleted')
        ends.set(e.container!, (ends.get(e.container!) ?? 0) + 1);
    expect([...ends.values()].every((n) => n === 1)).toBe(true);
  });
});
