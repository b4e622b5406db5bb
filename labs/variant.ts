/**
 * Per-student variants of a step (StepVariant in labTypes.ts): the seed a student's name gives,
 * the values and data a seed gives a step, and the texts with the student's values filled in.
 * The app, `clusterlab check --student`, `clusterlab grade` and practice mode (a fresh seed per
 * attempt) all go through here, so a student sees, runs and is graded on the same variant.
 */
import { encodeUtf8 } from '../engine/core';
import { normalizeStudentName } from './handIn/studentName';
import type { Lab, LabStep, RunVariant, VariantValues } from './labTypes';

/**
 * The seed of a student's name, the same on every machine and OS: the name's normal form
 * (normalizeStudentName: NFC, trimmed, white space collapsed, case-folded) as UTF-8 bytes, hashed
 * with 32-bit FNV-1a (offset basis 2166136261, prime 16777619). "Ana Lima" and " ana  LIMA" give
 * the same seed.
 */
export function studentSeed(name: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encodeUtf8(normalizeStudentName(name))) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The step's values for `seed` (null: as written); a step without a variant has none. */
/**
 * Whether a step differs per seed: a step with a variant, or a lab pack's step that reads a
 * dataset the pack generates from the seed (labs/packs/packRun.ts).
 */
export function stepVaries(lab: Lab, step: LabStep): boolean {
  if (step.kind !== 'mapreduce' && step.kind !== 'spark') return false;
  if (step.variant) return true;
  const generated = new Set(lab.datasets.filter((d) => d.generate !== undefined).map((d) => d.id));
  return step.run.files.some((f) => generated.has(f.dataset));
}

export function variantValues(step: LabStep, seed: number | null): VariantValues {
  return step.kind === 'mapreduce' || step.kind === 'spark' ? (step.variant?.values(seed) ?? {}) : {};
}

/** The step's reference solution for `seed` (the step's own solution without a variant or seed). */
export function variantSolution(step: LabStep, seed: number | null): string {
  if ((step.kind !== 'mapreduce' && step.kind !== 'spark') || !step.variant || seed === null) return step.solution;
  return step.variant.solution(step.variant.values(seed));
}

/** The step's starter for `seed` (the step's own starter without a variant or seed). */
export function variantStarter(step: LabStep, seed: number | null): string {
  if ((step.kind !== 'mapreduce' && step.kind !== 'spark') || !step.variant || seed === null) return step.starter;
  return step.variant.starter(step.variant.values(seed));
}

const PLACEHOLDER = /\{\{\s*variant\.([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** The names a text's `{{variant.name}}` placeholders use (validateLab checks each has a value). */
export function variantPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * `text` with each `{{variant.name}}` replaced by the value (numbers as `formatNumber` writes
 * them: the app passes its locale's; 1,234 by default). A name without a value stays as written.
 */
export function fillVariantText(
  text: string,
  values: VariantValues,
  formatNumber: (n: number) => string = (n) => n.toLocaleString('en-US'),
): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.hasOwn(values, name)) return whole;
    const v = values[name]!;
    return typeof v === 'number' ? formatNumber(v) : v;
  });
}

/** A step's instructions for `seed`, its numbers written by `formatNumber`: what the app and the CLI show the student. */
export function variantInstructions(step: LabStep, seed: number | null, formatNumber?: (n: number) => string): string {
  if ((step.kind !== 'mapreduce' && step.kind !== 'spark') || !step.variant || seed === null) return step.instructions;
  return fillVariantText(step.variant.instructions, step.variant.values(seed), formatNumber);
}

/** A few seeds' data kept: a class graded one student after another does not hold every student's data. */
const cache = new Map<string, string>();
const CACHE_ENTRIES = 8;

/**
 * What a job step's run is given: the variant's values and datasets for `seed` (null: the lab's
 * own). A practice attempt (`practice`, labs/practiceSeed.ts) draws every dataset of the lab that
 * has `forSeed` from the seed, whether or not the step has a variant.
 */
export function runVariant(lab: Lab, step: LabStep, seed: number | null, practice = false): RunVariant {
  const variant = step.kind === 'mapreduce' || step.kind === 'spark' ? step.variant : undefined;
  const drawnIds =
    seed === null ? [] : practice ? lab.datasets.filter((d) => d.forSeed).map((d) => d.id) : (variant?.datasets ?? []);
  const drawn = new Set(drawnIds);
  return {
    seed: variant || (practice && seed !== null) ? seed : null,
    values: variantValues(step, variant ? seed : null),
    text(id) {
      const dataset = lab.datasets.find((d) => d.id === id);
      if (!dataset) throw new Error(`lab '${lab.id}': dataset '${id}' does not exist`);
      if (!drawn.has(id) || seed === null) return dataset.text();
      if (!dataset.forSeed) throw new Error(`lab '${lab.id}': dataset '${id}' has no forSeed for the step's variant`);
      const key = `${lab.id}/${id}/${seed}`;
      let text = cache.get(key);
      if (text === undefined) {
        text = dataset.forSeed(seed);
        if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
        cache.set(key, text);
      }
      return text;
    },
  };
}

/**
 * What is wrong with a step's `variant` (validateLab calls this): its shape, its datasets (the
 * lab's, each with `forSeed`), and its instructions (every placeholder has a value, and filled with
 * the lab's own values they are the step's `instructions`). Null when it is right.
 */
export function variantProblem(
  datasets: readonly { id: string; forSeed?: unknown }[],
  variant: unknown,
  instructions: string,
): { field: string; problem: string } | null {
  if (typeof variant !== 'object' || variant === null) return { field: 'variant', problem: 'must be an object' };
  const v = variant as Record<string, unknown>;
  if (typeof v.description !== 'string' || v.description.trim() === '')
    return { field: 'description', problem: 'must say in a sentence what differs between students' };
  for (const name of ['values', 'starter', 'solution'])
    if (typeof v[name] !== 'function') return { field: name, problem: 'must be a function' };
  if (!Array.isArray(v.datasets))
    return { field: 'datasets', problem: "must list the lab's datasets drawn from the seed" };
  for (const id of v.datasets as unknown[]) {
    const d = datasets.find((x) => x.id === id);
    if (!d) return { field: 'datasets', problem: `names '${String(id)}', which is not a dataset of the lab` };
    if (typeof d.forSeed !== 'function')
      return { field: 'datasets', problem: `dataset '${d.id}' has no forSeed(seed)` };
  }
  if (typeof v.instructions !== 'string')
    return { field: 'instructions', problem: 'must be the instructions with {{variant.name}} placeholders' };
  const own = (v.values as (seed: number | null) => VariantValues)(null);
  const missing = variantPlaceholders(v.instructions).filter((n) => !Object.hasOwn(own, n));
  if (missing.length > 0)
    return { field: 'instructions', problem: `{{variant.${missing[0]}}} has no value in values(null)` };
  if (fillVariantText(v.instructions, own) !== instructions)
    return { field: 'instructions', problem: "filled with values(null) they must be the step's instructions" };
  return null;
}
