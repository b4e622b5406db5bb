/**
 * The lambda-architecture lab (Cookbook 25): a batch layer recomputing a batch view from the lake,
 * a speed layer adding fresh counts in a realtime view, a serving store answering from both; then
 * Kappa, the stream alone, recomputing by replaying the log. Judged by what the board's refreshes
 * showed of the counts per article against the ledger's truth (engine/pipeline servingView).
 */
import type { PipelineFault } from '../../engine/pipeline';
import type { Lab, PipelineWords } from '../labTypes';
import {
  freshViewCheck,
  layersCheck,
  neverDoubleCountedCheck,
  oneCodePathCheck,
  viewMatchesRecomputationCheck,
} from './checks';
import intro from './intro.md?raw';
import batchInstructions from './steps/1-start-with-batch/instructions.md?raw';
import batchStarter from './steps/1-start-with-batch/starter.json?raw';
import batchSolution from './steps/1-start-with-batch/solution.json?raw';
import speedInstructions from './steps/2-add-the-speed-layer/instructions.md?raw';
import speedStarter from './steps/2-add-the-speed-layer/starter.json?raw';
import speedSolution from './steps/2-add-the-speed-layer/solution.json?raw';
import kappaInstructions from './steps/3-kappa/instructions.md?raw';
import kappaStarter from './steps/3-kappa/starter.json?raw';
import kappaSolution from './steps/3-kappa/solution.json?raw';

/** Steps 1 and 2: five minutes of page views, then two minutes for the last files and batch runs. */
export const RUN_MS = 7 * 60_000;
/** Step 2: how far behind the board may ever be. */
export const FRESH_MS = 10_000;
/** Step 3: three hours; the new version of the counting job is deployed at 2 h 30 min. */
export const KAPPA_RUN_MS = 3 * 3_600_000 + 60_000;
/** What the app calls the keys and events on the board. */
/** The dashboard's keys and events, as the app's views panel tells them (German: bare nouns, labTypes.ts). */
const WORDS: PipelineWords = {
  key: 'article',
  event: 'page view',
  events: 'page views',
  translations: { de: { key: 'Artikel', keys: 'Artikel', event: 'Seitenaufruf', events: 'Seitenaufrufe' } },
};
export const REDEPLOY: PipelineFault[] = [{ atMs: 2.5 * 3_600_000, kind: 'reprocess' }];

const lab: Lab = {
  id: 'lambda-architecture',
  title: 'The lambda architecture',
  chapters: ['25', '25.1', '25.2', '25.3', '25.4'],
  minutes: 30,
  summary:
    'Count page views with a batch layer, add a speed layer so the board stays fresh without counting twice, then replace both with Kappa: the stream and its log.',
  intro,
  cluster: 'classroom',
  datasets: [],
  figures: ['25.1', '25.2'],
  steps: [
    {
      id: 'start-with-batch',
      figures: ['25.1'],
      title: 'Start with batch',
      kind: 'pipeline',
      instructions: batchInstructions,
      starter: batchStarter,
      solution: batchSolution,
      hints: [
        'A `spark-batch` part reads an `hdfs` part and writes to a store; a `dashboard` reads one store.',
        'Wire the lake to the batch job, the job to an `hbase` part, and the board to that store instead of the lake.',
      ],
      run: { seed: 25, cluster: 'classroom', untilMs: RUN_MS, words: WORDS },
      checks: [layersCheck('batch-layer', 'batch', 1, 60_000), viewMatchesRecomputationCheck('matches-recomputation')],
    },
    {
      id: 'add-the-speed-layer',
      figures: ['25.2', '25.1'],
      title: 'Add the speed layer',
      kind: 'pipeline',
      instructions: speedInstructions,
      starter: speedStarter,
      solution: speedSolution,
      hints: [
        'A `spark-streaming` part reads the `kafka` part and may write to the same store as the batch job.',
        'Run with the streaming job added and read when the board starts counting twice: right after a batch run. The store has a setting for what happens to the realtime view then.',
      ],
      run: { seed: 25, cluster: 'classroom', untilMs: RUN_MS, words: WORDS },
      checks: [
        layersCheck('both-layers', 'both', 2),
        freshViewCheck('fresh', FRESH_MS),
        neverDoubleCountedCheck('never-twice'),
        viewMatchesRecomputationCheck('matches-recomputation'),
      ],
    },
    {
      id: 'kappa',
      figures: ['25.2'],
      title: 'Kappa: the stream and its log',
      kind: 'pipeline',
      instructions: kappaInstructions,
      starter: kappaStarter,
      solution: kappaSolution,
      hints: [
        'Remove the batch job and its wires: the streaming job alone writes the counts.',
        'When the new version reads the log from its start at 2 h 30 min, how much history does the log still keep?',
      ],
      run: { seed: 25, cluster: 'classroom', faults: REDEPLOY, untilMs: KAPPA_RUN_MS, words: WORDS },
      checks: [
        oneCodePathCheck('one-code-path'),
        neverDoubleCountedCheck('never-twice'),
        viewMatchesRecomputationCheck('matches-recomputation'),
      ],
    },
  ],
};

export default lab;
