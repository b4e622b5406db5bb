import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../../../engine/sandbox';
import type { KafkaJobReport } from '../../../engine/api';
import { runStep } from '../../../labs/runStep';
import lab from '../../../labs/kafka-topics/lab';
import { joinedAGroup } from './joinedAGroup';

describe('joinedAGroup: whether the fault bar may offer a consumer crash', () => {
  it('is true for a run whose consumers joined several groups (the report names none)', async () => {
    const runner = createFunctionRunner({ macrotask: (fn) => setImmediate(fn) });
    // kafka-topics step 2's starter: a group per consumer, three groups.
    const o = await runStep({ lab, stepIndex: 1, source: lab.steps[1]!.starter, runner });
    const report = o.report as KafkaJobReport;
    expect(report.group).toBeNull();
    expect(joinedAGroup(report)).toBe(true);
    // The same run told that no group rebalanced: nothing to crash.
    expect(joinedAGroup({ group: null, trace: report.trace.filter((e) => e.type !== 'groupRebalanced') })).toBe(false);
    expect(joinedAGroup({ group: { groupId: 'g', members: 0, generation: 0, rebalances: 0 }, trace: [] })).toBe(false);
  });
});
