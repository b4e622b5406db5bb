// A stream step run for real: the learner's KafkaJS program against the step's simulated Kafka,
// deterministic, with the UI's faults merged in, and every way it can go wrong told with its line.
import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../engine/sandbox';
import type { KafkaJobReport } from '../engine/api';
import { runStep } from './runStep';
import lab from './streaming-delivery/lab';

const runner = createFunctionRunner({ macrotask: (fn) => setImmediate(fn) });
const step = lab.steps[0]!;
const run = (source: string, streamFaults: unknown[] = []) =>
  runStep({ lab, stepIndex: 0, source, runner, streamFaults: streamFaults as never });

describe('a stream step run', () => {
  it('is deterministic: the same program, seed and faults give the same bytes', async () => {
    const [a, b] = [await run(step.solution), await run(step.solution)];
    expect(JSON.stringify(b.report)).toBe(JSON.stringify(a.report));
    expect(JSON.stringify(b.extra)).toBe(JSON.stringify(a.extra));
    expect(a.passed).toBe(true);
    // The step's own run and the schedule it does not show, judged separately.
    expect(a.extra.map((x) => x.id)).toEqual(['hidden']);
  });

  it("merges the UI's faults into the main run only, and the checks judge them", async () => {
    const plain = (await run(step.starter)).report as KafkaJobReport;
    const faulty = await run(step.starter, [
      { kind: 'crashConsumer', consumer: 2, atMessage: 50, point: 'after-processing' },
    ]);
    const report = faulty.report as KafkaJobReport;
    expect(report.trace.filter((e) => e.type === 'consumerCrashed')).toHaveLength(2);
    // Both consumers crashed: nobody is left to store what they were handed.
    expect(report.ledger.pending + report.ledger.lost).toBeGreaterThan(plain.ledger.pending + plain.ledger.lost);
    expect(faulty.checks.find((c) => c.id === 'every-position-stored')!.pass).toBe(false);
  });

  it('tells a forged fault by its field, before anything runs', async () => {
    const o = await run(step.solution, [{ kind: 'killBroker', broker: 'n99', atMs: 1 }]);
    expect(o.error).toMatchObject({ kind: 'invalid' });
    expect(o.error!.message).toMatch(/faults from the page\[0\]\.broker: must be one of the brokers/);
    expect(o.checks.every((c) => !c.pass && c.reason.startsWith('not judged'))).toBe(true);
    const notList = await runStep({ lab, stepIndex: 0, source: step.solution, runner, streamFaults: 'crash' as never });
    expect(notList.error!.message).toBe('faults from the page: must be an array');
  });

  it('tells what the learner got wrong, with the line', async () => {
    const syntax = await run('import { Kafka } from "kafkajs";\nexport async function consume( {');
    expect(syntax.error).toMatchObject({ kind: 'compile', line: 2 });
    const none = await run('export const answer = 42;');
    expect(none.error!.message).toMatch(
      /gps-at-least-once\.js: exports no function: a KafkaJS program exports the functions the run calls/,
    );
    const thrown = await run(
      step.solution.replace(
        'export async function produce({ records }) {',
        'export async function produce({ records }) {\n  null.boom;',
      ),
    );
    expect(thrown.error).toMatchObject({ kind: 'code', line: 8 });
    expect(thrown.error!.message).toMatch(/TypeError/);
  });
});
