/**
 * What an RDD tells about itself, and its persistence: cache / persist(level) / unpersist,
 * getStorageLevel, isCached, id, name / setName, getNumPartitions, toString and toDebugString
 * (the lineage printed as Spark prints it: `(2) ShuffledRDD[2] at reduceByKey at job.js:4 []`,
 * ` +-(2)` where a shuffle begins a new stage).
 */
import { STORAGE_LEVELS, type Rdd, type StorageLevelName } from './rdd';
import { describeArg } from './rddArgs';

/** Spark's StorageLevel.description of each level. */
function levelDescription(level: StorageLevelName): string {
  const disk = level.startsWith('DISK') || level.includes('AND_DISK') || level === 'OFF_HEAP';
  const memory = level.startsWith('MEMORY') || level === 'OFF_HEAP';
  const deserialized = level.startsWith('MEMORY') && !level.includes('SER');
  const replication = level.endsWith('_2') ? 2 : level.endsWith('_3') ? 3 : 1;
  return `${disk ? 'Disk ' : ''}${memory ? (level === 'OFF_HEAP' ? 'Memory (off heap) ' : 'Memory ') : ''}${deserialized ? 'Deserialized ' : 'Serialized '}${replication}x Replicated`;
}

export function persist(rdd: Rdd, level?: unknown): Rdd {
  const name = level === undefined ? 'MEMORY_ONLY' : level;
  if (typeof name !== 'string' || !(STORAGE_LEVELS as readonly string[]).includes(name))
    throw new TypeError(
      `persist(level): the storage level must be one of Spark's StorageLevel names (${STORAGE_LEVELS.join(', ')}), got ${describeArg(level)}`,
    );
  if (rdd.storageLevel !== 'NONE' && rdd.storageLevel !== name)
    throw new Error(
      `persist(${name}): Cannot change storage level of an RDD after it was already assigned a level (it is ${rdd.storageLevel}; unpersist() it first)`,
    );
  if (name === 'NONE') return rdd;
  rdd.storageLevel = name as StorageLevelName;
  rdd.persisted = true;
  return rdd;
}

export const cache = (rdd: Rdd): Rdd => persist(rdd, 'MEMORY_ONLY');

export function unpersist(rdd: Rdd, blocking?: unknown): Rdd {
  if (blocking !== undefined && typeof blocking !== 'boolean')
    throw new TypeError(`unpersist(blocking): blocking must be true or false, got ${describeArg(blocking)}`);
  rdd.persisted = false;
  rdd.storageLevel = 'NONE';
  rdd.cached.clear();
  return rdd;
}

/** The storage level's name ('NONE' until persisted), as Spark's StorageLevel constants are named. */
export const getStorageLevel = (rdd: Rdd): string => rdd.storageLevel;
/** PySpark's rdd.is_cached: true after cache() or persist(), until unpersist(). */
export const isCached = (rdd: Rdd): boolean => rdd.persisted;
export const id = (rdd: Rdd): number => rdd.id;
export const getNumPartitions = (rdd: Rdd): number => rdd.numPartitions;
/** The name given with setName, else null (Spark's name is null until set). */
export const name = (rdd: Rdd): string | null => rdd.userName;

export function setName(rdd: Rdd, value: unknown): Rdd {
  if (typeof value !== 'string')
    throw new TypeError(`setName(name): the name must be a string, got ${describeArg(value)}`);
  rdd.userName = value;
  return rdd;
}

/** Spark's RDD.toString: `name ClassName[id] at operation at file:line`. */
export function toString(rdd: Rdd): string {
  const name = rdd.userName ?? (rdd.name.startsWith('textFile ') ? rdd.name.slice(9) : null);
  const op = rdd.name.startsWith('textFile ') ? 'textFile' : rdd.name;
  return `${name === null ? '' : `${name} `}${rdd.sparkClass}[${rdd.id}] at ${op}${rdd.callSite ? ` at ${rdd.callSite}` : ''}`;
}

/** Spark's RDD.toDebugString, line for line (RDD.scala's debugString). */
export function toDebugString(rdd: Rdd): string {
  const all = rdd.rt.rdds;
  const self = (r: Rdd): string[] => [
    `${toString(r)} [${r.storageLevel === 'NONE' ? '' : levelDescription(r.storageLevel)}]`,
  ];
  // A lineage that reuses RDDs prints them once per use, as Spark does; the text is capped.
  let budget = 5000;
  const children = (r: Rdd, prefix: string, depth: number): string[] => {
    if (--budget < 0) return budget === -1 ? [`${prefix}... (the lineage goes on; cut at 5,000 lines)`] : [];
    const deps = r.deps;
    return deps.flatMap((d, i) =>
      debugString(all[d.parent]!, prefix, d.kind === 'shuffle', i === deps.length - 1, depth + 1),
    );
  };
  const debugString = (r: Rdd, prefix: string, isShuffle: boolean, isLast: boolean, depth: number): string[] => {
    if (!isShuffle) return [...self(r).map((s) => prefix + s), ...children(r, prefix, depth)];
    const partitionStr = `(${r.numPartitions})`;
    const leftOffset = (partitionStr.length - 1) >> 1;
    const thisPrefix = prefix.replace(/\|\s+$/, '');
    const nextPrefix = `${thisPrefix}${isLast ? '  ' : '| '}${' '.repeat(leftOffset)}|${' '.repeat(partitionStr.length - leftOffset)}`;
    return [
      ...self(r).map((s, i) => (i === 0 ? `${thisPrefix}+-${partitionStr} ${s}` : `${nextPrefix}${s}`)),
      ...children(r, nextPrefix, depth),
    ];
  };
  const partitionStr = `(${rdd.numPartitions})`;
  const leftOffset = (partitionStr.length - 1) >> 1;
  const nextPrefix = `${' '.repeat(leftOffset)}|${' '.repeat(partitionStr.length - leftOffset)}`;
  return [
    ...self(rdd).map((s, i) => (i === 0 ? `${partitionStr} ${s}` : `${nextPrefix} ${s}`)),
    ...children(rdd, nextPrefix, 0),
  ].join('\n');
}
