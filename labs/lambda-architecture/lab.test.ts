/**
 * What the lambda-architecture texts say, checked against the runs (every lab's solutions and
 * starters are judged by labs/allLabs.test.ts): the batch layer alone falls more than a minute
 * behind; a speed layer that keeps its counts counts twice after a batch run; Kappa on a log of one
 * hour rebuilds only the last hour.
 */
import { describe, expect, it } from 'vitest';
import lab, { FRESH_MS, KAPPA_RUN_MS, REDEPLOY, RUN_MS } from './lab';
import { PART_CATALOGUE } from '../../engine/pipeline';
import {
  editPipeline,
  flat,
  runPipelineLabStep,
  type PipelineFile,
  type PipelinePart,
} from '../__tests__/pipelineLabTest';

type Part = PipelinePart;
type File = PipelineFile;

const run = (stepIndex: number, source: string) => runPipelineLabStep(lab, stepIndex, source);
const check = (out: Awaited<ReturnType<typeof run>>['out'], id: string) => out.checks.find((c) => c.id === id)!;
const edit = editPipeline;

describe('the lambda-architecture lab', () => {
  it('step 1: 20 page views a second for 5 minutes, 7 minutes of run; the batch layer alone falls more than a minute behind', async () => {
    const text = flat(lab.steps[0]!.instructions);
    expect(text).toContain('**20 page views a second for 5 minutes** (6,000 in all); the run lasts 7 minutes');
    expect(RUN_MS).toBe(420_000);
    const solved = await run(0, lab.steps[0]!.solution);
    const view = solved.result.views[0]!;
    expect(view.final.differing).toBe(0);
    expect(view.final.truthTotal).toBe(6000);
    expect(view.maxBehindMs).toBeGreaterThan(60_000);
    expect(flat(lab.steps[1]!.instructions)).toContain('falls more than a minute behind');
  });

  it('step 2: a speed layer that keeps its realtime view counts page views twice after a batch run', async () => {
    expect(flat(lab.steps[1]!.instructions)).toContain(`**at most ${FRESH_MS / 1000} s behind**`);
    expect(PART_CATALOGUE.hbase.settings.realtimeViews!.default).toBe('keep');
    const naive = edit(lab.steps[1]!.solution, (p) => {
      for (const part of p.parts) if (part.type === 'hbase') delete part.settings;
    });
    const { out, result } = await run(1, naive);
    expect(check(out, 'fresh').pass).toBe(true);
    expect(check(out, 'never-twice').pass).toBe(false);
    expect(check(out, 'matches-recomputation').pass).toBe(false);
    // The first double count comes right after the first batch run (every 2 minutes).
    const first = result.views[0]!.samples.find((s) => s.doubleCounted > 0)!;
    expect(first.t).toBeGreaterThan(120_000);
    expect(first.t).toBeLessThan(180_000);
  });

  it('step 3: three hours at 2 page views a second, the job redeployed at 2 h 30 min; a log of one hour rebuilds one hour', async () => {
    const text = flat(lab.steps[2]!.instructions);
    expect(text).toContain('This run lasts **3 hours**: the readers send **2 page views a second** (21,600 in all)');
    expect(text).toContain('At **2 h 30 min** a new version');
    expect(REDEPLOY[0]!.atMs).toBe(9_000_000);
    expect(KAPPA_RUN_MS).toBeGreaterThan(3 * 3_600_000);
    expect(
      (JSON.parse(lab.steps[2]!.starter) as File).parts.find((p) => p.type === 'kafka')!.settings!.retentionHours,
    ).toBe(1);
    const shortLog = edit(lab.steps[2]!.solution, (p) => {
      p.parts.find((part) => part.type === 'kafka')!.settings = { retentionHours: 1 };
    });
    const { out, result } = await run(2, shortLog);
    expect(check(out, 'one-code-path').pass).toBe(true);
    const verdict = check(out, 'matches-recomputation');
    expect(verdict.pass).toBe(false);
    expect(verdict.reason).toContain('it counts 10,800 of the 21,600 page views');
    expect(verdict.reason).toContain('its oldest record was offset 10,800');
    expect(result.events.some((e) => e.type === 'reprocess')).toBe(true);
  });

  it('judges every board, and the layers each step teaches', async () => {
    // A decoy board fed by the stream alone, listed first, beside the starter's double-counting board.
    const decoy = edit(lab.steps[2]!.starter, (p) => {
      p.parts.unshift(
        { id: 'decoy', type: 'dashboard', node: 'n3' } as Part,
        { id: 'serving2', type: 'hbase', node: 'n3' } as Part,
      );
      p.wires.push({ from: 'speed-counts', to: 'serving2' }, { from: 'serving2', to: 'decoy' });
    });
    const judged = await run(2, decoy);
    expect(check(judged.out, 'one-code-path').pass).toBe(false);
    expect(check(judged.out, 'never-twice').pass).toBe(false);
    // Step 1 with a streaming job in place of the batch job; step 2 with no batch job, or one that never runs.
    const streamOnly = edit(lab.steps[0]!.solution, (p) => {
      const job = p.parts.find((x) => x.type === 'spark-batch')!;
      job.type = 'spark-streaming';
      job.settings = { op: 'countByKey' };
      p.wires = p.wires.map((w) => {
        const wire = w as { from: string; to: string };
        return wire.to === job.id ? { from: 'log', to: job.id } : wire;
      });
    });
    expect(check((await run(0, streamOnly)).out, 'batch-layer').pass).toBe(false);
    const neverRuns = edit(lab.steps[1]!.solution, (p) => {
      p.parts.find((x) => x.type === 'spark-batch')!.settings = { everyMs: 86_400_000 };
    });
    const idle = await run(1, neverRuns);
    expect(check(idle.out, 'both-layers').reason).toContain('finished no run');
  });
});
