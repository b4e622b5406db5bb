/**
 * The platform-blueprint lab (Cookbook 24 and 15.3): a platform assembled from modular parts as a
 * pipeline file (engine/pipeline), judged by the ledger of every event from the devices to the
 * dashboard: a buffer after the ingest API rides out a store's outage, Flume fills the lake with
 * few readable files, and a serving store swapped in for HDFS keeps the dashboard fresh.
 */
import { lakeUnchangedCheck, mapStoreSwappedCheck } from './swapChecks';
import type { FaultSpec } from '../../engine/cluster';
import type { Lab } from '../labTypes';
import {
  blueprintStagesCheck,
  databaseStaysCheck,
  everyEventDisplayedCheck,
  fewFilesCheck,
  ingestNeverRefusesCheck,
  lakeKeepsEverythingCheck,
} from './checks';
import { freshCheck } from './freshCheck';
import intro from './intro.md?raw';
import assembleInstructions from './steps/1-assemble/instructions.md?raw';
import assembleStarter from './steps/1-assemble/starter.json?raw';
import assembleSolution from './steps/1-assemble/solution.json?raw';
import keepInstructions from './steps/2-keep-everything/instructions.md?raw';
import keepStarter from './steps/2-keep-everything/starter.json?raw';
import keepSolution from './steps/2-keep-everything/solution.json?raw';
import swapInstructions from './steps/3-swap-the-store/instructions.md?raw';
import swapStarter from './steps/3-swap-the-store/starter.json?raw';
import swapSolution from './steps/3-swap-the-store/solution.json?raw';

/** Step 1's maintenance window on n2, and the one its checks also try. */
export const OUTAGE: FaultSpec[] = [
  { atMs: 20_000, kind: 'killNode', node: 'n2' },
  { atMs: 40_000, kind: 'restartNode', node: 'n2' },
];
export const HIDDEN_OUTAGE: FaultSpec[] = [
  { atMs: 45_000, kind: 'killNode', node: 'n2' },
  { atMs: 55_000, kind: 'restartNode', node: 'n2' },
];
/** Every step's run lasts two minutes: a minute of events, then time for the last files to close. */
export const RUN_MS = 120_000;
export const MAX_LAKE_FILES = 20;
export const FRESH_MS = 10_000;

const lab: Lab = {
  id: 'platform-blueprint',
  title: 'The platform blueprint',
  chapters: ['24', '24.1', '24.2', '24.3', '24.4', '15.3'],
  minutes: 30,
  summary:
    'Build a data platform from modular parts (ingest, buffer, process, store, display), keep every event in the lake, and swap a part to see what changes.',
  intro,
  figures: ['24.1', '15.2', '15.3'],
  cluster: 'classroom',
  datasets: [],
  steps: [
    {
      id: 'assemble',
      title: 'Ingest, buffer, process, store, display',
      kind: 'pipeline',
      instructions: assembleInstructions,
      starter: assembleStarter,
      solution: assembleSolution,
      figures: ['24.1'],
      hints: [
        'Run the starter and read the table: the devices had to send events again while n2 was down. Which part refused them, and why did its refusal reach the devices?',
        'A `kafka` part takes events whatever happens behind it; a `spark-streaming` part reads a `kafka` part and writes to a store. Place both on n1 or n3.',
      ],
      run: { seed: 24, cluster: 'classroom', faults: OUTAGE, untilMs: RUN_MS },
      checks: [
        everyEventDisplayedCheck('every-event-displayed'),
        ingestNeverRefusesCheck('devices-never-resend', HIDDEN_OUTAGE),
        blueprintStagesCheck('blueprint-stages'),
        databaseStaysCheck('database-stays', 'n2'),
      ],
    },
    {
      id: 'keep-everything',
      title: 'Keep everything in the lake',
      kind: 'pipeline',
      instructions: keepInstructions,
      starter: keepStarter,
      solution: keepSolution,
      figures: ['15.3', '24.1'],
      hints: [
        "Run the starter: the lake's row in the table says how many files it closed. Which of the three limits closes them so often?",
        'Turn off the limits by count and by size (0) and let the interval close the files.',
      ],
      run: { seed: 24, cluster: 'classroom', untilMs: RUN_MS },
      checks: [
        everyEventDisplayedCheck('every-event-displayed'),
        lakeKeepsEverythingCheck('lake-keeps-everything'),
        fewFilesCheck('few-files', MAX_LAKE_FILES),
      ],
    },
    {
      id: 'swap-the-store',
      title: 'Swap the serving store',
      kind: 'pipeline',
      instructions: swapInstructions,
      starter: swapStarter,
      solution: swapSolution,
      figures: ['15.2', '24.1', '15.3'],
      hints: [
        'Run the starter: the first position reaches the map only once Flume has closed its first file, 30 s in, and the next refresh of the map has read it, 35 s in.',
        'Add a `spark-streaming` part reading `log` and an `hbase` part it writes to, and wire the map to the HBase part instead of the lake.',
      ],
      run: { seed: 24, cluster: 'classroom', untilMs: RUN_MS },
      checks: [
        everyEventDisplayedCheck('every-event-displayed'),
        freshCheck('fresh', FRESH_MS),
        lakeKeepsEverythingCheck('lake-still-delivers'),
        mapStoreSwappedCheck('map-store-swapped'),
        lakeUnchangedCheck('lake-unchanged'),
      ],
    },
  ],
};

export default lab;
