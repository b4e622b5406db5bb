/**
 * Practice mode's rule for fresh data (docs/hand-in-format.md, "Practice"): every attempt at a step
 * runs on its own seed. A job step's datasets that can be drawn from a seed (`forSeed`) are drawn
 * from it, with the step's variant values if it has a variant; every run of the step (the main run
 * and the extra runs its checks compare with) takes its simulation seed from the attempt's seed and
 * its own, so placements, timings, generated events and file contents change too. Lessons,
 * `clusterlab check`, hand-in and `grade` never pass an attempt seed: they run as written.
 */
import type { Lab, LabStep, ServerRunSettings, ServerStep, VariantValues } from './labTypes';
import { variantSolution, variantValues } from './variant';

/**
 * The simulation seed of a practice run: the attempt's seed mixed with the run's own (a step's
 * runs that differ in the lesson differ in practice too). 32-bit FNV-1a over both seeds' bytes,
 * the same on every machine.
 */
export function practiceRunSeed(attemptSeed: number, runSeed: number): number {
  let hash = 0x811c9dc5;
  for (const word of [attemptSeed >>> 0, runSeed >>> 0])
    for (let shift = 0; shift < 32; shift += 8) {
      hash ^= (word >>> shift) & 0xff;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  return hash >>> 0;
}

/**
 * What a new practice attempt changes for a step: 'data' (a job or stream step's input is drawn
 * from the attempt's seed, and its simulation with it), 'simulation' (the step's runs take the
 * attempt's seed: other placements, timings, generated events and file contents) or 'deadline' (a
 * server step, whose nights are formulas of its settings, gets a deadline drawn from its
 * `practice.deadlinesMinutes`, which validateLab requires).
 */
export type PracticeChange = 'data' | 'simulation' | 'deadline';

export function practiceChange(lab: Lab, step: LabStep): PracticeChange {
  if (step.kind === 'server') return 'deadline';
  const drawn = new Set(lab.datasets.filter((d) => d.forSeed || d.generate !== undefined).map((d) => d.id));
  if (step.kind === 'stream') return drawn.has(step.run.records) ? 'data' : 'simulation';
  if (step.kind !== 'mapreduce' && step.kind !== 'spark') return 'simulation';
  return step.variant || step.run.files.some((f) => drawn.has(f.dataset)) ? 'data' : 'simulation';
}

/** A server step's run for a practice attempt: its deadline drawn from the step's list (as written without one). */
export function practiceServerRun(step: ServerStep, attemptSeed: number): ServerRunSettings {
  const deadlines = step.practice?.deadlinesMinutes;
  if (!deadlines?.length) return step.run;
  return { ...step.run, deadlineMinutes: deadlines[practiceRunSeed(attemptSeed, step.run.seed) % deadlines.length]! };
}

/**
 * The values a practice attempt shows beside the goal: a variant's for the seed, or a server
 * step's deadline (in minutes, the unit its checks and run view use).
 */
export function practiceValues(step: LabStep, attemptSeed: number): VariantValues {
  if (step.kind === 'server' && step.practice?.deadlinesMinutes?.length)
    return { deadline: `${practiceServerRun(step, attemptSeed).deadlineMinutes} min` };
  return variantValues(step, attemptSeed);
}

/** The hints practice shows: the step's practice hints where its own name the lesson's data. */
export function practiceHints(step: LabStep): string[] {
  return step.practice?.hints ?? step.hints;
}

/** The reference solution of an attempt: the step's practice one, its variant's for the seed, or its own. */
export function practiceSolution(step: LabStep, seed: number): string {
  return step.practice?.solution ? step.practice.solution(seed) : variantSolution(step, seed);
}
