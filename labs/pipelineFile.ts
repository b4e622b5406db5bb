/**
 * A pipeline file as the learner writes it (JSON): `parts` and `wires` (engine/pipeline), and
 * optionally the `cluster` preset it runs on and the `faults` it injects. `runPipelineFile` checks
 * and runs it; every error names the file, the line, the column and the field at fault.
 */
import { ValidationError } from '../engine/core';
import { isPresetName, presetNames } from '../engine/cluster';
import { runPipeline, type PipelineFault, type PipelineResult, type PipelineRunOptions } from '../engine/pipeline';
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

/** Parses, checks and runs `text`; `defaults` fill what the file leaves out (a lab step's cluster and faults). */
export function runPipelineFile(
  text: string,
  fileName: string,
  options: { seed?: number; cluster?: string; faults?: PipelineFault[]; check?: PipelineRunOptions['check'] } = {},
): PipelineFileRun {
  const { raw, fail, object, onlyKnown } = readJsonSettings(text, fileName, (...a) => new PipelineFileError(...a));
  const root = object('pipeline', raw);
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
      check: options.check,
    });
    return { file, result };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return fail(error.path.replace(/^pipeline\.?/, ''), error.problem);
  }
}
