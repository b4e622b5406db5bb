/**
 * The paths a DataFrameReader is given (spark.read.csv, json, text, load): one path as a string, or
 * several as an array (Spark's `csv(paths: String*)`, PySpark's `csv(['/a', '/b'])`). Each is taken
 * whole, globbed but never split at its commas: Spark's DataSource reads `'/a,/b'` as one path
 * named with a comma, where sc.textFile (Hadoop's FileInputFormat) reads two.
 */
import { LIMITS, formatCount } from '../../core';
import { describeArg } from '../rddArgs';

/** A reader's paths as a list, checked; `call` names the reader's method in the errors. */
export function readerPaths(path: unknown, call: string): readonly string[] {
  if (typeof path === 'string') return [path];
  if (!Array.isArray(path))
    throw new TypeError(
      `${call}(path): the path must be a string like '/data/sensors.csv' or an array of them, got ${describeArg(path)}`,
    );
  const length: number = path.length;
  if (length === 0)
    throw new TypeError(`${call}(paths): the array of paths is empty: name at least one, like '/data/sensors.csv'`);
  // Checked before any is read: the paths together are bounded as one path is (LIMITS.maxPathLength).
  if (length > LIMITS.maxPathLength)
    throw new RangeError(
      `${call}(paths): ${formatCount(length)} paths are more than the limit of ${formatCount(LIMITS.maxPathLength)} characters for all of them together`,
    );
  // Read by index into a list of the engine's own: the learner's array may be a Proxy, its map replaced.
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    const p: unknown = path[i];
    if (typeof p !== 'string')
      throw new TypeError(
        `${call}(paths): paths[${i}] must be a string like '/data/sensors.csv', got ${describeArg(p)}`,
      );
    out.push(p);
  }
  return out;
}

/** Spark's FileScan location (Utils.buildLocationMetadata): how many root paths, and each qualified. */
export function scanLocation(paths: readonly string[]): string {
  return `InMemoryFileIndex(${paths.length} paths)[${paths.map((p) => `hdfs:${p}`).join(', ')}]`;
}
