/** What the hdfs-blocks texts state as facts agrees with the engine they describe. */
import { describe, expect, it } from 'vitest';
import { blockName, FIRST_BLOCK_ID } from '../../engine/hdfs';
import { faultTimingOf, formatInterval } from '../faultTiming';
import { runStep } from '../runStep';
import { localizeLab } from '../labLocale';
import { practiceHints, practiceSolution } from '../practiceSeed';
import lab, { BIG, LOG } from './lab';

/** Markdown may wrap a sentence anywhere. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the hdfs-blocks texts', () => {
  it('name the blocks as the NameNode does and the files the checks judge', () => {
    const text = flat(lab.steps[0]!.instructions);
    expect(text).toContain(`\`${blockName(FIRST_BLOCK_ID)}\`, the next \`${blockName(FIRST_BLOCK_ID + 1)}\``);
    expect(text).toContain(BIG);
    expect(lab.steps[3]!.instructions).toContain(LOG);
  });

  it("give the heartbeat and dead-node intervals of Hadoop's defaults", () => {
    const timing = faultTimingOf('hdfs');
    expect(flat(lab.steps[2]!.instructions)).toContain(
      `heartbeat every ${formatInterval(timing.dataNodeHeartbeatMs)}; the NameNode declares a silent one dead only after ${formatInterval(timing.dataNodeDeadMs)}`,
    );
  });
});

describe('the kill step in practice', () => {
  it('names the nodes that hold replicas where its practice hints say, and its reference kills one of them', async () => {
    const step = lab.steps[2]!;
    expect(practiceHints(step)[0]).toContain(step.checks.find((c) => c.id === 'still-rack-aware')!.title);
    for (const seed of [11, 2024, 77_777]) {
      const started = await runStep({ lab, stepIndex: 2, source: step.starter, practiceSeed: seed });
      const written = started.snapshots!.find((x) => x.label === 'written')!.snapshot;
      const holding = written.nodes.filter((n) => n.blocks > 0).map((n) => n.id);
      const named = started.checks.find((c) => c.id === 'still-rack-aware')!;
      // Not passed (nothing was recovered), yet it names where the replicas lie.
      expect(named.pass).toBe(false);
      expect(named.reason).toMatch(/^nothing was recovered: no replica was copied/);
      expect(new Set(named.reason.match(/\bn\d+\b/g))).toEqual(new Set(holding));
      // The node-declared-dead check's example names one of them too (it named n2, which may hold none).
      const dead = started.checks.find((c) => c.id === 'node-declared-dead')!;
      expect(holding).toContain(/"node": "(n\d+)"/.exec(dead.reason)![1]);
      const killed = /"node": "(n\d+)"/.exec(practiceSolution(step, seed))![1]!;
      expect(holding).toContain(killed);
    }
  });

  it('does not call replicas restored when none was lost (the starter passed with "0 replicas re-replicated")', async () => {
    const step = lab.steps[2]!;
    const idle = await runStep({ lab, stepIndex: 2, source: step.starter });
    const restored = idle.checks.find((c) => c.id === 'replicas-restored')!;
    expect(restored.pass).toBe(false);
    expect(restored.reason).toMatch(/^no replica was lost/);
    const solved = await runStep({ lab, stepIndex: 2, source: step.solution });
    expect(solved.checks.find((c) => c.id === 'replicas-restored')!.pass).toBe(true);
  });

  it('shows its practice hints in German too, the lesson keeping its own', () => {
    const de = localizeLab(lab, 'de').steps[2]!;
    expect(practiceHints(de)).toEqual(
      lab.translations!.de!.partial ? [] : lab.translations!.de!.steps['kill-datanode']!.practiceHints,
    );
    expect(practiceHints(de)[0]).toContain(de.checks.find((c) => c.id === 'still-rack-aware')!.title);
    expect(de.hints[1]).toContain('"node": "n5"');
  });
});
