/** What the hdfs-blocks texts state as facts agrees with the engine they describe. */
import { describe, expect, it } from 'vitest';
import { blockName, FIRST_BLOCK_ID } from '../../engine/hdfs';
import { faultTimingOf, formatInterval } from '../faultTiming';
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
