// A producer that sends every reading twice: the store holds each reading twice, nothing is lost,
// and no consumer died. The reason says the readings were sent twice, not that 300 were
// "committed past without being stored".
import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../../engine/sandbox';
import { runStep } from '../runStep';
import lab from './lab';

const runner = createFunctionRunner({ macrotask: (fn) => setImmediate(fn) });

const SEND = `    await producer.send({
      topic: 'readings',
      // The machine is the key: all of a machine's readings go to one partition, in order.
      messages: records.slice(i, i + 10).map((r) => ({ key: r.machine, value: JSON.stringify(r) })),
    });
`;

describe('kafka-topics step 1: readings sent twice', () => {
  it('says the readings were sent twice, not lost', async () => {
    const solution = lab.steps[0]!.solution;
    expect(solution).toContain(SEND);
    const twice = solution.replace(SEND, SEND + SEND);
    const out = await runStep({ lab, stepIndex: 0, source: twice, runner });
    expect(out.error).toBeNull();
    const stored = out.checks.find((c) => c.id === out.checks[0]!.id)!;
    expect(stored.pass).toBe(false);
    expect(stored.reason).toBe(
      'none of the 300 readings is missing from the store, but the producer sent 600 records for 300 readings: some of them twice (every reading was sent twice), and the store holds 600 rows: send each reading once.',
    );
    expect(stored.reason).not.toMatch(/committed past/);
  });
});
