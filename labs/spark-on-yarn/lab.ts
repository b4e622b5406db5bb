/**
 * The spark-on-yarn lab (Cookbook 20.2.2-20.2.5, 20.9, 20.10; Figures 20.4, 20.6): Spark's
 * standalone Master beside YARN on the same machines oversubscribes them; one resource manager
 * (YARN) fixes it; executors sized in cores and memory to fit beside the other team's
 * containers; and queues, each team's guaranteed share. Texts and job files are the files
 * beside this one (steps/<n>-<id>/).
 */
import { dataset } from '../labData';
import type { JobRunSettings, Lab } from '../labTypes';
import { budgetCheck, dailyMeansCheck, notOversubscribedCheck, oneResourceManagerCheck } from './checks';
import {
  BIG_ETL,
  NIGHTLY_ETL,
  READINGS_BLOCK_SIZE,
  READINGS_PATH,
  SHARED_CLUSTER,
  SUBMIT_AT_MS,
  TEAM_QUEUES,
  readingsText,
  readingsTextFor,
} from './cluster';
import intro from './intro.md?raw';
import managerInstructions from './steps/1-one-resource-manager/instructions.md?raw';
import managerStarter from './steps/1-one-resource-manager/starter.js?raw';
import managerSolution from './steps/1-one-resource-manager/solution.js?raw';
import sizesInstructions from './steps/2-executor-sizes/instructions.md?raw';
import sizesStarter from './steps/2-executor-sizes/starter.js?raw';
import sizesSolution from './steps/2-executor-sizes/solution.js?raw';
import queuesInstructions from './steps/3-queues/instructions.md?raw';
import queuesStarter from './steps/3-queues/starter.js?raw';
import queuesSolution from './steps/3-queues/solution.js?raw';

/** Step 2's budget: the report is due 2.5 minutes after the job is submitted. */
export const SIZES_BUDGET_MS = 150_000;
/** Step 3's budget: 4 minutes after submission, while the bigger ETL runs. */
export const QUEUES_BUDGET_MS = 240_000;

const nightly: JobRunSettings = {
  seed: 2025,
  cluster: SHARED_CLUSTER,
  blockSize: READINGS_BLOCK_SIZE,
  files: [{ path: READINGS_PATH, dataset: 'readings' }],
  yarnLoad: [NIGHTLY_ETL],
  submitAtMs: SUBMIT_AT_MS,
};
const teams: JobRunSettings = {
  ...nightly,
  yarn: { scheduler: 'capacity', queues: TEAM_QUEUES },
  yarnLoad: [BIG_ETL],
};

const lab: Lab = {
  id: 'spark-on-yarn',
  title: 'Spark on YARN: one resource manager',
  chapters: ['20.2.2', '20.2.3', '20.2.4', '20.2.5', '20.9', '20.10'],
  minutes: 30,
  summary:
    "Run Spark beside the ETL team's YARN jobs: see two resource managers oversubscribe the machines, then let YARN share them with executors and queues.",
  intro,
  figures: ['20.4'],
  cluster: 'cookbook-9',
  datasets: [
    {
      ...dataset(
        'readings',
        '200,000 readings `timestamp,sensor,value` of 9 sensors over 30 days (seed 2016), each standing for 1,000',
        readingsText,
      ),
      forSeed: readingsTextFor,
    },
  ],
  steps: [
    {
      id: 'one-resource-manager',
      title: 'Two resource managers, one machine',
      kind: 'spark',
      instructions: managerInstructions,
      figures: ['20.4', '20.6'],
      starter: managerStarter,
      solution: managerSolution,
      hints: [
        "Hover over a red machine in the cluster map: it says how many cores YARN and Spark's standalone Master each handed out there.",
        "`spark.master` says which cluster manager the driver asks for executors: the standalone Master's URL, or YARN.",
        "Set `'spark.master': 'yarn'` in `conf`.",
      ],
      run: nightly,
      checks: [
        dailyMeansCheck('daily-means'),
        oneResourceManagerCheck('one-resource-manager'),
        notOversubscribedCheck('not-oversubscribed'),
      ],
    },
    {
      id: 'executor-sizes',
      title: 'Executors that fit beside the ETL',
      kind: 'spark',
      instructions: sizesInstructions,
      figures: ['20.6'],
      starter: sizesStarter,
      solution: sizesSolution,
      hints: [
        "Open YARN's Nodes page at the moment your job is submitted: how many vcores and how much memory does each NodeManager have free?",
        'A container is `spark.executor.cores` vcores and `spark.executor.memory` plus the overhead (10%, at least 384 MB), rounded up to a whole GB. Several executors may share a machine.',
        "Six executors of 4 cores and 8g fit: `'spark.executor.instances': 6, 'spark.executor.cores': 4, 'spark.executor.memory': '8g'`.",
      ],
      run: nightly,
      checks: [
        dailyMeansCheck('daily-means'),
        oneResourceManagerCheck('one-resource-manager'),
        notOversubscribedCheck('not-oversubscribed'),
        budgetCheck('budget', SIZES_BUDGET_MS, SUBMIT_AT_MS),
      ],
    },
    {
      id: 'queues',
      title: "Queues: each team's share",
      kind: 'spark',
      instructions: queuesInstructions,
      figures: ['20.6'],
      starter: queuesStarter,
      solution: queuesSolution,
      hints: [
        "YARN's Scheduler page lists the queues, their capacity and what each uses. Which queue does your application wait in, and who fills it?",
        'The `analytics` queue is guaranteed 30% of the memory, and the ETL may never take it. Count what is free on each machine once the ETL holds its 70%.',
        'Submit to `analytics` with executors small enough to fit that room, for example six of 2 cores and 4g.',
      ],
      run: teams,
      checks: [
        dailyMeansCheck('daily-means'),
        oneResourceManagerCheck('one-resource-manager'),
        notOversubscribedCheck('not-oversubscribed'),
        budgetCheck('budget', QUEUES_BUDGET_MS, SUBMIT_AT_MS),
      ],
    },
  ],
};

export default lab;
