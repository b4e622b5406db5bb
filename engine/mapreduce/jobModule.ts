/**
 * Reads a job module's default export (inside the sandbox) into plain configuration plus the
 * learner's functions. A MapReduce job is an object (`kind: 'mapreduce'`), a chain of them is an
 * array (each job usually reads the previous one's output, Cookbook 20.1.3); a Spark job is a
 * function of `sc`. Bad fields get a JobSpecError naming the field.
 */
import { splitInputPaths } from '../exec/hadoopGlob';
import { JobSpecError } from '../sandbox/contract/jobCodeError';
import { readSubmitConf } from '../sandbox/contract/submitConf';
import type { JobShape, MapReduceJobConfig } from '../sandbox/contract/taskRunner';
import type { MapReduceFunctions, WriteContext } from './mapTaskCompute';
import { readMapReduceConf } from './mapReduceConf';

export interface LoadedJob {
  shape: JobShape;
  mapreduce: MapReduceFunctions[];
  spark: ((sc: unknown) => unknown) | null;
}

type Fn = (...args: unknown[]) => unknown;

/** What a job's configuration may hold (checked again by the host: sandboxReplyValidation.ts). */
export const MAX_NAME_LENGTH = 200;
export const MAX_PATH_LENGTH = 4096;
export const MAX_PATHS = 10_000;
export const MAX_CHAIN = 1_000;

function fn(job: Record<string, unknown>, name: string, where: string, fileName: string, required: boolean): Fn | null {
  const f = job[name];
  if (f === undefined || f === null) {
    if (required) throw new JobSpecError(fileName, `${where}.${name}: must be a function, but it is missing`);
    return null;
  }
  if (typeof f !== 'function')
    throw new JobSpecError(fileName, `${where}.${name}: must be a function, got ${typeof f}`);
  return (f as Fn).bind(job);
}

function paths(value: unknown, where: string, fileName: string, commaList = false): string[] {
  // An input given as one string may list paths with commas, as Hadoop's setInputPaths(job, "a,b") takes them.
  const list =
    commaList && typeof value === 'string' && value.length <= MAX_PATH_LENGTH
      ? splitInputPaths(value)
      : Array.isArray(value)
        ? value
        : [value];
  if (list.length === 0) throw new JobSpecError(fileName, `${where}: must name at least one DFS path`);
  if (list.length > MAX_PATHS)
    throw new JobSpecError(fileName, `${where}: must name at most ${MAX_PATHS} DFS paths, got ${list.length}`);
  // Array.from visits a hole ('/a', , '/b') as undefined: an error at its place, where map skipped it.
  return Array.from(list as unknown[], (p, i) => {
    if (typeof p === 'string' && p.length > MAX_PATH_LENGTH)
      throw new JobSpecError(
        fileName,
        `${where}${Array.isArray(value) ? `[${i}]` : ''}: a DFS path must be at most ${MAX_PATH_LENGTH} characters, got ${p.length}`,
      );
    if (typeof p !== 'string' || !p.startsWith('/')) {
      throw new JobSpecError(
        fileName,
        `${where}${Array.isArray(value) ? `[${i}]` : ''}: must be an absolute DFS path like '/data/x.csv', got ${JSON.stringify(p)}`,
      );
    }
    return p;
  });
}

/** Fields a learner may mean by another name (Hadoop's class names, Java setters): what they are called here. */
const MEANT: Record<string, string> = {
  mapper: 'map',
  reducer: 'reduce',
  combiner: 'combine',
  partitioner: 'partition',
  getPartition: 'partition',
  numReducers: 'numReduceTasks',
  numReduces: 'numReduceTasks',
  setNumReduceTasks: 'numReduceTasks',
  'mapreduce.job.reduces': 'numReduceTasks',
  sortComparatorClass: 'sortComparator',
  groupingComparatorClass: 'groupingComparator',
  configuration: 'conf',
};

/** Hadoop's default Mapper.map: the identity, (offset, line) written as they come. */
const identityMap = (offset: unknown, line: unknown, ctx: WriteContext) => ctx.write(offset, line);

