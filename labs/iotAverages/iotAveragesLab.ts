/**
 * The mapreduce-iot-averages lab (Cookbook 20.1.2, Figure 20.2): daily averages of sensor
 * readings with 9 mappers and 3 reducers, then minute averages, then the scaling promise:
 * ten times the data on ten times the machines in about the same time.
 */
import type { ClusterSpec } from '../../engine/cluster';
import { cookbookCluster, dataset, SENSOR_BLOCK_SIZE, SENSOR_DAYS, SENSOR_LINES, sensorText } from '../labData';
import type { JobRunSettings, Lab } from '../labTypes';
import { averagesCheck, mappersCheck, parallelMapsCheck, reducersCheck, scalingCheck } from './iotAveragesChecks';
import {
  DAILY_SOLUTION,
  DAILY_STARTER,
  MINUTE_SOLUTION,
  MINUTE_STARTER,
  SCALE_SOLUTION,
  SCALE_STARTER,
} from './iotAveragesCode';

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

export const iotAveragesLab: Lab = {
  id: 'mapreduce-iot-averages',
  title: 'IoT daily averages with MapReduce',
  chapters: ['20.1.2'],
  minutes: 30,
  summary: 'Average sensor readings per day with 9 mappers and 3 reducers, then per minute, then at 10x scale.',
  intro: `A temperature sensor reports a reading a little less than once a minute, and the readings pile up in HDFS as
\`timestamp,sensor,value\` lines. You want one number per day: the mean reading. Cookbook 20.1.2 uses this
as its worked example instead of the usual word count, and Figure 20.2 shows the plan: many mappers each
turn their share of lines into (day, value) pairs, the framework groups the pairs by day, and a few
reducers compute one mean per day.

The cluster here is the cookbook's: nine machines on three racks (\`cookbook-9\`). The file is
${SENSOR_LINES.toLocaleString('en-US')} readings over ${SENSOR_DAYS} days, stored in blocks small enough that it is cut
into exactly nine splits whose replicas are spread over all nine DataNodes, so nine mappers can work side
by side, each on a machine that holds its split. Each sample line stands for 100 real
readings: the cost model charges the CPU work accordingly, so the timeline shows realistic proportions.`,
  cluster: 'cookbook-9',
  datasets: [
    dataset('sensors', `${SENSOR_LINES} readings of one sensor over ${SENSOR_DAYS} days (seed 2016)`, () =>
      sensorText(1),
    ),
    dataset('sensors-10x', `${SENSOR_LINES * 10} readings of one sensor over ${SENSOR_DAYS} days (seed 2016)`, () =>
      sensorText(10),
    ),
  ],
  steps: [
    {
      id: 'daily-average',
      title: 'Average per day',
      kind: 'mapreduce',
      instructions: `**Cookbook 20.1.2, Figure 20.2.** The map phase does very little: it reads a line, keeps the day part
of the timestamp as the key and the reading as the value. Everything with the same day then meets in one
reducer, which divides the sum of the values by their number.

Finish the starter job:

1. make the map emit the day (\`2016-05-01\`) as key, not the whole timestamp;
2. make the reduce write the mean of a day's values;
3. run three reducers, as in the figure.

Watch the cluster map and the timeline. The ApplicationMaster asks YARN for one container per map
task, on the machines holding a replica of its split. YARN hands out containers when a NodeManager
heartbeats (each reports once a second, one after the other), and this lab's scheduler gives at most one
container per heartbeat (\`maximum-container-assignments\` = 1), so the nine map tasks (one per split of
\`/data/sensors.csv\`) start within a second of each other on nine machines, each next to its data. With
Hadoop's default of up to 100 per heartbeat, the first machines to report would take every map whose
block they hold, and the others would sit idle. Each bar shows its phases: container start-up, reading
the split, the map itself, sorting and spilling its output. Then the three reducers start on the next
machines to heartbeat (they have no data to be near): each fetches its part of every map's output (the
shuffle), merges it, reduces and writes its part file to HDFS through a pipeline of three replicas (a
few lines of averages: a sliver at the end of the bar).`,
      starter: DAILY_STARTER,
      solution: DAILY_SOLUTION,
      hints: [
        'The timestamp looks like "2016-05-01 01:02:03": the day is its first 10 characters.',
        'In reduce, add up the values with a loop and divide by values.length.',
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
      instructions: `**Cookbook 20.1.2.** A finer question needs no new machinery: only the key changes. To get one mean per
minute, the key keeps the hour and the minute (\`2016-05-01 01:02\`) and drops only the seconds.

Change the daily job so that it writes minute averages. The number of keys grows from ${SENSOR_DAYS} to
about ${(SENSOR_DAYS * 1440).toLocaleString('en-US')}; look at how the three reducers share them and how much more data the shuffle moves.`,
      starter: MINUTE_STARTER,
      solution: MINUTE_SOLUTION,
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
      instructions: `**Cookbook 20.1.2** ends with a promise: since every map task is independent, ten times the data on
ten times the machines should take about the same time. This step tests it. Your job runs three times:
on the nine machines with the original file, on 90 machines (\`cookbook-90\`) with a file ten times as big,
and on the original nine machines with the big file, for comparison.

Run the daily job as it is first and compare the times. The map phase keeps pace (90 splits, 90
machines), but there are still only three reducers, and each now receives ten times as many readings.
Add a \`combine(day, values, ctx)\` function that pre-aggregates each mapper's output, so the reducers
receive a handful of records per mapper. An average of averages is not the average: carry
\`[sum, count]\` pairs from map to combine to reduce and divide only in the reducer.`,
      starter: SCALE_STARTER,
      solution: SCALE_SOLUTION,
      hints: [
        'A combiner runs on the map side with the same signature as reduce; its output goes to the reducers.',
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
        scalingCheck('same-time', 'scaled', 1.25),
      ],
    },
  ],
};
