/**
 * What the platform-blueprint texts say, checked against the runs (every lab's solutions and
 * starters are judged by labs/allLabs.test.ts).
 */
import { describe, expect, it } from 'vitest';
import lab, { FRESH_MS, HIDDEN_OUTAGE, MAX_LAKE_FILES, OUTAGE, RUN_MS } from './lab';
import { runStep } from '../runStep';
import { PART_CATALOGUE } from '../../engine/pipeline';
import type { PipelineRunReport } from '../labTypes';

const flat = (text: string) => text.replace(/\s+/g, ' ');
const run = async (stepIndex: number, which: 'starter' | 'solution') => {
  const out = await runStep({ lab, stepIndex, source: lab.steps[stepIndex]![which] });
  expect(out.error).toBeNull();
  return { out, result: (out.report as PipelineRunReport).result };
};
const part = (r: PipelineRunReport['result'], id: string) => r.parts.find((p) => p.id === id)!;

describe('the platform-blueprint lab', () => {
  it('step 1: the devices send 100 events a second for a minute; n2 is down from 20 s to 40 s', async () => {
    const text = flat(lab.steps[0]!.instructions);
    expect(text).toContain('100 events a second for a minute');
    expect(text).toContain('**from 20 s to 40 s**');
    expect(OUTAGE.map((f) => f.atMs)).toEqual([20_000, 40_000]);
    expect(HIDDEN_OUTAGE[0]!.atMs).toBeGreaterThan(OUTAGE[1]!.atMs);
    const { result } = await run(0, 'starter');
    expect(part(result, 'devices').settings).toMatchObject({ events: 6000, ratePerSec: 100 });
    expect(part(result, 'reports').node).toBe('n2');
    // The starter's devices resend while the database is down; the solution's never do.
    expect(part(result, 'devices').resent).toBeGreaterThan(1_000);
    const solved = await run(0, 'solution');
    expect(part(solved.result, 'devices').resent).toBe(0);
    expect(part(solved.result, 'reports').refused).toBeGreaterThan(0);
  });

  it('step 1: the database refuses during the outage, before and after the buffer; the API refuses nothing itself', async () => {
    const text = flat(lab.steps[0]!.instructions);
    // The table counts a refusal on the part that could not take the event: the database, whose machine is off.
    expect(text).toContain('While it is down the database refuses every write.');
    expect(text).not.toMatch(/the API refuses/);
    expect(text).toContain('the database still refuses writes while it is down, but whose?');
    const { result } = await run(0, 'starter');
    expect(part(result, 'ingest').refused).toBe(0);
    expect(part(result, 'reports').refused).toBe(part(result, 'devices').resent);
    const solved = await run(0, 'solution');
    // Now the stream's writes are refused; the buffer keeps the events, and no device sends one again.
    expect(part(solved.result, 'reports').refused).toBeGreaterThan(0);
    expect(solved.result.wires.filter((w) => w.to === 'reports').map((w) => w.from)).toEqual(['stream']);
    expect(part(solved.result, 'buffer').refused).toBe(0);
    expect(part(solved.result, 'devices').resent).toBe(0);
  });

  it("step 2: Flume's defaults are the text's, the starter makes far more than 20 files, the run lasts 2 minutes", async () => {
    const text = flat(lab.steps[1]!.instructions);
    const s = PART_CATALOGUE.flume.settings;
    expect(s.rollInterval!.default).toBe(30);
    expect(s.rollCount!.default).toBe(10);
    expect(s.rollSize!.default).toBe(1024);
    expect(text).toContain('`rollInterval` (30 s by default), `rollCount` (10 events) and `rollSize` (1,024 bytes)');
    expect(text).toContain(`**at most ${MAX_LAKE_FILES} files**`);
    expect(text).toContain('the run lasts 2 minutes');
    expect(RUN_MS).toBe(120_000);
    const { result } = await run(1, 'starter');
    expect(part(result, 'lake').files).toBe(1000);
    const solved = await run(1, 'solution');
    expect(part(solved.result, 'lake').files).toBeLessThanOrEqual(MAX_LAKE_FILES);
  });

  it('step 3: on the lake the first position shows once the first file closes, 30 s in; HBase keeps the map fresh', async () => {
    const text = flat(lab.steps[2]!.instructions);
    expect(text).toContain(`**95% of positions are on the map within ${FRESH_MS / 1000} s**`);
    expect(flat(lab.steps[2]!.hints[0]!)).toContain('30 s in');
    const { result } = await run(2, 'starter');
    expect(result.summary.firstDisplayMs).toBeGreaterThanOrEqual(30_000);
    // The file closes just after 30 s; the map shows its positions at the next refresh, as the hint says.
    const closed = result.events.find((e) => e.type === 'fileClosed')!;
    expect(Math.round(closed.t / 1000)).toBe(30);
    expect(flat(lab.steps[2]!.hints[0]!)).toContain(
      `30 s in, and the next refresh of the map has read it, ${Math.round(result.summary.firstDisplayMs! / 1000)} s in`,
    );
    expect(result.summary.latencyMs!.p95).toBeGreaterThan(FRESH_MS);
    const solved = await run(2, 'solution');
    expect(solved.result.summary.latencyMs!.p95).toBeLessThanOrEqual(FRESH_MS);
  });
});
