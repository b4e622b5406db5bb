/**
 * The netflix-trending lab (Cookbook 28.19): Netflix's old batch pipeline (Chukwa, S3, hourly
 * MapReduce; Figure 28.1) and "Trending now" (play events through Kafka, streaming analytics,
 * Cassandra, the recommender service; Figures 28.2, 28.3), both built as pipeline files and
 * measured side by side: how old each trending row's data is, and how often it holds the true
 * top titles (engine/pipeline trendingRow.ts).
 */
import type { FaultSpec } from '../../engine/cluster';
import type { Lab, PipelineWords } from '../labTypes';
import {
  batchRowMeasuredCheck,
  bothRowsMeasuredCheck,
  noPlayLostCheck,
  oldPipelineCheck,
  trendingCorrectCheck,
  trendingFreshCheck,
} from './checks';
import intro from './intro.md?raw';
import oldInstructions from './steps/1-the-old-batch-pipeline/instructions.md?raw';
import oldStarter from './steps/1-the-old-batch-pipeline/starter.json?raw';
import oldSolution from './steps/1-the-old-batch-pipeline/solution.json?raw';
import nowInstructions from './steps/2-trending-now/instructions.md?raw';
import nowStarter from './steps/2-trending-now/starter.json?raw';
import nowSolution from './steps/2-trending-now/solution.json?raw';
import diesInstructions from './steps/3-a-machine-dies/instructions.md?raw';
import diesStarter from './steps/3-a-machine-dies/starter.json?raw';
import diesSolution from './steps/3-a-machine-dies/solution.json?raw';

/** Two and a half hours of play events, and a minute for the last ones to reach the rows. */
export const PLAYS_MS = 9_000_000;
export const RUN_MS = PLAYS_MS + 60_000;
export const HOUR_MS = 3_600_000;
/** A trending row ranks the last 10 minutes: it is judged from then on. */
export const WINDOW_MS = 600_000;
export const FRESH_MS = 30_000;
export const MIN_HITS = 9;
/** What the app calls the keys and events on the rows. */
/** The dashboards' keys and events, as the app's views panel tells them (German: bare nouns, labTypes.ts). */
const WORDS: PipelineWords = {
  key: 'title',
  event: 'play',
  events: 'plays',
  translations: { de: { key: 'Titel', keys: 'Titel', event: 'Abruf', events: 'Abrufe' } },
};
/** Step 3: n3 is down from 1 h to 1 h 10 min. */
export const N3_DOWN: FaultSpec[] = [
  { atMs: HOUR_MS, kind: 'killNode', node: 'n3' },
  { atMs: HOUR_MS + 600_000, kind: 'restartNode', node: 'n3' },
];

const lab: Lab = {
  id: 'netflix-trending',
  title: 'Netflix: trending now',
  chapters: ['28.19'],
  minutes: 35,
  summary:
    'Build Netflix\'s old hourly batch pipeline and its streaming "Trending now" beside it, and measure how old each row\'s titles are.',
  intro,
  figures: ['28.1', '28.2', '28.3'],
  cluster: 'classroom',
  datasets: [],
  steps: [
    {
      id: 'the-old-batch-pipeline',
      title: 'The old batch pipeline',
      kind: 'pipeline',
      instructions: oldInstructions,
      starter: oldStarter,
      solution: oldSolution,
      figures: ['28.1'],
      hints: [
        'A `spark-batch` part reads an `hdfs` part and writes to a store such as `rdbms`; a `dashboard` reads one store.',
        'Give the batch job `"everyMs": 3600000` and the dashboard `"show": "trending"`.',
      ],
      run: { seed: 28, cluster: 'classroom', untilMs: RUN_MS, words: WORDS },
      checks: [oldPipelineCheck('old-pipeline', HOUR_MS), batchRowMeasuredCheck('old-row-measured')],
    },
    {
      id: 'trending-now',
      title: 'Trending now',
      kind: 'pipeline',
      instructions: nowInstructions,
      starter: nowStarter,
      solution: nowSolution,
      figures: ['28.3', '28.2', '28.1'],
      hints: [
        'The `clients` part may feed several parts: every play event goes to each. Add an `api` part, a `kafka` part it writes to, and a `spark-streaming` job reading Kafka.',
        'A `spark-streaming` job writes every event as it is unless its `op` says to count per key.',
      ],
      run: { seed: 28, cluster: 'classroom', untilMs: RUN_MS, words: WORDS },
      checks: [
        trendingCorrectCheck('trending-correct', WINDOW_MS, MIN_HITS),
        trendingFreshCheck('trending-fresh', FRESH_MS, 60_000),
        bothRowsMeasuredCheck('both-measured', WINDOW_MS),
      ],
    },
    {
      id: 'a-machine-dies',
      title: 'A machine dies',
      kind: 'pipeline',
      instructions: diesInstructions,
      starter: diesStarter,
      solution: diesSolution,
      figures: ['28.3', '28.2'],
      hints: [
        "Run the starter and read the recommender's row in the table: which of the parts behind the row were down?",
        'Every part Trending now needs, from the service to the recommender, must be on a machine that stays up.',
      ],
      run: { seed: 28, cluster: 'classroom', faults: N3_DOWN, untilMs: RUN_MS, words: WORDS },
      checks: [
        trendingCorrectCheck('trending-correct', WINDOW_MS, MIN_HITS),
        trendingFreshCheck('trending-fresh', FRESH_MS, 60_000),
        noPlayLostCheck('no-play-lost'),
      ],
    },
  ],
};

export default lab;
