/**
 * Runs a pipeline step: the learner's pipeline file (parts and wires only: the step decides the
 * cluster and the faults) on the step's cluster, with the step's faults and the UI's, in time order.
 */
import type { PipelineFault } from '../engine/pipeline';
import { runPipelineFile } from './pipelineFile';
import type { PipelineRunReport, PipelineRunSettings } from './labTypes';

export function runPipelineStep(
  settings: PipelineRunSettings,
  source: string,
  fileName: string,
  seed: number,
  injected: readonly PipelineFault[],
  /** The run's wall-clock budget check (runStep's `check`): throws to end the run. */
  check?: () => void,
): PipelineRunReport {
  const faults = [...(settings.faults ?? []), ...injected].sort((a, b) => a.atMs - b.atMs);
  const { result } = runPipelineFile(source, fileName, {
    seed,
    cluster: settings.cluster,
    faults,
    untilMs: settings.untilMs,
    stepOwnsRun: true,
    ...(check ? { check } : {}),
  });
  return { kind: 'pipeline', simulatedMs: result.simulatedMs, result, faults };
}
