/**
 * The platform-blueprint lab's freshness check: 95% of the events on the dashboard within a bound.
 * When faults were injected from outside, the same run without them says whether they made it late.
 */
import type { PipelineFault, PipelineResult } from '../../engine/pipeline';
import { fail, pass, pipelineRunOf, seconds } from '../checkKit';
import type { LabCheck, StepRun } from '../labTypes';
import { rerunPipeline } from './rerunPipeline';

/** The same run without the faults injected from outside: the step's faults alone, the same seed. */
function withoutInjected(run: StepRun): PipelineResult {
  const r = pipelineRunOf(run);
  return rerunPipeline(
    run,
    [...(r.step.run.faults ?? [])].sort((a, b) => a.atMs - b.atMs),
    r.report.result.seed,
  );
}

/** A fault as a few words: "n3 killed at 30.00 s". */
function faultWords(f: PipelineFault): string {
  const at = seconds(f.atMs);
  switch (f.kind) {
    case 'killNode':
      return `${f.node} killed at ${at}`;
    case 'restartNode':
      return `${f.node} back at ${at}`;
    case 'slowNode':
      return `${f.node} ${f.factor}× slower from ${at}`;
    case 'failDisk':
      return `a disk of ${f.node} lost at ${at}`;
    case 'partitionRack':
      return `rack ${f.rack} cut off at ${at}`;
    case 'healRack':
      return `rack ${f.rack} back at ${at}`;
    case 'stopPart':
      return `${f.part} stopped at ${at}`;
    case 'startPart':
      return `${f.part} started at ${at}`;
    case 'reprocess':
      return `${f.part ?? 'every streaming job'} redeployed at ${at}`;
  }
}

/** 95% of the events are on the dashboard within `boundMs` of being sent. */
export function freshCheck(id: string, boundMs: number): LabCheck {
  return {
    id,
    title: `The dashboard is fresh: 95% of events shown within ${seconds(boundMs)}`,
    evaluate: (run) => {
      const r = pipelineRunOf(run);
      const result = r.report.result;
      const s = result.summary;
      if (!s.latencyMs) return fail('No event reached the dashboard.');
      const text = `95% of the events were on the dashboard within ${seconds(s.latencyMs.p95)} of being sent (median ${seconds(s.latencyMs.p50)}, slowest ${seconds(s.latencyMs.max)})`;
      if (s.latencyMs.p95 <= boundMs) return pass(`${text}.`);
      const late = `${text}: more than ${seconds(boundMs)}`;
      const store = 'Look at when the store the dashboard reads lets it see an event.';
      if (r.injectedFaults.length === 0) return fail(`${late}. ${store}`);
      // A fault from outside is named as the cause only when the same run without it is fresh.
      const list = r.injectedFaults.map(faultWords).join(', ');
      // A machine's or rack's return, a part's restart ends a fault; it is not one of its own.
      const ends = new Set<PipelineFault['kind']>(['restartNode', 'healRack', 'startPart']);
      const one = r.injectedFaults.filter((f) => !ends.has(f.kind)).length <= 1;
      const [the, it] = one ? ['the fault', 'it'] : ['the faults', 'them'];
      const without = withoutInjected(run).summary.latencyMs;
      if (without && without.p95 <= boundMs)
        return fail(
          `${late}, in a run with ${one ? 'a fault' : 'faults'} injected from outside (${list}): the events ${one ? 'it' : 'they'} held up count too, and without ${it} 95% were on the dashboard within ${seconds(without.p95)}. Run again without ${it} to judge the pipeline.`,
        );
      const also = !without
        ? `; without ${the} injected from outside (${list}) no event reached the dashboard at all`
        : without.p95 === s.latencyMs.p95
          ? `, the same as without ${the} injected from outside (${list}): ${one ? 'it is' : 'they are'} not what made the events late`
          : `, and ${seconds(without.p95)} without ${the} injected from outside (${list}): the pipeline is late without ${it} too`;
      return fail(`${late}${also}. ${store}`);
    },
  };
}
