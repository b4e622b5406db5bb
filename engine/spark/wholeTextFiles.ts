/** Spark's SparkContext.wholeTextFiles: one [path, content] pair per file, files whole. */
import { checkPartitionCount, Rdd } from './rdd';
import { describeArg } from './rddArgs';
import { qualified, wholeFileGroups } from './sparkPaths';
import type { SparkRuntime } from './sparkRuntime';

/** sc.wholeTextFiles: one [path, content] pair per file (the path qualified, `hdfs:/data/a.txt`), files whole. */
export function wholeTextFiles(rt: SparkRuntime, path: unknown, minPartitions: unknown = 2): Rdd {
  if (typeof path !== 'string')
    throw new TypeError(`wholeTextFiles(path): the path must be a string like '/data/logs', got ${describeArg(path)}`);
  const files = rt.inputFiles(path, 'wholeTextFiles');
  const min = checkPartitionCount(`wholeTextFiles(${JSON.stringify(path)}, minPartitions)`, wholeNumber(minPartitions));
  if (files.length === 0) return new Rdd(rt, `wholeTextFiles ${path}`, 1, [], () => []);
  checkPartitionCount(`wholeTextFiles(${JSON.stringify(path)})`, files.length);
  // One partition per file reads it (its blocks give the locality); the packed partitions take files whole.
  const perFile = new Rdd(rt, `wholeTextFiles ${path}`, files.length, [], (p) => {
    const f = files[p]!;
    return [[qualified(f.path), rt.decode(rt.fileBytes(f.path))]];
  });
  perFile.source = { path, ranges: files.map((f) => [0, f.length]), files: files.map((f) => f.path) };
  (perFile as Rdd & { files?: string[] }).files = [...new Set(files.map((f) => f.path))];
  const groups = wholeFileGroups(files, min);
  return new Rdd(
    rt,
    'wholeTextFiles',
    groups.length,
    [{ kind: 'narrow', parent: perFile.id, parents: groups, shuffleId: -1 }],
    (p) => groups[p]!.flatMap((i) => perFile.iterator(i)),
  );
}

/** 2.7 → 2 (Spark's partition counts are Ints); anything else is left for checkPartitionCount to name. */
function wholeNumber(n: unknown): unknown {
  return typeof n === 'number' && Number.isFinite(n) && n >= 1 ? Math.floor(n) : n;
}
