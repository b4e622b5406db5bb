/**
 * The mapreduce-iot-averages lab (Cookbook 20.1.2, Figure 20.2): daily averages of sensor
 * readings with 9 mappers and 3 reducers, then minute averages, then the scaling promise:
 * ten times the data on ten times the machines in about the same time. Texts and job files are
 * the files beside this one (steps/<n>-<id>/: instructions.md, starter.js, solution.js).
 */
import type { ClusterSpec } from '../../engine/cluster';
import { cookbookCluster, dataset, SENSOR_BLOCK_SIZE, SENSOR_DAYS, SENSOR_LINES, sensorText } from '../labData';
import type { JobRunSettings, Lab, StepVariant } from '../labTypes';
import { fillVariantText } from '../variant';
import { sensorTextFor, sensorVariantValues } from './sensorVariant';
import { averagesCheck, combinerCheck, mappersCheck, parallelMapsCheck, reducersCheck, scalingCheck } from './checks';
import { de } from './de';
import intro from './intro.md?raw';
import dailyInstructions from './steps/1-daily-average/instructions.md?raw';
import dailyStarter from './steps/1-daily-average/starter.js?raw';
import dailySolution from './steps/1-daily-average/solution.js?raw';
import minuteInstructions from './steps/2-minute-average/instructions.md?raw';
import minuteStarter from './steps/2-minute-average/starter.js?raw';
import minuteSolution from './steps/2-minute-average/solution.js?raw';
import scaleInstructions from './steps/3-scale-out/instructions.md?raw';
import scaleStarter from './steps/3-scale-out/starter.js?raw';
import scaleSolution from './steps/3-scale-out/solution.js?raw';

const cookbook9 = cookbookCluster('cookbook-9');
const cookbook90 = cookbookCluster('cookbook-90', 30);

const base: JobRunSettings = {
  seed: 2030,
  cluster: cookbook9,
  blockSize: SENSOR_BLOCK_SIZE,
  files: [{ path: '/data/sensors.csv', dataset: 'sensors' }],
};
const tenfold = (cluster: ClusterSpec): JobRunSettings => ({
  ...base,
  cluster,
  files: [{ path: '/data/sensors.csv', dataset: 'sensors-10x' }],
});

/** A step's variant: its instructions as written, its job files the lab's (only the data differs). */
const variant = (
  instructions: string,
  starter: string,
  solution: string,
  datasets: string[] = ['sensors'],
): StepVariant => ({
  description:
    "each student's sensor file is drawn from their own seed: another sensor, 8 to 13 days, other readings and averages",
  datasets,
  instructions,
  values: sensorVariantValues,
  starter: () => starter,
  solution: () => solution,
});

const lab: Lab = {
  id: 'mapreduce-iot-averages',
  title: 'IoT daily averages with MapReduce',
  chapters: ['20.1.2'],
  minutes: 30,
  summary: 'Average sensor readings per day with 9 mappers and 3 reducers, then per minute, then at 10x scale.',
  intro,
  figures: ['20.2'],
  cluster: 'cookbook-9',
  datasets: [
    {
      ...dataset('sensors', `${SENSOR_LINES} readings of one sensor over ${SENSOR_DAYS} days (seed 2016)`, () =>
        sensorText(1),
      ),
      forSeed: (seed) => sensorTextFor(seed, 1),
    },
    {
      ...dataset(
        'sensors-10x',
        `${SENSOR_LINES * 10} readings of one sensor over ${SENSOR_DAYS} days (seed 2016)`,
        () => sensorText(10),
      ),
      forSeed: (seed) => sensorTextFor(seed, 10),
    },
  ],
  translations: { de },
  steps: [
    {
      id: 'daily-average',
      title: 'Average per day',
      kind: 'mapreduce',
      instructions: dailyInstructions,
      figures: ['20.2', '20.1'],
      starter: dailyStarter,
      solution: dailySolution,
      variant: variant(dailyInstructions, dailyStarter, dailySolution),
      hints: [
        'The timestamp looks like "2016-05-01 01:02:03": the day is its first 10 characters.',
        'In reduce, `values` is an Iterable, as in Hadoop, not an array: it has no length. Walk it once with `for (const v of values)`, adding up the values and counting them, then divide.',
        'Write `ctx.write(timestamp.slice(0, 10), Number(value))` in map and set `numReduceTasks: 3`.',
      ],
      run: base,
      checks: [
        averagesCheck('exact-averages', 10),
        mappersCheck('mappers-per-split'),
        reducersCheck('three-reducers', 3),
        parallelMapsCheck('parallel-mappers'),
      ],
    },
    {
      id: 'minute-average',
      title: 'Average per minute',
      kind: 'mapreduce',
      instructions: fillVariantText(minuteInstructions, sensorVariantValues(null)),
      // No Figure 20.2 here: the Cookbook draws the daily job (keys cut to the day, "each day to one
      // reducer"), which this step's minute keys contradict at every instant of the run.
      starter: minuteStarter,
      solution: minuteSolution,
      variant: variant(minuteInstructions, minuteStarter, minuteSolution),
      hints: [
        'Only the map changes: cut the timestamp later.',
        'Keep the first 16 characters: `timestamp.slice(0, 16)`.',
      ],
      run: base,
      checks: [
        averagesCheck('exact-minute-averages', 16),
        mappersCheck('mappers-per-split'),
        reducersCheck('three-reducers', 3),
      ],
    },
    {
      id: 'scale-out',
      title: '10x the data on 10x the machines',
      kind: 'mapreduce',
      instructions: scaleInstructions,
      figures: ['20.2', '20.3'],
      starter: scaleStarter,
      solution: scaleSolution,
      variant: variant(scaleInstructions, scaleStarter, scaleSolution, ['sensors', 'sensors-10x']),
      hints: [
        'A combiner runs on the map side with the same signature as reduce (its values are an Iterable too); its output goes to the reducers. Hadoop may run it zero, one or several times on a record.',
        'Emit `[Number(value), 1]` from map; combine and reduce add the pairs up element by element.',
        'Only the reducer divides: `ctx.write(day, sum / count)`. The combiner writes `[sum, count]`.',
      ],
      run: base,
      extraRuns: [
        { id: 'scaled', label: '10x data on 90 machines', run: tenfold(cookbook90), code: 'learner' },
        { id: 'same-machines', label: '10x data on the same 9 machines', run: tenfold(cookbook9), code: 'learner' },
      ],
      checks: [
        averagesCheck('exact-averages', 10),
        averagesCheck('exact-averages-10x', 10, 'scaled'),
        mappersCheck('mappers-per-split-10x', 'scaled'),
        reducersCheck('three-reducers', 3),
        combinerCheck('combiner', 'scaled'),
        scalingCheck('same-time', 'scaled', 1.25, 'same-machines'),
      ],
    },
  ],
};

export default lab;
