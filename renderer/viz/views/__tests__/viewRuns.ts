/**
 * Real runs for the views' tests: the lambda-architecture lab's step files (classroom, 7 minutes,
 * seed 25), step 2 without the store's `realtimeViews` setting (it counts twice after a batch
 * run), and a Netflix-like platform with an hourly batch row beside a streaming trending row.
 */
import { runPipeline, type PipelineResult, type ViewReport } from '../../../../engine/pipeline';
import lab from '../../../../labs/lambda-architecture/lab';
import { N3_DOWN, RUN_MS } from '../../../../labs/netflix-trending/lab';
import netflixLab from '../../../../labs/netflix-trending/lab';
import { NETFLIX_PIPELINE } from '../../figures/__tests__/netflixRun';

const STEPS = ['1-start-with-batch', '2-add-the-speed-layer', '3-kappa'];

type Part = { id: string; type: string; node?: string; settings?: Record<string, number | string> };
type Spec = { parts: Part[]; wires: { from: string; to: string }[] };

export function stepFile(step: string, file: 'solution' | 'starter'): Spec {
  const found = lab.steps[STEPS.indexOf(step)];
  if (!found) throw new Error(`no step ${step}`);
  return JSON.parse(found[file]) as Spec;
}

const cache = new Map<string, PipelineResult>();
function cached(name: string, make: () => PipelineResult): PipelineResult {
  const hit = cache.get(name);
  if (hit) return hit;
  const made = make();
  cache.set(name, made);
  return made;
}

const lambda = (spec: Spec) => runPipeline({ pipeline: spec, cluster: 'classroom', untilMs: 420_000, seed: 25 });

export const lambdaRun = (step: string, file: 'solution' | 'starter'): PipelineResult =>
  cached(`${step}/${file}`, () => lambda(stepFile(step, file)));

/** Step 2's solution with the store keeping its realtime counts after a batch run. */
export const naiveSpeedLayerRun = (): PipelineResult =>
  cached('naive', () => {
    const spec = stepFile('2-add-the-speed-layer', 'solution');
    for (const p of spec.parts) if (p.type === 'hbase') delete p.settings;
    return lambda(spec);
  });

/** The Netflix-like platform the figures' tests run too. */
export const NETFLIX = NETFLIX_PIPELINE as Spec;

export const netflixRun = (): PipelineResult =>
  cached('netflix', () => runPipeline({ pipeline: NETFLIX, cluster: 'classroom', untilMs: 9_000_000, seed: 25 }));

export function viewOf(result: PipelineResult, dashboard: string): ViewReport {
  const view = result.views.find((v) => v.dashboard === dashboard);
  if (!view) throw new Error(`no view for ${dashboard}`);
  return view;
}

/** The netflix-trending lab's step 3 starter as the lab runs it: n3, under the recommender, down from 1 h to 1 h 10 min. */
export const netflixDownRun = (): PipelineResult =>
  cached('netflix-down', () => {
    const starter = JSON.parse(netflixLab.steps[2]!.starter) as Spec;
    return runPipeline({ pipeline: starter, cluster: 'classroom', untilMs: RUN_MS, seed: 28, faults: N3_DOWN });
  });
