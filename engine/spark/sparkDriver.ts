/**
 * Runs a learner's Spark job function (the driver program) inside the sandbox with a
 * SparkContext-like `sc`, and returns its value with the log the simulation replays.
 */
import type { DriverHost, SparkDriverOutput } from '../sandbox/taskRunner';
import { SparkRuntime } from './sparkRuntime';

export async function runSparkDriver(
  fn: (sc: unknown) => unknown,
  host: DriverHost,
  decode: (b: Uint8Array) => string,
): Promise<SparkDriverOutput> {
  const rt = new SparkRuntime(host.catalog, (p) => host.readFiles(p), decode);
  const sc = {
    textFile: (path: string, minPartitions?: number) => rt.textFile(path, minPartitions),
    parallelize: (data: unknown[], numSlices?: number) => rt.parallelize(data, numSlices),
    broadcast: <T>(value: T) => ({ value }),
    defaultParallelism: 2,
  };
  const result = await fn(sc);
  return { result, jobs: [rt.toLog()], written: rt.written };
}
