/**
 * Test-only helpers for the pipeline labs' tests: a step's text with its line breaks flattened,
 * a step run whose report is a pipeline's, and a pipeline file edited as data.
 */
import { expect } from 'vitest';
import { runStep } from '../runStep';
import type { Lab, PipelineRunReport } from '../labTypes';

export type PipelinePart = { id?: string; type: string; settings?: Record<string, unknown> };
export type PipelineFile = { parts: PipelinePart[]; wires: unknown[] };

export const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Runs step `stepIndex` of `lab` on `source`; the run must not fail. */
export async function runPipelineLabStep(lab: Lab, stepIndex: number, source: string) {
  const out = await runStep({ lab, stepIndex, source });
  expect(out.error).toBeNull();
  return { out, result: (out.report as PipelineRunReport).result };
}

/** The pipeline file `text` with `change` applied to its parts and wires. */
export function editPipeline(text: string, change: (p: PipelineFile) => void): string {
  const p = JSON.parse(text) as PipelineFile;
  change(p);
  return JSON.stringify(p);
}
