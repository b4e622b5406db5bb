/**
 * One truth for the job API: the members labs/jobApi/ declares (what the editor offers and
 * the lab job files are checked against) are the members a job finds at runtime. Each row of
 * RUNTIME_OBJECTS names a declared interface and a real job, run through runJob with the
 * in-process runner, that returns the member names of that object as the job sees it. Adding a
 * runtime object (the DataFrame API, a Kafka producer) is one more row.
 */
import { describe, expect, it } from 'vitest';
import { runJob } from '../engine/api';
import { createFunctionRunner } from '../engine/sandbox';
import { declaredMembers, JOB_API_PROTOCOL as PROTOCOL } from './__tests__/jobApiDeclared';

/** Job code defining `names(o)`: an object's own and inherited property names, Object.prototype's left out. */
const NAMES = `const names = (o) => {
  const out = new Set();
  for (let p = o; p !== null && p !== Object.prototype && p !== Function.prototype; p = Object.getPrototypeOf(p))
    for (const n of Object.getOwnPropertyNames(p)) out.add(n);
  return [...out].sort();
};`;

interface RuntimeObject {
  /** The declared interface (or `declare const`) in labs/jobApi/. */
  declared: string;
  /** A job file whose run returns the runtime object's member names (Spark: the driver's result). */
  job: string;
  /** The member names from the run's report. */
  names(result: unknown): string[];
  /**
   * Mismatches known when this test was written, each to be fixed by adding the member to the
   * runtime or the declarations. An entry that is no longer a mismatch fails the test too: delete it.
   */
  knownGaps?: { missingAtRuntime?: string[]; undeclared?: string[] };
}

/** A Spark job returning the names of `expr`, evaluated in the driver with `sc` and the SparkSession `spark`. */
const spark = (expr: string) => `${NAMES}\nexports.default = async (sc, spark) => names(${expr});`;
const asNames = (result: unknown) => result as string[];

/** The MapReduce job: map, combine and reduce each write the names of the ctx they were given (map: its counter's too). */
const MAPREDUCE = `${NAMES}
exports.default = {
  kind: 'mapreduce', input: '/in/x.txt', output: '/out/x', numReduceTasks: 1,
  map(offset, line, ctx) {
    ctx.write('map', names(ctx).join(' '));
    ctx.write('counter', names(ctx.getCounter('lab', 'lines')).join(' '));
  },
  combine(key, values, ctx) {
    for (const v of values) ctx.write(key, v);
    ctx.write('combine', names(ctx).join(' '));
  },
  reduce(key, values, ctx) {
    for (const v of values) ctx.write(key, v);
    if (key === 'map') ctx.write('reduce', names(ctx).join(' '));
  },
};`;

const contextNames = (which: string) => (result: unknown) => {
  const pair = (result as [string, string][]).find(([k]) => k === which);
  if (!pair) throw new Error(`the MapReduce run wrote no '${which}' record: ${JSON.stringify(result)}`);
  return pair[1].split(' ').filter(Boolean);
};

const DF = "spark.createDataFrame([{ day: 'mon', t: 1.5 }])";

