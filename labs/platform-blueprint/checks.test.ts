/**
 * The platform-blueprint checks' verdicts on pipelines that bend the steps' rules: each reason
 * says what the run shows.
 */
import { describe, expect, it } from 'vitest';
import lab from './lab';
import { runStep } from '../runStep';
import { seconds } from '../checkKit';
import type { PipelineRunReport } from '../labTypes';
import type { PipelineFault } from '../../engine/pipeline';

const verdict = async (stepIndex: number, source: string, id: string) => {
  const out = await runStep({ lab, stepIndex, source });
  expect(out.error).toBeNull();
  return out.checks.find((c) => c.id === id)!;
};

describe('platform-blueprint checks', () => {
  it('step 2: a lake whose writer never closes a file fails "few files"', async () => {
    const solution = lab.steps[1]!.solution;
    for (const source of [
      solution.replace('"rollInterval": 30', '"rollInterval": 0'),
      solution.replace('"rollInterval": 30', '"rollInterval": 120'),
    ]) {
      expect(source).not.toBe(solution);
      const v = await verdict(1, source, 'few-files');
      expect(v.pass).toBe(false);
      expect(v.reason).toMatch(/^lake took 6,000 events but closed no file by the end of the run: /);
    }
  }, 60_000);

  it('step 1: with the buffer on the machine that goes down, the reason names it as the part that refused', async () => {
    const solution = lab.steps[0]!.solution;
    const onN2 = solution.replace(
      '"id": "buffer", "type": "kafka", "node": "n1"',
      '"id": "buffer", "type": "kafka", "node": "n2"',
    );
    expect(onN2).not.toBe(solution);
    const v = await verdict(0, onN2, 'devices-never-resend');
    expect(v.pass).toBe(false);
    expect(v.reason).toMatch(
      /and it could not: buffer \(Kafka on n2\) refused [\d,]+ copies because its machine was down\./,
    );
    expect(v.reason).toMatch(
      /A buffer keeps events only while its machine is up: put buffer on a machine that stays up/,
    );
    expect(v.reason).not.toContain('the blueprint puts a buffer after the API');
    // The starter names the database as the part that refused.
    const starter = await verdict(0, lab.steps[0]!.starter, 'devices-never-resend');
    expect(starter.reason).toMatch(
      /: reports \(Relational database on n2\) refused [\d,]+ copies because its machine was down\./,
    );
  }, 60_000);

  it('step 1: with the ingest API on the machine that goes down, the reason says to move the API, not to add a buffer', async () => {
    const solution = lab.steps[0]!.solution;
    const apiOnN2 = solution.replace(
      '"id": "ingest", "type": "api", "node": "n1"',
      '"id": "ingest", "type": "api", "node": "n2"',
    );
    expect(apiOnN2).not.toBe(solution);
    const v = await verdict(0, apiOnN2, 'devices-never-resend');
    expect(v.pass).toBe(false);
    expect(v.reason).toMatch(
      /: they send every event to ingest \(Ingest API on n2\), which refused [\d,]+ copies because its machine was down\. The devices wait on ingest, which takes nothing while its machine is down: put it on a machine that stays up\.$/,
    );
    // The buffer the learner placed is not blamed, nor asked for again; the database refused the stream, not the devices.
    for (const wrong of ['the part after it', 'puts a buffer after the API', 'A buffer keeps', 'reports ('])
      expect(v.reason).not.toContain(wrong);
    // The starter with its API on n2: move the API, and the database behind it needs a buffer before it.
    const starter = lab.steps[0]!.starter.replace(
      '"id": "ingest", "type": "api", "node": "n1"',
      '"id": "ingest", "type": "api", "node": "n2"',
    );
    const s = await verdict(0, starter, 'devices-never-resend');
    expect(s.reason).toContain('they send every event to ingest (Ingest API on n2), which refused');
    expect(s.reason).toMatch(
      /put it on a machine that stays up\. A device keeps few events; the blueprint puts a buffer after the API, on a machine that is up when a store is not\.$/,
    );
  }, 60_000);

  it('step 1: events a stream has yet to read from Kafka are counted once, in the log that holds them', async () => {
    const solution = lab.steps[0]!.solution;
    // A trigger longer than the run: the stream never reads, Kafka keeps every event.
    const neverReads = solution.replace(
      '"id": "stream", "type": "spark-streaming", "node": "n3"',
      '"id": "stream", "type": "spark-streaming", "node": "n3", "settings": { "triggerMs": 200000 }',
    );
    expect(neverReads).not.toBe(solution);
    const out = await runStep({ lab, stepIndex: 0, source: neverReads });
    const result = (out.report as PipelineRunReport).result;
    const held = (id: string) => result.parts.find((p) => p.id === id)!.heldAtEnd;
    // The engine gives the stream its lag on the log: the same 6,000 events.
    expect([held('buffer'), held('stream'), result.summary.pending]).toEqual([6000, 6000, 6000]);
    expect(out.checks.find((c) => c.id === 'every-event-displayed')!.reason).toBe(
      '0 of 6,000 events reached the dashboard: 6,000 were still on their way when the run ended (buffer holds 6,000, which stream has yet to read).',
    );
  }, 60_000);

  it('step 1: the database must stay on n2, read by the dashboard', async () => {
    const solution = lab.steps[0]!.solution;
    const moved = solution.replace(
      '"id": "reports", "type": "rdbms", "node": "n2"',
      '"id": "reports", "type": "rdbms", "node": "n1"',
    );
    const swapped = solution.replace(
      '"id": "reports", "type": "rdbms", "node": "n2"',
      '"id": "reports", "type": "hbase", "node": "n3"',
    );
    for (const source of [moved, swapped]) expect(source).not.toBe(solution);
    expect((await verdict(0, moved, 'database-stays')).reason).toBe(
      "The starter's reports (rdbms) runs on n2, the machine that goes down, and the dashboard reads it; now reports is rdbms on n1. Keep the database on n2: the platform must ride out its outage, not move away from it.",
    );
    expect(await verdict(0, swapped, 'database-stays')).toMatchObject({ pass: false });
    expect((await verdict(0, swapped, 'database-stays')).reason).toContain('now reports is hbase on n3.');
    expect(await verdict(0, solution, 'database-stays')).toEqual({
      id: 'database-stays',
      title: 'The database stays on n2',
      pass: true,
      reason: 'reports (rdbms) stays on n2, read by the dashboard.',
    });
  }, 60_000);

  it('step 3: with a fault injected into a swapped pipeline, the freshness reason names the fault, not the store', async () => {
    const out = await runStep({
      lab,
      stepIndex: 2,
      source: lab.steps[2]!.solution,
      pipelineFaults: [
        { atMs: 30_000, kind: 'killNode', node: 'n3' },
        { atMs: 40_000, kind: 'restartNode', node: 'n3' },
      ],
    });
    expect(out.error).toBeNull();
    const fresh = out.checks.find((c) => c.id === 'fresh')!;
    expect(fresh.pass).toBe(false);
    expect(fresh.reason).toMatch(
      /: more than 10\.00 s, in a run with a fault injected from outside \(n3 killed at 30\.00 s, n3 back at 40\.00 s\): the events it held up count too, and without it 95% were on the dashboard within \d\.\d\d s\. Run again without it to judge the pipeline\.$/,
    );
    // The figure without it is the fault-free run's.
    const fresh0 = (await runStep({ lab, stepIndex: 2, source: lab.steps[2]!.solution })).report as PipelineRunReport;
    expect(fresh.reason).toContain(`within ${seconds(fresh0.result.summary.latencyMs!.p95)}. Run again`);
    expect(fresh.reason).not.toContain('Look at when the store');
    // The starter's map on the lake still hears about its store.
    const starter = await verdict(2, lab.steps[2]!.starter, 'fresh');
    expect(starter.reason).toMatch(/Look at when the store the dashboard reads lets it see an event\.$/);
  }, 60_000);

  it('step 3: a fault injected from outside that changed nothing is not named as what made the map late', async () => {
    const solution = lab.steps[2]!.solution;
    // A 30 s trigger makes the map late whatever happens to n1 after the last event was sent.
    const slowTrigger = solution.replace(
      '"id": "positions", "type": "spark-streaming", "node": "n3"',
      '"id": "positions", "type": "spark-streaming", "node": "n3", "settings": { "triggerMs": 30000 }',
    );
    expect(slowTrigger).not.toBe(solution);
    const p95 = async (pipelineFaults: PipelineFault[]) => {
      const out = await runStep({ lab, stepIndex: 2, source: slowTrigger, pipelineFaults });
      expect(out.error).toBeNull();
      const report = out.report as PipelineRunReport;
      return { p95: report.result.summary.latencyMs!.p95, fresh: out.checks.find((c) => c.id === 'fresh')! };
    };
    const plain = await p95([]);
    const slowed = await p95([{ atMs: 64_000, kind: 'slowNode', node: 'n1', factor: 4 }]);
    expect(slowed.p95).toBe(plain.p95);
    expect(slowed.fresh.pass).toBe(false);
    expect(slowed.fresh.reason).toMatch(
      /: more than 10\.00 s, the same as without the fault injected from outside \(n1 4× slower from 64\.00 s\): it is not what made the events late\. Look at when the store the dashboard reads lets it see an event\.$/,
    );
    expect(slowed.fresh.reason).not.toContain('held up');
    expect(slowed.fresh.reason).not.toContain('Run again without it');
    // A fault that made them later still, in a pipeline late without it: both figures, the pipeline to look at.
    const killed = await p95([
      { atMs: 30_000, kind: 'killNode', node: 'n3' },
      { atMs: 40_000, kind: 'restartNode', node: 'n3' },
    ]);
    expect(killed.p95).toBeGreaterThan(plain.p95);
    expect(killed.fresh.reason).toContain(
      `, and ${seconds(plain.p95)} without the fault injected from outside (n3 killed at 30.00 s, n3 back at 40.00 s): the pipeline is late without it too. Look at when the store`,
    );
  }, 60_000);
});
