/**
 * Runs a learner's Spark job function (the driver program) inside the sandbox with a
 * SparkContext-like `sc`, and returns its value with the log the simulation replays.
 */
import { errorToData, type JobErrorData } from '../sandbox/jobCodeError';
import type { DriverHost, SparkDriverOutput } from '../sandbox/taskRunner';
import { MissingInputError, SparkRuntime } from './sparkRuntime';
import { SparkJobAbortedError } from './sparkTaskError';

export async function runSparkDriver(
  fn: (sc: unknown) => unknown,
  host: DriverHost,
  decode: (b: Uint8Array) => string,
  describeError: (error: unknown) => JobErrorData = (error) => errorToData(error, 'job.js'),
  /** Progress: the Spark job computing (`job 2 (count at line 9)`) and its partitions done of total. */
  onPartition: ((job: string, done: number, total: number) => void) | null = null,
): Promise<SparkDriverOutput> {
  const rt = new SparkRuntime(host.catalog, (p) => host.readFiles(p), decode, describeError);
  rt.onPartition = onPartition;
  const sc = {
    textFile: (path: string, minPartitions?: number) => rt.textFile(path, minPartitions),
    parallelize: (data: unknown[], numSlices?: number) => rt.parallelize(data, numSlices),
    broadcast: <T>(value: T) => ({ value }),
    defaultParallelism: 2,
  };
  try {
    const result = await fn(sc);
    return { result, jobs: [rt.toLog()], written: rt.written };
  } catch (error) {
    if (error instanceof MissingInputError)
      return { result: undefined, jobs: [rt.toLog()], written: [], missingInput: error.path };
    // A job's task failed and the driver let the error through: the simulation replays the jobs
    // up to that one, whose task fails every attempt. Any other error is the driver's own.
    if (!(error instanceof SparkJobAbortedError) || error.job !== rt.jobs.length - 1) throw error;
    return { result: undefined, jobs: [{ ...rt.toLog(), aborted: true }], written: rt.written };
  }
}
