/**
 * The settings that say where a Spark application's executors come from and how big they are
 * (Cookbook 20.2.5, 20.10): the cluster manager (`spark.master`), YARN's queue, and the
 * executors' number, cores and memory, read the way spark-submit reads them.
 */
import { ValidationError, describeValue } from '../core';

/** The port a standalone Master listens on (spark.master.port's default). */
export const STANDALONE_MASTER_PORT = 7077;
/** The host name of the cluster's standalone Master, like the NameNode and the ResourceManager a machine of its own. */
export const STANDALONE_MASTER_HOST = 'master';
/** The largest memory a setting may give: 1 TiB, in MiB. */
const MAX_MEMORY_MB = 1024 * 1024;

/** `yarn` (YARN's ResourceManager) or a standalone Master's URL, `spark://master:7077`. */
export type SparkMaster = { kind: 'yarn' } | { kind: 'standalone'; url: string };

/** spark.master: `yarn`, or `spark://HOST:PORT` (the cluster's standalone Master is spark://master:7077). */
export function parseSparkMaster(key: string, value: string | number | boolean): SparkMaster {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === 'yarn') return { kind: 'yarn' };
  const m = /^spark:\/\/([^:/\s]+):(\d{1,5})$/.exec(text);
  const url = `spark://${STANDALONE_MASTER_HOST}:${STANDALONE_MASTER_PORT}`;
  if (m === null) {
    const local = /^local(\[.*\])?$/.test(text) ? ': local mode runs on one machine, with no cluster to see' : '';
    throw new ValidationError(
      key,
      `must be yarn or a standalone Master's URL like ${url}, got ${describeValue(value)}${local}`,
    );
  }
  if (m[1] !== STANDALONE_MASTER_HOST || Number(m[2]) !== STANDALONE_MASTER_PORT)
    throw new ValidationError(key, `no standalone Master answers at ${text}: this cluster's Master listens at ${url}`);
  return { kind: 'standalone', url: text };
}

/**
 * A JVM memory string as spark.executor.memory takes it: `4g`, `512m`, `1t`, `2048k`; a bare
 * number is MiB. Returns MiB, rounded down as Spark does.
 */
export function parseMemoryMb(key: string, value: string | number | boolean): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().toLowerCase() : '';
  const m = /^(\d+)\s*(k|kb|m|mb|g|gb|t|tb)?$/.exec(text);
  const unit = m?.[2]?.[0] ?? 'm';
  const factor = unit === 'k' ? 1 / 1024 : unit === 'm' ? 1 : unit === 'g' ? 1024 : 1024 * 1024;
  const mb = m ? Math.floor(Number(m[1]) * factor) : NaN;
  if (!(mb >= 1 && mb <= MAX_MEMORY_MB))
    throw new ValidationError(
      key,
      `must be a memory size like 4g or 512m (a bare number is MiB), from 1m to 1t, got ${describeValue(value)}`,
    );
  return mb;
}

/**
 * spark.executor.memory: at least 450 MiB, as Spark's UnifiedMemoryManager demands (it reserves
 * 300 MiB and wants 1.5 times that: "Executor memory ... must be at least 471859200").
 */
export function parseExecutorMemoryMb(key: string, value: string | number | boolean): number {
  const mb = parseMemoryMb(key, value);
  if (mb < 450)
    throw new ValidationError(
      key,
      `must be at least 450m: Spark reserves 300 MB of an executor's memory and needs 1.5 times that, got ${describeValue(value)}`,
    );
  return mb;
}

/** A YARN queue name (letters, digits, '-', '_' and '.' for a queue path). */
export function parseQueue(key: string, value: string | number | boolean): string {
  const q = typeof value === 'string' ? value.trim() : '';
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/.test(q))
    throw new ValidationError(key, `must be a YARN queue name, e.g. default, got ${describeValue(value)}`);
  return q.startsWith('root.') ? q.slice(5) : q;
}

/**
 * spark.executor.memoryOverhead's default on YARN: 10% of the executor's memory, at least
 * 384 MiB (spark.executor.memoryOverheadFactor, MEMORY_OVERHEAD_MIN).
 */
export function defaultMemoryOverheadMb(executorMemoryMb: number): number {
  return Math.max(384, Math.floor(0.1 * executorMemoryMb));
}