function readMapReduce(
  value: unknown,
  index: number,
  where: string,
  fileName: string,
): { config: MapReduceJobConfig; fns: MapReduceFunctions } {
  if (typeof value !== 'object' || value === null)
    throw new JobSpecError(fileName, `${where}: must be a job object, got ${String(value)}`);
  const job = value as Record<string, unknown>;
  if (job.kind !== 'mapreduce')
    throw new JobSpecError(fileName, `${where}.kind: must be 'mapreduce', got ${JSON.stringify(job.kind)}`);
  for (const field of Object.keys(job))
    if (Object.prototype.hasOwnProperty.call(MEANT, field) && !(MEANT[field]! in job))
      throw new JobSpecError(
        fileName,
        `${where}.${field}: a MapReduce job has no field '${field}'; did you mean '${MEANT[field]}'?`,
      );
  const n = job.numReduceTasks ?? 1;
  if (!Number.isInteger(n) || (n as number) < 0 || (n as number) > 10000) {
    throw new JobSpecError(
      fileName,
      `${where}.numReduceTasks: must be an integer from 0 (a map-only job) to 10000, got ${JSON.stringify(n)}`,
    );
  }
  const output = paths(job.output, `${where}.output`, fileName);
  if (output.length !== 1) throw new JobSpecError(fileName, `${where}.output: must be one DFS path`);
  const map = fn(job, 'map', where, fileName, false) ?? identityMap;
  const reduce = fn(job, 'reduce', where, fileName, false);
  const combine = fn(job, 'combine', where, fileName, false);
  const partition = fn(job, 'partition', where, fileName, false);
  const sortComparator = fn(job, 'sortComparator', where, fileName, false);
  const groupingComparator = fn(job, 'groupingComparator', where, fileName, false);
  const conf = readMapReduceConf(job.conf, `${where}.conf`, fileName);
  if (typeof job.name === 'string' && job.name.length > MAX_NAME_LENGTH)
    throw new JobSpecError(
      fileName,
      `${where}.name: must be at most ${MAX_NAME_LENGTH} characters, got ${job.name.length}`,
    );
  const name = typeof job.name === 'string' ? job.name : `job ${index + 1}`;
  // Hadoop's default Reducer.reduce: every value written under its key.
  const identity = (key: unknown, values: Iterable<unknown>, ctx: WriteContext) => {
    for (const v of values) ctx.write(key, v);
  };
  return {
    config: {
      index,
      name,
      field: where,
      input: paths(job.input, `${where}.input`, fileName, true),
      output: output[0]!,
      numReduceTasks: n as number,
      hasCombine: combine !== null,
      hasPartition: partition !== null,
      conf,
    },
    fns: {
      fileName,
      map: map as MapReduceFunctions['map'],
      reduce: (reduce ?? identity) as MapReduceFunctions['reduce'],
      combine: combine as MapReduceFunctions['combine'],
      partition: partition as MapReduceFunctions['partition'],
      sortComparator: sortComparator as MapReduceFunctions['sortComparator'],
      groupingComparator: groupingComparator as MapReduceFunctions['groupingComparator'],
      conf,
    },
  };
}

/**
 * Reads a job module: its default export, and for a Spark job its `conf` export (submit-time
 * settings, engine/sandbox/contract/submitConf.ts). A MapReduce job's settings are its `conf` field.
 */
export function readJobModule(exported: unknown, fileName: string, confExport?: unknown): LoadedJob {
  if (typeof exported === 'function') {
    const shape: JobShape =
      confExport === undefined ? { kind: 'spark' } : { kind: 'spark', conf: readSubmitConf(confExport, fileName) };
    return { shape, mapreduce: [], spark: exported as (sc: unknown) => unknown };
  }
  if (confExport !== undefined && exported !== undefined)
    throw new JobSpecError(
      fileName,
      "exports conf, the settings of a Spark job; a MapReduce job's settings are its own conf field (conf: { 'dfs.replication': 2 })",
    );
  if (exported === undefined)
    throw new JobSpecError(
      fileName,
      'has no default export: export a MapReduce job object, an array of them, or a Spark function `async (sc) => ...`',
    );
  const list = Array.isArray(exported) ? exported : [exported];
  if (list.length === 0) throw new JobSpecError(fileName, 'default export: the chain of jobs is empty');
  if (list.length > MAX_CHAIN)
    throw new JobSpecError(fileName, `default export: a chain may hold at most ${MAX_CHAIN} jobs, got ${list.length}`);
  // Array.from visits a hole (`[job, , next]`) as undefined: an error at its place, where map skipped it.
  const read = Array.from(list as unknown[], (j, i) =>
    readMapReduce(j, i, Array.isArray(exported) ? `default[${i}]` : 'default', fileName),
  );
  return {
    shape: { kind: 'mapreduce', jobs: read.map((r) => r.config) },
    mapreduce: read.map((r) => r.fns),
    spark: null,
  };
}
