/**
 * The lesson's runs stay as they were: practice mode's fresh data (labs/practiceSeed.ts) never
 * reaches a run without a practice seed, which is what lessons, `clusterlab check`, hand-in and
 * `clusterlab grade` make. Each step's reference run, as a lesson makes it, is hashed (its main
 * and extra reports: traces, results and figures) and compared with the hashes recorded in
 * labs/__golden__/lesson-runs.json. A deliberate change to a lab's runs or to the engine
 * re-records them with UPDATE_GOLDEN=1.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { labTestRunner } from './__tests__/labTestRunner';
import { LABS } from './labRegistry';
import { runStep } from './runStep';

const GOLDEN = new URL('./__golden__/lesson-runs.json', import.meta.url);

const hash = (value: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? 'null')
    .digest('hex');

describe('lesson runs', () => {
  it('are byte for byte the recorded ones', async () => {
    const runner = labTestRunner();
    const actual: Record<string, string> = {};
    for (const lab of LABS)
      for (const [i, step] of lab.steps.entries()) {
        const out = await runStep({ lab, stepIndex: i, source: step.solution, runner });
        actual[`${lab.id} ${i + 1} ${step.id}`] = hash({ report: out.report, extra: out.extra });
      }
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  }, 120_000);
});
