/**
 * The learner's pipeline run again by a check, with other faults or another seed: the parts and
 * wires as the run's own report has them, on the step's cluster for the step's time.
 */
import { runPipeline, type PipelineFault, type PipelineResult } from '../../engine/pipeline';
import { pipelineRunOf } from '../checkKit';
import type { StepRun } from '../labTypes';

/** The learner's pipeline again, as data (from the run's own report). */
function pipelineOf(result: PipelineResult) {
  return {
    parts: result.parts.map((p) => ({
      id: p.id,
      type: p.type,
      ...(p.node ? { node: p.node } : {}),
      settings: p.settings,
    })),
    wires: result.wires,
  };
}

const reruns = new WeakMap<PipelineResult, Map<string, PipelineResult>>();

/** The learner's pipeline run again with `faults` and `seed` (memoised per run). */
export function rerunPipeline(run: StepRun, faults: readonly PipelineFault[], seed: number): PipelineResult {
  const r = pipelineRunOf(run);
  const key = JSON.stringify({ faults, seed });
  let known = reruns.get(r.report.result);
  if (!known) reruns.set(r.report.result, (known = new Map()));
  const hit = known.get(key);
  if (hit) return hit;
  const result = runPipeline({
    pipeline: pipelineOf(r.report.result),
    cluster: r.step.run.cluster,
    seed,
    faults: [...faults],
    untilMs: r.step.run.untilMs,
    // The run's own time budget: a rerun ends with it (the step's checks are then not judged).
    ...(r.check && { check: r.check }),
  });
  known.set(key, result);
  return result;
}
