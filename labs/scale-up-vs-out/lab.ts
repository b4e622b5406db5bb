/**
 * The scale-up-vs-out lab (Cookbook 13.3 with Figures 13.1-13.3): one SQL server's nightly ETL as
 * the data doubles every month; scaling it up at least cost; its ceiling, and scaling out to
 * servers on a SAN with the read-only refresh; and when a Hadoop cluster is not worth it. The
 * steps are 'server' steps (JSON settings, labs/serverSettings.ts) run by engine/server.
 */
import type { Lab, ServerStep } from '../labTypes';
import { cheapestSolutionFor, DEADLINES_MINUTES, growthSolutionFor } from './practiceDeadlines';
import {
  ceilingAnswerCheck,
  dataSizeCheck,
  growthStoryCheck,
  leastCostCheck,
  meetsDeadlineCheck,
  missAnswerCheck,
  reachesMissCheck,
  scaledOutCheck,
} from './checks';
import intro from './intro.md?raw';
import growthInstructions from './steps/1-hockey-stick/instructions.md?raw';
import growthStarter from './steps/1-hockey-stick/starter.json?raw';
import growthSolution from './steps/1-hockey-stick/solution.json?raw';
import upInstructions from './steps/2-scale-up/instructions.md?raw';
import upStarter from './steps/2-scale-up/starter.json?raw';
import upSolution from './steps/2-scale-up/solution.json?raw';
import outInstructions from './steps/3-scale-out/instructions.md?raw';
import outStarter from './steps/3-scale-out/starter.json?raw';
import outSolution from './steps/3-scale-out/solution.json?raw';
import smallInstructions from './steps/4-not-big-data/instructions.md?raw';
import smallStarter from './steps/4-not-big-data/starter.json?raw';
import smallSolution from './steps/4-not-big-data/solution.json?raw';

/** The data of steps 2, 3 and 4 (GB). */
export const SCALE_UP_GB = 4096;
export const CEILING_GB = 65536;
export const SMALL_GB = 64;
/** Step `i` of this lab, for its practice references (called once the lab exists). */
const stepAt = (i: number) => lab.steps[i] as ServerStep;
/** The nightly ETL's window. */
const run = { seed: 13, deadlineMinutes: 60 };

