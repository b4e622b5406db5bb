/**
 * Real runs for the machine-learning panel's tests: the ml-in-production lab's step files run as
 * the lab runs them (labs/runStep: the step's seed, cluster and length), cached per step and file.
 */
import type { PipelineResult } from '../../../../engine/pipeline';
import { findLab } from '../../../../labs/labRegistry';
import type { PipelineRunReport } from '../../../../labs/labTypes';
import { runStep } from '../../../../labs/runStep';

export const ML_STEPS = ['1-train-and-apply', '2-models-do-not-work-forever', '3-a-model-per-pump'] as const;
export type MlStep = (typeof ML_STEPS)[number];

const cache = new Map<string, Promise<PipelineResult>>();

async function run(step: MlStep, file: 'solution' | 'starter'): Promise<PipelineResult> {
  const lab = findLab('ml-in-production');
  if (!lab) throw new Error('no ml-in-production lab');
  const stepIndex = ML_STEPS.indexOf(step);
  const out = await runStep({ lab, stepIndex, source: lab.steps[stepIndex]![file] });
  if (out.error) throw new Error(`${step}/${file}: ${out.error.message}`);
  return (out.report as PipelineRunReport).result;
}

/** A step's starter or solution, run once per test file. */
export function mlRun(step: MlStep, file: 'solution' | 'starter'): Promise<PipelineResult> {
  const name = `${step}/${file}`;
  const hit = cache.get(name);
  if (hit) return hit;
  const made = run(step, file);
  cache.set(name, made);
  return made;
}

/** Step 3's solution with one model for the fleet: the held-out test refuses it once the worn pumps pull it apart. */
export function refusedFleetRun(): Promise<PipelineResult> {
  const hit = cache.get('refused');
  if (hit) return hit;
  const lab = findLab('ml-in-production')!;
  const spec = JSON.parse(lab.steps[2]!.solution) as { parts: { type: string; settings?: Record<string, unknown> }[] };
  spec.parts.find((p) => p.type === 'spark-batch')!.settings!.modelPer = 'fleet';
  const made = runStep({ lab, stepIndex: 2, source: JSON.stringify(spec) }).then(
    (out) => (out.report as PipelineRunReport).result,
  );
  cache.set('refused', made);
  return made;
}
