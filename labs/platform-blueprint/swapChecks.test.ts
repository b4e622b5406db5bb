/**
 * Step 3 swaps the map's store and keeps the lake: a collector that closes a file every second
 * makes the map on the lake fresh, but swaps nothing and changes the lake, and fails.
 */
import { describe, expect, it } from 'vitest';
import lab from './lab';
import { runStep } from '../runStep';

const step = lab.steps[2]!;

describe('platform-blueprint step 3', () => {
  it('fails the starter with the collector rolling a file every second', async () => {
    const roll1 = step.starter.replace(/"rollCount": 0\s*\}/, '"rollCount": 0, "rollInterval": 1 }');
    expect(roll1).not.toBe(step.starter);
    const out = await runStep({ lab, stepIndex: 2, source: roll1 });
    expect(out.error).toBeNull();
    const reason = (id: string) => out.checks.find((c) => c.id === id)!;
    expect(reason('fresh').pass).toBe(true);
    expect(reason('map-store-swapped')).toMatchObject({ pass: false });
    expect(reason('map-store-swapped').reason).toMatch(/^map still reads lake \(hdfs\)/);
    expect(reason('lake-unchanged').reason).toBe(
      `collector's "rollInterval" is 1, the starter's 30: keep the lake as it is; the map's freshness comes from the new store, not from the collector.`,
    );
    expect(out.passed).toBe(false);
  }, 60_000);

  it('passes the reference, whose map reads HBase written by Spark Streaming from the log', async () => {
    const out = await runStep({ lab, stepIndex: 2, source: step.solution });
    expect(out.checks.filter((c) => !c.pass)).toEqual([]);
    expect(out.checks.find((c) => c.id === 'map-store-swapped')!.reason).toBe(
      'map reads serving (hbase), written by positions (spark-streaming) from log.',
    );
  }, 60_000);

  it('judges every dashboard, whatever the order of the parts: an old one left on the lake fails the swap', async () => {
    const solution = JSON.parse(step.solution) as { parts: { id: string }[]; wires: { from: string; to: string }[] };
    const old = { id: 'oldmap', type: 'dashboard', node: 'n3' };
    const wires = [...solution.wires, { from: 'lake', to: 'oldmap' }];
    const reasons: string[] = [];
    for (const parts of [
      [...solution.parts.slice(0, -1), old, solution.parts.at(-1)!],
      [...solution.parts, old],
    ]) {
      const out = await runStep({ lab, stepIndex: 2, source: JSON.stringify({ parts, wires }) });
      expect(out.error).toBeNull();
      const v = out.checks.find((c) => c.id === 'map-store-swapped')!;
      expect(v.pass).toBe(false);
      reasons.push(v.reason);
    }
    expect(reasons[0]).toMatch(/^oldmap still reads lake \(hdfs\)/);
    expect(reasons[1]).toBe(reasons[0]);
  }, 60_000);

  it('fails a lake fed by the stream processing too, or gone, and says so', async () => {
    const solution = JSON.parse(step.solution) as { parts: { id: string }[]; wires: { from: string; to: string }[] };
    const twice = { ...solution, wires: [...solution.wires, { from: 'positions', to: 'lake' }] };
    const out = await runStep({ lab, stepIndex: 2, source: JSON.stringify(twice) });
    expect(out.error).toBeNull();
    expect(out.checks.find((c) => c.id === 'lake-unchanged')).toMatchObject({
      pass: false,
      reason:
        'positions feeds lake too, which the starter fed from collector alone: keep the lake as it is; the new store goes beside it.',
    });
    const gone = {
      parts: solution.parts.filter((p) => p.id !== 'collector' && p.id !== 'lake'),
      wires: solution.wires.filter((w) => w.to !== 'collector' && w.to !== 'lake'),
    };
    const out2 = await runStep({ lab, stepIndex: 2, source: JSON.stringify(gone) });
    expect(out2.error).toBeNull();
    expect(out2.checks.find((c) => c.id === 'lake-unchanged')!.reason).toBe(
      "The starter's collector (flume) is gone: keep the lake as it is and add the new store beside it.",
    );
  }, 60_000);
});
