/**
 * Real runs for the views' tests: the lambda-architecture lab's step files (classroom, 7 minutes,
 * seed 25), step 2 without the store's `realtimeViews` setting (it counts twice after a batch
 * run), and a Netflix-like platform with an hourly batch row beside a streaming trending row.
 */
import { runPipeline, type PipelineResult, type ViewReport } from '../../../../engine/pipeline';
import lab from '../../../../labs/lambda-architecture/lab';

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

export const NETFLIX: Spec = {
  parts: [
    {
      id: 'members',
      type: 'clients',
      settings: { events: 90000, ratePerSec: 10, keys: 40, popularity: 'zipf', trendEveryMs: 1200000 },
    },
    { id: 'chukwa', type: 'flume', node: 'n2', settings: { rollSize: 0, rollCount: 0, rollInterval: 300 } },
    { id: 's3', type: 'hdfs', node: 'n2' },
    { id: 'hourly', type: 'spark-batch', node: 'n2', settings: { everyMs: 3600000 } },
    { id: 'reports', type: 'rdbms', node: 'n2' },
    { id: 'old-row', type: 'dashboard', node: 'n2', settings: { show: 'trending' } },
    { id: 'viewing-history', type: 'api', node: 'n1' },
    { id: 'events', type: 'kafka', node: 'n1' },
    { id: 'trends', type: 'spark-streaming', node: 'n3', settings: { op: 'countByKey' } },
    { id: 'cassandra', type: 'hbase', node: 'n3' },
    { id: 'trending-now', type: 'dashboard', node: 'n3', settings: { show: 'trending' } },
  ],
  wires: [
    { from: 'members', to: 'chukwa' },
    { from: 'chukwa', to: 's3' },
    { from: 's3', to: 'hourly' },
    { from: 'hourly', to: 'reports' },
    { from: 'reports', to: 'old-row' },
    { from: 'members', to: 'viewing-history' },
    { from: 'viewing-history', to: 'events' },
    { from: 'events', to: 'trends' },
    { from: 'trends', to: 'cassandra' },
    { from: 'cassandra', to: 'trending-now' },
  ],
};

export const netflixRun = (): PipelineResult =>
  cached('netflix', () => runPipeline({ pipeline: NETFLIX, cluster: 'classroom', untilMs: 9_000_000, seed: 25 }));

export function viewOf(result: PipelineResult, dashboard: string): ViewReport {
  const view = result.views.find((v) => v.dashboard === dashboard);
  if (!view) throw new Error(`no view for ${dashboard}`);
  return view;
}
