/**
 * Practice mode's fresh data (labs/practiceSeed.ts), proven over every registered lab and the
 * sample lab pack: on each attempt seed, every step's reference passes every check and its starter
 * fails one (so the checks judge the attempt's own data, not numbers fixed for the lesson), and
 * the attempts' runs differ from one another, on other input data where the step says so. Three
 * seeds: each step's solution and starter run six times (a minute of CPU for all 52 steps).
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { labTestRunner } from './__tests__/labTestRunner';
import { LABS } from './labRegistry';
import { loadPack } from './packs/loadPack';
import { practiceChange, practiceRunSeed, practiceSolution } from './practiceSeed';
import { runStep } from './runStep';
import { runVariant, variantStarter } from './variant';
import type { Lab, LabStep } from './labTypes';

const SEEDS = [11, 2024, 3_000_000_001];

function readFolder(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    const path = prefix ? `${prefix}/${entry}` : entry;
    if (statSync(full).isDirectory()) for (const [p, t] of readFolder(full, path)) files.set(p, t);
    else files.set(path, readFileSync(full, 'utf8'));
  }
  return files;
}

const samplePack = loadPack(
  readFolder(join(import.meta.dirname, 'packs', 'sample-pack')),
  'sample-pack',
  LABS.map((l) => l.id),
);

const hash = (value: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? 'null')
    .digest('hex');

/** The input files of a step's attempt on `seed`, as its run gets them (job and stream steps). */
function inputOf(lab: Lab, step: LabStep, seed: number | null): string | null {
  // A pack's data is generated in the sandbox when it runs: the runs' difference shows it.
  if (lab.pack) return null;
  const data = runVariant(lab, step, seed, true);
  if (step.kind === 'stream') return data.text(step.run.records);
  if (step.kind === 'mapreduce' || step.kind === 'spark')
    return step.run.files.map((f) => data.text(f.dataset)).join('\n');
  return null;
}

describe('practiceRunSeed', () => {
  it('mixes the attempt’s seed with the run’s: the same pair the same seed on every machine, another pair another', () => {
    expect(practiceRunSeed(11, 19)).toBe(practiceRunSeed(11, 19));
    expect(practiceRunSeed(11, 19)).toMatchInlineSnapshot(`2531621773`);
    expect(
      new Set([practiceRunSeed(11, 19), practiceRunSeed(12, 19), practiceRunSeed(11, 20), practiceRunSeed(19, 11)])
        .size,
    ).toBe(4);
    expect(practiceRunSeed(0xffffffff, 0xffffffff)).toBeLessThanOrEqual(0xffffffff);
  });
});

describe('what a new attempt changes', () => {
  it('draws the input of every job step, the records of a stream step with a dataset drawn from a seed, the run of the rest, and a server step’s deadline', () => {
    const changes = Object.fromEntries(
      [...LABS, ...samplePack.labs].flatMap((lab) =>
        lab.steps.map((s, i) => [`${lab.id} ${i + 1}`, practiceChange(lab, s)]),
      ),
    );
    for (const lab of [...LABS, ...samplePack.labs])
      for (const [i, s] of lab.steps.entries()) {
        const want =
          s.kind === 'server'
            ? 'deadline'
            : s.kind === 'mapreduce' ||
                s.kind === 'spark' ||
                (lab.id === 'streaming-delivery' && s.id === 'windows-late-positions')
              ? 'data'
              : 'simulation';
        expect(`${lab.id} ${i + 1} ${changes[`${lab.id} ${i + 1}`]}`).toBe(`${lab.id} ${i + 1} ${want}`);
      }
  });
});

describe.each([...LABS, ...samplePack.labs].map((lab) => [lab.id, lab] as const))('practice in %s', (_id, lab) => {
  it('on every seed the reference passes, the starter fails, and the attempts differ', async () => {
    const runner = labTestRunner();
    const problems: string[] = [];
    for (const [i, step] of lab.steps.entries()) {
      const at = `${lab.id} step ${i + 1} (${step.id})`;
      const runs = new Set<string>();
      const inputs = new Set<string | null>();
      for (const seed of SEEDS) {
        const solved = await runStep({
          lab,
          stepIndex: i,
          source: practiceSolution(step, seed),
          runner,
          practiceSeed: seed,
        });
        if (solved.error) problems.push(`${at} seed ${seed}: the reference's run failed: ${solved.error.message}`);
        for (const c of solved.checks)
          if (!c.pass && !solved.error) problems.push(`${at} seed ${seed}: the reference fails '${c.id}': ${c.reason}`);
        const started = await runStep({
          lab,
          stepIndex: i,
          source: variantStarter(step, seed),
          runner,
          practiceSeed: seed,
        });
        if (started.passed) problems.push(`${at} seed ${seed}: the starter passes every check`);
        runs.add(hash(solved.report));
        inputs.add(inputOf(lab, step, seed));
      }
      const change = practiceChange(lab, step);
      if (runs.size !== SEEDS.length) problems.push(`${at}: ${SEEDS.length - runs.size + 1} attempts had the same run`);
      if (change === 'data' && !lab.pack && (inputs.size !== SEEDS.length || inputs.has(inputOf(lab, step, null))))
        problems.push(`${at}: says the data is fresh, but an attempt's input repeats another's or the lesson's`);
      if (change === 'simulation' && inputs.size > 1)
        problems.push(`${at}: says only the run changes, but the inputs differ`);
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