const lab: Lab = {
  id: 'scale-up-vs-out',
  title: 'Scale up or scale out',
  chapters: ['13.3', '13.3.1', '13.3.2', '13.3.3', '13.3.4', '13.3.5'],
  minutes: 30,
  summary:
    "One SQL server's nightly ETL as the data doubles every month: scale it up at least cost, hit its ceiling, scale out to servers on a SAN, and see when big data tools are not worth it.",
  intro,
  figures: ['13.1', '13.2', '13.3'],
  cluster: 'cookbook-9',
  datasets: [],
  steps: [
    {
      id: 'hockey-stick',
      title: 'The hockey stick',
      kind: 'server',
      instructions: growthInstructions,
      figures: ['13.1'],
      starter: growthStarter,
      solution: growthSolution,
      hints: [
        'Each month doubles the data: 1, 2, 4, 8 GB and so on. Raise growth.months and run again until a bar crosses the deadline line.',
        'The first month whose bar crosses the line is the one; its data size is shown beside it. Write it as a number: "answer": 1234 (without quotes), at the settings\' top level.',
      ],
      run,
      practice: { deadlinesMinutes: DEADLINES_MINUTES, solution: (seed) => growthSolutionFor(stepAt(0), seed) },
      checks: [
        growthStoryCheck('base-server-growth'),
        reachesMissCheck('reaches-the-miss'),
        missAnswerCheck('first-miss'),
      ],
    },
    {
      id: 'scale-up',
      title: 'Scale up at least cost',
      kind: 'server',
      instructions: upInstructions,
      figures: ['13.2'],
      starter: upStarter,
      solution: upSolution,
      hints: [
        'Run the starter and read the four bars: every resource over the deadline line needs a faster part; one under it needs nothing.',
        "For the disks, compare what each option costs for the read rate you need (remember the data must fit in half the drives' capacity); for the processor, the cycles a second you need are the cpu bar's minutes times the current cycles, divided by 60.",
        'The network: 410 GB of result over 1 GbE take 55 minutes, inside the deadline. Cheap SSDs in a group of four and the next processor up do the rest.',
      ],
      run,
      // A practice attempt's deadline is its own: the hints do not lean on the lesson's hour.
      practice: {
        deadlinesMinutes: DEADLINES_MINUTES,
        solution: (seed) => cheapestSolutionFor(stepAt(1), seed, SCALE_UP_GB, ['single']),
        hints: [
          'Run the starter and read the four bars: every resource over the deadline line needs a faster part; one under it needs nothing.',
          "For the disks, compare what each option costs for the read rate you need (remember the data must fit in half the drives' capacity); for the processor, the cycles a second you need are the cpu bar's minutes times the current cycles, divided by the deadline's minutes.",
          'The network: 410 GB of result over 1 GbE take 55 minutes. Inside this deadline? Then for every resource take the cheapest part that brings its bar under the line.',
        ],
      },
      checks: [
        dataSizeCheck('at-4096-gb', SCALE_UP_GB),
        meetsDeadlineCheck('meets-deadline'),
        leastCostCheck('least-cost', ['single']),
      ],
    },
    {
      id: 'scale-out',
      title: 'The ceiling, then scale out',
      kind: 'server',
      instructions: outInstructions,
      figures: ['13.3', '13.2'],
      starter: outStarter,
      solution: outSolution,
      hints: [
        'The biggest server is bounded by one resource far over the line: the bars of the run show which. Scaling out divides that work between servers.',
        "The SAN is shared: all servers together read at most the SAN's rate, and reading 65,536 GB at 12,000 MB/s takes 91 minutes. The refresh runs on one server: its network card carries the day's 1.5 TB.",
        'Eight servers on the high-end SAN; each server needs only enough cores for 8,192 GB of rows within what the refresh leaves of the hour, and a network card that loads the refresh in well under half an hour.',
      ],
      run,
      practice: {
        deadlinesMinutes: DEADLINES_MINUTES,
        solution: (seed) => cheapestSolutionFor(stepAt(2), seed, CEILING_GB, ['san'], 'cpu'),
        hints: [
          'The biggest server is bounded by one resource far over the line: the bars of the run show which. Scaling out divides that work between servers.',
          "The SAN is shared: all servers together read at most the SAN's rate, and reading 65,536 GB at 12,000 MB/s takes 91 minutes. The refresh runs on one server: its network card carries the day's 1.5 TB.",
          'With n servers each handles 65,536 / n GB of rows: give each enough cores for its share within what the refresh leaves of the deadline, a network card that loads the refresh quickly, and a SAN that reads it all in time.',
        ],
      },
      checks: [
        dataSizeCheck('at-65536-gb', CEILING_GB),
        ceilingAnswerCheck('ceiling', CEILING_GB),
        scaledOutCheck('on-a-san'),
        meetsDeadlineCheck('night-fits'),
        leastCostCheck('cost', ['san'], 1.25),
      ],
    },
    {
      id: 'not-big-data',
      title: "Please don't go big data",
      kind: 'server',
      instructions: smallInstructions,
      starter: smallStarter,
      solution: smallSolution,
      hints: [
        'Compare the prices the runs show: five servers cost five times one.',
        'At 64 GB the base server alone finishes in minutes. Remove "hadoop" from the settings.',
      ],
      run,
      practice: { deadlinesMinutes: DEADLINES_MINUTES },
      checks: [
        dataSizeCheck('at-64-gb', SMALL_GB),
        meetsDeadlineCheck('meets-deadline'),
        leastCostCheck('least-cost', ['single', 'san', 'hadoop']),
      ],
    },
  ],
};

export default lab;
