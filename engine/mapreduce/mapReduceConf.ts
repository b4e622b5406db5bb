/**
 * A MapReduce job's `conf`: Hadoop's Configuration keys, as `job.getConfiguration().set(...)`
 * would set them, with Hadoop's defaults and Hadoop's checks. A key ClusterLab does not know is
 * an error naming the ones it does (a misspelt setting would otherwise be silently ignored).
 */
import { clipText, describeValue } from '../core';
import { JobSpecError } from '../sandbox/contract/jobCodeError';
import type { MapReduceConf } from '../sandbox/contract/taskRunner';

/** Long.MAX_VALUE as far as a JavaScript number is exact: FileInputFormat's default maximum split size. */
const MAX_SPLIT = Number.MAX_SAFE_INTEGER;

export const DEFAULT_MAPREDUCE_CONF: Readonly<MapReduceConf> = {
  recordDelimiter: null,
  splitMinSize: 1,
  splitMaxSize: MAX_SPLIT,
  sortMb: 100,
  spillPercent: 0.8,
  combineMinSpills: 3,
  replication: null,
};

/** Hadoop's key → the field it sets. */
export const CONF_KEYS = {
  'textinputformat.record.delimiter': 'recordDelimiter',
  'mapreduce.input.fileinputformat.split.minsize': 'splitMinSize',
  'mapreduce.input.fileinputformat.split.maxsize': 'splitMaxSize',
  'mapreduce.task.io.sort.mb': 'sortMb',
  'mapreduce.map.sort.spill.percent': 'spillPercent',
  'mapreduce.map.combine.minspills': 'combineMinSpills',
  'dfs.replication': 'replication',
} as const satisfies Record<string, keyof MapReduceConf>;

/** Hadoop 1's names, which Hadoop still reads (Configuration's deprecated keys). */
export const DEPRECATED_CONF_KEYS: Readonly<Record<string, ConfKey>> = {
  'mapred.min.split.size': 'mapreduce.input.fileinputformat.split.minsize',
  'mapred.max.split.size': 'mapreduce.input.fileinputformat.split.maxsize',
  'io.sort.mb': 'mapreduce.task.io.sort.mb',
  'io.sort.spill.percent': 'mapreduce.map.sort.spill.percent',
  'min.num.spills.for.combine': 'mapreduce.map.combine.minspills',
};

type ConfKey = keyof typeof CONF_KEYS;
const isConfKey = (k: string): k is ConfKey => Object.prototype.hasOwnProperty.call(CONF_KEYS, k);

/** The largest whole number of bytes a split setting may hold: 2^53 - 1, what a number counts exactly. */
const MAX_BYTES = Number.MAX_SAFE_INTEGER.toLocaleString('en-US');

/** A setting's value as a message shows it: a long text cut, so that a mistake does not fill the screen. */
function shownSetting(raw: unknown): string {
  return typeof raw === 'string' ? clipText(JSON.stringify(raw), 60) : describeValue(raw);
}

/** A number as Configuration.getInt/getLong/getFloat reads it: a number, or its text. */
function numberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value.trim());
  return NaN;
}

export function readMapReduceConf(value: unknown, where: string, fileName: string): MapReduceConf {
  const conf: MapReduceConf = { ...DEFAULT_MAPREDUCE_CONF };
  if (value === undefined || value === null) return conf;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new JobSpecError(
      fileName,
      `${where}: must be an object of Hadoop settings, like { 'textinputformat.record.delimiter': '\\n\\n' }`,
    );
  // A Map, a Set or a Date has no settings of its own to read: they would all be ignored.
  const kind = Object.prototype.toString.call(value).slice(8, -1);
  if (kind !== 'Object')
    throw new JobSpecError(
      fileName,
      `${where}: must be a plain object of Hadoop settings, like { 'dfs.replication': 2 }, not a ${kind} (its entries are not read as settings)`,
    );
  for (const [given, raw] of Object.entries(value as Record<string, unknown>)) {
    const at = `${where}[${JSON.stringify(given)}]`;
    const key = Object.prototype.hasOwnProperty.call(DEPRECATED_CONF_KEYS, given)
      ? DEPRECATED_CONF_KEYS[given]!
      : given;
    if (!isConfKey(key))
      throw new JobSpecError(
        fileName,
        `${at}: not a setting ClusterLab knows; it knows ${Object.keys(CONF_KEYS).join(', ')}`,
      );
    const bad = (rule: string) => new JobSpecError(fileName, `${at}: ${rule}, got ${shownSetting(raw)}`);
    const n = numberOf(raw);
    switch (CONF_KEYS[key]) {
      case 'recordDelimiter':
        if (typeof raw !== 'string' || raw.length === 0 || raw.length > 1000)
          throw bad('must be a string of 1 to 1,000 characters (the bytes that end a record)');
        conf.recordDelimiter = raw;
        break;
      case 'splitMinSize':
        if (!Number.isSafeInteger(n) || n < 1) throw bad(`must be a whole number of bytes from 1 to ${MAX_BYTES}`);
        conf.splitMinSize = n;
        break;
      case 'splitMaxSize':
        if (!Number.isSafeInteger(n) || n < 1) throw bad(`must be a whole number of bytes from 1 to ${MAX_BYTES}`);
        conf.splitMaxSize = n;
        break;
      case 'sortMb':
        // MapTask.MapOutputBuffer: (sortmb & 0x7FF) != sortmb is "Invalid mapreduce.task.io.sort.mb".
        if (!Number.isInteger(n) || n < 1 || n > 2047) throw bad('must be a whole number of MB from 1 to 2047');
        conf.sortMb = n;
        break;
      case 'spillPercent':
        // MapTask.MapOutputBuffer: spillper > 1.0f || spillper <= 0.0f is "Invalid mapreduce.map.sort.spill.percent".
        if (!(n > 0 && n <= 1)) throw bad('must be a fraction above 0 and at most 1 (0.8 by default)');
        conf.spillPercent = n;
        break;
      case 'combineMinSpills':
        if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw bad('must be a whole number from 1 to 1,000,000');
        conf.combineMinSpills = n;
        break;
      case 'replication':
        // DFSClient: a replication outside [dfs.namenode.replication.min, dfs.replication.max] (1 to 512) is refused.
        if (!Number.isInteger(n) || n < 1 || n > 512) throw bad('must be a whole number of replicas from 1 to 512');
        conf.replication = n;
        break;
    }
  }
  return conf;
}
