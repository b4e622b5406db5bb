/**
 * The rdd-dataframe-sql lab (Cookbook 20.3, 20.6, 19.1): one question, readings, mean and highest
 * value per sensor, as RDD code (groupByKey against reduceByKey), as a DataFrame (Catalyst's partial
 * aggregation) and as SQL over a view (the same plan), with the SQL console's DuckDB on the same
 * file as a single-machine reference. Texts and job files are the files beside this one.
 */
import { cookbookCluster, dataset } from '../labData';
import type { ExtraRun, JobRunSettings, Lab, StepVariant } from '../labTypes';
import { ranOperatorCheck, sensorStatsCheck, shufflesLessCheck } from './checks';
import { SENSORS_BLOCK_SIZE, SENSORS_PATH, sensorsText } from './data';
import { sensorsTextFor } from './sensorsVariant';
import intro from './intro.md?raw';
import groupByKey from './reference/group-by-key.js?raw';
import rddInstructions from './steps/1-rdd/instructions.md?raw';
import rddStarter from './steps/1-rdd/starter.js?raw';
import rddSolution from './steps/1-rdd/solution.js?raw';
import dfInstructions from './steps/2-dataframe/instructions.md?raw';
import dfStarter from './steps/2-dataframe/starter.js?raw';
import dfSolution from './steps/2-dataframe/solution.js?raw';
import sqlInstructions from './steps/3-sql/instructions.md?raw';
import sqlStarter from './steps/3-sql/starter.js?raw';
import sqlSolution from './steps/3-sql/solution.js?raw';

/** Each reading stands for 100 (10 million readings, 320 MB). */
export const SENSOR_COSTS = { dataScale: 100 };

const run: JobRunSettings = {
  seed: 2003,
  cluster: cookbookCluster('cookbook-9', 3, SENSOR_COSTS),
  blockSize: SENSORS_BLOCK_SIZE,
  files: [{ path: SENSORS_PATH, dataset: 'sensors' }],
};
const groupByKeyRun: ExtraRun = {
  id: 'group-by-key',
  label: 'the same question with groupByKey',
  run,
  code: { fileName: 'group-by-key.js', text: groupByKey },
};
const dataframeRun: ExtraRun = {
  id: 'dataframe',
  label: 'the DataFrame groupBy().agg()',
  run,
  // Step 2's solution: the DataFrame the SQL step is compared with.
  code: { fileName: 'dataframe.js', text: dfSolution },
};

/** A step's variant: the student's readings (sensorsVariant.ts); its texts and code the step's own. */
const variant = (instructions: string, starter: string, solution: string): StepVariant => ({
  description:
    "each student's readings are drawn from their own seed: the sensors' names shuffled, their levels shifted, other tenths; other counts, means and highest values per sensor",
  datasets: ['sensors'],
  instructions,
  values: () => ({}),
  starter: () => starter,
  solution: () => solution,
});

const answerHint = (how: string) => `each row is [sensor, [readings, mean, highest]], ordered by sensor; ${how}`;

const lab: Lab = {
  id: 'rdd-dataframe-sql',
  title: 'RDD, DataFrame and SQL',
  chapters: ['20.3', '20.6', '19.1'],
  minutes: 30,
  summary: 'Ask one question as RDD code, as a DataFrame and in SQL, and compare their plans and shuffles.',
  intro,
  cluster: 'cookbook-9',
  datasets: [
    {
      ...dataset(
        'sensors',
        '100,000 readings `timestamp,sensor,value` of 9 sensors over 30 days (seed 2016), as in the SQL console',
        sensorsText,
      ),
      forSeed: sensorsTextFor,
    },
  ],
  steps: [
    {
      id: 'rdd',
      title: 'RDD code: groupByKey or reduceByKey',
      kind: 'spark',
      instructions: rddInstructions,
      starter: rddStarter,
      solution: rddSolution,
      variant: variant(rddInstructions, rddStarter, rddSolution),
      hints: [
        'Open the Spark UI tab and compare the Shuffle Write of the stages with the input.',
        "groupByKey ships every value to its key's task; reduceByKey adds values up in each map task first, so the function must take two partial results and return one.",
        'Map each line to `[sensor, [1, value, value]]`, then `.reduceByKey((a, b) => [a[0] + b[0], a[1] + b[1], Math.max(a[2], b[2])])` and `.mapValues(([n, sum, hi]) => [n, sum / n, hi])`.',
      ],
      run,
      extraRuns: [groupByKeyRun],
      checks: [
        sensorStatsCheck(
          'sensor-stats',
          answerHint('readings is how many values the sensor has, mean their sum over that count'),
        ),
        shufflesLessCheck(
          'small-shuffle',
          'group-by-key',
          'the groupByKey version',
          0.05,
          'every reading still crosses the network; combine the values of a sensor inside each map task before the shuffle',
        ),
      ],
    },
    {
      id: 'dataframe',
      title: 'The DataFrame: a plan Spark optimizes',
      kind: 'spark',
      instructions: dfInstructions,
      starter: dfStarter,
      solution: dfSolution,
      hints: [
        'A DataFrame groups with `groupBy(column)` and computes with `agg(...)`, taking functions from `spark.functions`.',
        'count, avg and max are in `spark.functions`; name each result column with `.alias(...)`.',
        "`readings.groupBy('sensor').agg(count('*').alias('readings'), avg('value').alias('mean'), max('value').alias('highest'))`.",
      ],
      run,
      extraRuns: [groupByKeyRun],
      checks: [
        sensorStatsCheck(
          'sensor-stats',
          answerHint('the columns readings, mean and highest come from groupBy().agg()'),
        ),
        ranOperatorCheck(
          'partial-aggregate',
          'each map task aggregates before the shuffle',
          'HashAggregate (partial)',
          'group the DataFrame and aggregate it with groupBy().agg(): Catalyst then plans a partial aggregation in every map task',
        ),
        shufflesLessCheck(
          'small-shuffle',
          'group-by-key',
          'the groupByKey version',
          0.05,
          'the plan still ships every reading; let the DataFrame do the grouping',
        ),
      ],
    },
    {
      id: 'sql',
      title: 'SQL: the same plan from a query',
      kind: 'spark',
      instructions: sqlInstructions,
      starter: sqlStarter,
      solution: sqlSolution,
      hints: [
        'A GROUP BY query gives one row per group; the aggregate functions are count(*), avg(...) and max(...).',
        'Name each result column with AS, so that the rows have readings, mean and highest.',
        '`SELECT sensor, count(*) AS readings, avg(value) AS mean, max(value) AS highest FROM readings GROUP BY sensor ORDER BY sensor`.',
      ],
      run,
      extraRuns: [dataframeRun],
      checks: [
        sensorStatsCheck(
          'sensor-stats',
          answerHint('the query names its columns readings, mean and highest and orders by sensor'),
        ),
        ranOperatorCheck(
          'partial-aggregate',
          'each map task aggregates before the shuffle',
          'HashAggregate (partial)',
          'compute the statistics with a GROUP BY query using count, avg and max: those Spark adds up in every map task',
        ),
        shufflesLessCheck(
          'same-plan',
          'dataframe',
          'the DataFrame groupBy().agg()',
          1.1,
          'a GROUP BY with count, avg and max is planned like the DataFrame: compute the statistics in the query itself',
        ),
      ],
    },
  ],
};

export default lab;