const RUNTIME_OBJECTS: Record<string, RuntimeObject> = {
  'the RDD handle (sc.parallelize)': { declared: 'RDD', job: spark('sc.parallelize([1, 2])'), names: asNames },
  'the RDD handle (sc.textFile)': { declared: 'RDD', job: spark("sc.textFile('/in/x.txt')"), names: asNames },
  'the RDD handle (a shuffled RDD)': {
    declared: 'RDD',
    job: spark("sc.parallelize([['a', 1]]).reduceByKey((a, b) => a + b)"),
    names: asNames,
  },
  'sc (the SparkContext)': { declared: 'SparkContext', job: spark('sc'), names: asNames },
  'a Broadcast (sc.broadcast)': { declared: 'Broadcast', job: spark('sc.broadcast([1])'), names: asNames },
  'a LongAccumulator (sc.longAccumulator)': {
    declared: 'LongAccumulator',
    job: spark("sc.longAccumulator('n')"),
    names: asNames,
  },
  'a DoubleAccumulator (sc.doubleAccumulator)': {
    declared: 'DoubleAccumulator',
    job: spark('sc.doubleAccumulator()'),
    names: asNames,
  },
  'a CollectionAccumulator (sc.collectionAccumulator)': {
    declared: 'CollectionAccumulator',
    job: spark('sc.collectionAccumulator()'),
    names: asNames,
  },
  "PySpark's accumulator (sc.accumulator)": {
    declared: 'NumberAccumulator',
    job: spark('sc.accumulator(0)'),
    names: asNames,
  },
  'a StatCounter (rdd.stats())': {
    declared: 'StatCounter',
    job: spark('await sc.parallelize([1, 2, 3]).stats()'),
    names: asNames,
  },
  'console in a Spark driver': { declared: 'console', job: spark('console'), names: asNames },
  'the SparkSession (spark)': { declared: 'SparkSession', job: spark('spark'), names: asNames },
  'the DataFrameReader (spark.read)': { declared: 'DataFrameReader', job: spark('spark.read'), names: asNames },
  'the functions object (spark.functions)': { declared: 'SqlFunctions', job: spark('spark.functions'), names: asNames },
  'a DataFrame (spark.createDataFrame)': { declared: 'DataFrame', job: spark(DF), names: asNames },
  'a DataFrame (spark.read.text)': {
    declared: 'DataFrame',
    job: spark("spark.read.text('/in/x.txt')"),
    names: asNames,
  },
  'a DataFrame (after a join and orderBy)': {
    declared: 'DataFrame',
    job: spark(`${DF}.join(${DF}, 'day').orderBy('day')`),
    names: asNames,
  },
  'GroupedData (df.groupBy)': { declared: 'GroupedData', job: spark(`${DF}.groupBy('day')`), names: asNames },
  'a Column (functions.col)': {
    declared: 'Column',
    job: spark("spark.functions.col('t')"),
    names: asNames,
  },
  'a Column (an expression)': {
    declared: 'Column',
    job: spark(`spark.functions.sum(${DF}.col('t')).plus(1).alias('x')`),
    names: asNames,
  },
  'a StructType (df.schema)': { declared: 'StructType', job: spark(`${DF}.schema`), names: asNames },
  "map's ctx": { declared: 'MapReduceContext', job: MAPREDUCE, names: contextNames('map') },
  "combine's ctx": { declared: 'MapReduceContext', job: MAPREDUCE, names: contextNames('combine') },
  "reduce's ctx": { declared: 'MapReduceContext', job: MAPREDUCE, names: contextNames('reduce') },
  'a MapReduce counter (ctx.getCounter)': {
    declared: 'MapReduceCounter',
    job: MAPREDUCE,
    names: contextNames('counter'),
  },
};

async function runtimeNames(row: RuntimeObject): Promise<string[]> {
  const runner = createFunctionRunner();
  try {
    const report = await runJob({
      source: { fileName: 'job.js', code: row.job },
      runner,
      cluster: 'classroom',
      seed: 1,
      files: [{ path: '/in/x.txt', bytes: new TextEncoder().encode('a line\n') }],
    });
    return row.names(report.result).filter((n) => !PROTOCOL.has(n));
  } finally {
    await runner.close();
  }
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('labs/jobApi/ and the runtime are one truth', () => {
  const declared = declaredMembers();

  it('reads the declarations (the table names declared interfaces)', () => {
    for (const row of Object.values(RUNTIME_OBJECTS)) expect([...declared.keys()]).toContain(row.declared);
    expect(declared.get('RDD')).toContain('map');
  });

  it.each(Object.entries(RUNTIME_OBJECTS))('%s has exactly the declared members', async (_what, row) => {
    const want = new Set((declared.get(row.declared) ?? []).filter((n) => !PROTOCOL.has(n)));
    const have = new Set(await runtimeNames(row));
    const missingAtRuntime = sorted([...want].filter((n) => !have.has(n)));
    const undeclared = sorted([...have].filter((n) => !want.has(n)));
    // Named in the failure: declared but missing at runtime, and at runtime but undeclared.
    expect({ missingAtRuntime, undeclared }).toEqual({
      missingAtRuntime: sorted(row.knownGaps?.missingAtRuntime ?? []),
      undeclared: sorted(row.knownGaps?.undeclared ?? []),
    });
  });
});
