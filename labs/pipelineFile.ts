/**
 * A pipeline file as the learner writes it (JSON): `parts` and `wires` (engine/pipeline), and
 * optionally the `cluster` preset it runs on and the `faults` it injects. `runPipelineFile` checks
 * and runs it; every error names the file, the line, the column and the field at fault.
 */
import { ValidationError } from '../engine/core';
import { isPresetName, preset, presetNames, resolveClusterSpec } from '../engine/cluster';
import {
  runPipeline,
  validatePipeline,
  type PipelineFault,
  type PipelineResult,
  type PipelineRunOptions,
} from '../engine/pipeline';
import { readJsonSettings, SettingsError, show } from './jsonSettings';

export class PipelineFileError extends SettingsError {
  override name = 'PipelineFileError';
}

export interface PipelineFile {
  pipeline: { parts: unknown; wires: unknown };
  cluster: string;
  faults: PipelineFault[];
}

const KNOWN = ['cluster', 'parts', 'wires', 'faults'];

export interface PipelineFileRun {
  file: PipelineFile;
  result: PipelineResult;
}

/** Parses and checks `text` as a lab step's pipeline file on `cluster`, without running it. */
export function checkPipelineFile(text: string, fileName: string, cluster: string): void {
  const { raw, fail, object } = readJsonSettings(text, fileName, (...a) => new PipelineFileError(...a));
  const root = object('pipeline', raw);
  for (const key of ['cluster', 'faults'])
    if (root[key] !== undefined)
      fail(key, `is set by the step (its cluster is "${cluster}"): the file holds parts and wires`);
  if (!isPresetName(cluster)) fail('cluster', `must be one of ${presetNames.join(', ')}`);
  const nodes = resolveClusterSpec(preset(cluster)).nodes.map((n) => n.id);
  try {
    validatePipeline(root, nodes, '');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    fail(error.path, error.problem);
  }
}

/** Parses, checks and runs `text`; `defaults` fill what the file leaves out (a lab step's cluster and faults). */
export function runPipelineFile(
  text: string,
  fileName: string,
  options: {
    seed?: number;
    cluster?: string;
    faults?: PipelineFault[];
    untilMs?: number;
    check?: PipelineRunOptions['check'];
    /** A lab step's file: the step, not the file, decides the cluster and the faults. */
    stepOwnsRun?: boolean;
  } = {},
): PipelineFileRun {
  const { raw, fail, object, onlyKnown } = readJsonSettings(text, fileName, (...a) => new PipelineFileError(...a));
  const root = object('pipeline', raw);
  if (options.stepOwnsRun)
    for (const key of ['cluster', 'faults'])
      if (root[key] !== undefined)
        fail(
          key,
          `is set by the step (its cluster is "${options.cluster ?? 'classroom'}"): the file holds parts and wires`,
        );
  onlyKnown('', root, KNOWN);
  const cluster = root.cluster ?? options.cluster ?? 'classroom';
  if (!isPresetName(cluster))
    fail('cluster', `must be one of ${presetNames.map((n) => `"${n}"`).join(', ')}, got ${show(cluster)}`);
  if (root.faults !== undefined && !Array.isArray(root.faults))
    fail('faults', `must be a list, got ${show(root.faults)}`);
  const file: PipelineFile = {
    pipeline: { parts: root.parts, wires: root.wires },
    cluster: cluster as string,
    faults: (root.faults as PipelineFault[] | undefined) ?? options.faults ?? [],
  };
  try {
    const result = runPipeline({
      pipeline: file.pipeline,
      cluster: file.cluster,
      faults: file.faults,
      seed: options.seed,
      untilMs: options.untilMs,
      check: options.check,
    });
    return { file, result };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return fail(error.path.replace(/^pipeline\.?/, ''), error.problem);
  }
}
