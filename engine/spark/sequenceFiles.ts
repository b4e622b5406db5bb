/**
 * Spark's SequenceFile and object file I/O: rdd.saveAsSequenceFile (SequenceFileRDDFunctions: a
 * pair RDD's keys and values as Writables, writables.ts), rdd.saveAsObjectFile (a SequenceFile of
 * NullWritable keys and BytesWritable values, each value a batch of 10 serialized elements,
 * objectSerializer.ts), and their readers sc.sequenceFile and sc.objectFile, which take paths as
 * textFile does and split files as SequenceFileInputFormat does (sequenceFileFormat.ts).
 */
import { fileInputCuts, sparkSplitSize } from '../exec/lineSplits';
import { ByteWriter } from './dataBytes';
import type { FileOutput } from './fileOutput';
import { NotSerializableError, deserializeValue, serializeValue } from './objectSerializer';
import { checkPartitionCount, Rdd } from './rdd';
import { asPair, atSite, callSite } from './rddArgs';
import {
  readSequenceFileHeader,
  readSplitRecords,
  SequenceFileIOError,
  syncMarker,
  writeSequenceFile,
  type SequenceFileHeader,
  type SequenceRecord,
} from './sequenceFileFormat';
import { qualified } from './sparkPaths';
import type { SparkRuntime } from './sparkRuntime';
import {
  BYTES,
  describeValueType,
  fitsClass,
  isWritableClass,
  NULL,
  readWritable,
  widerClass,
  writableClassOf,
  writeWritable,
  type WritableClass,
} from './writables';

/** Spark's saveAsObjectFile: elements per serialized batch (`iter.grouped(10)`). */
export const OBJECT_BATCH = 10;

/** Spark's SparkException (PythonHadoopUtil's converter throws it for a value with no Writable). */
class SparkException extends Error {
  override name = 'SparkException';
}

/** Spark's ClassCastException, when a SequenceFile's classes are not the ones a reader casts to. */
class ClassCastError extends Error {
  override name = 'ClassCastException';
}

function checkPath(where: string, path: unknown): string {
  if (typeof path !== 'string')
    throw new TypeError(`${where}(path): the path must be a string like '/out/counts', got ${typeof path}`);
  return path;
}

/** The key and value classes of a pair RDD's file: the first convertible key's and value's, numbers widened. */
function pairClasses(all: readonly unknown[][]): [WritableClass, WritableClass] {
  let key: WritableClass | null = null;
  let value: WritableClass | null = null;
  for (const rows of all)
    for (const row of rows) {
      if (!Array.isArray(row) || row.length !== 2) continue;
      const k = writableClassOf(row[0]);
      const v = writableClassOf(row[1]);
      if (k) key = key === null ? k : widerClass(key, k);
      if (v) value = value === null ? v : widerClass(value, v);
    }
  // An RDD without records has no class to give: its files are headers naming NullWritable.
  return [key ?? NULL, value ?? NULL];
}

/** A key's or value's Writable bytes as `cls`; SparkException or Hadoop's "wrong key class" otherwise. */
function writableBytes(x: unknown, cls: WritableClass, which: 'key' | 'value', site: Error): Uint8Array {
  const c = writableClassOf(x);
  if (c === null)
    throw atSite(
      new SparkException(
        `saveAsSequenceFile: Data of type ${describeValueType(x)} cannot be used as a ${which}: a SequenceFile holds Writables, made from strings (Text), numbers (IntWritable, LongWritable, DoubleWritable), booleans (BooleanWritable), Uint8Arrays (BytesWritable) and null (NullWritable). Turn it into one first, e.g. JSON.stringify(${which}), or save with saveAsObjectFile`,
      ),
      site,
    );
  if (!fitsClass(c, cls))
    throw atSite(
      new SequenceFileIOError(
        `wrong ${which} class: ${c} is not class ${cls} (saveAsSequenceFile: every ${which} of a SequenceFile has one class, here ${cls} from the RDD's ${which}s; make them all of one type)`,
      ),
      site,
    );
  const out = new ByteWriter();
  writeWritable(out, cls, x);
  return out.toBytes();
}

/** Spark: SequenceFileRDDFunctions.saveAsSequenceFile / PySpark: rdd.saveAsSequenceFile. */
export async function saveAsSequenceFile(rdd: Rdd, path: unknown): Promise<void> {
  const site = callSite();
  const output: FileOutput = {
    path: checkPath('saveAsSequenceFile', path),
    encoder(all) {
      const [keyClass, valueClass] = pairClasses(all);
      return (rows, file) => {
        const records = rows.map((row) => {
          const [k, v] = asPair(row, 'saveAsSequenceFile', site);
          return { key: writableBytes(k, keyClass, 'key', site), value: writableBytes(v, valueClass, 'value', site) };
        });
        return writeSequenceFile(keyClass, valueClass, records, syncMarker(file));
      };
    },
  };
  await rdd.rt.runJob(rdd, 'saveAsSequenceFile', () => 0, undefined, output);
}

/** Spark: RDD.saveAsObjectFile / PySpark: rdd.saveAsPickleFile (batches of 10). */
export async function saveAsObjectFile(rdd: Rdd, path: unknown): Promise<void> {
  const site = callSite();
  const output: FileOutput = {
    path: checkPath('saveAsObjectFile', path),
    encoder: () => (rows, file) => {
      const records: SequenceRecord[] = [];
      for (let i = 0; i < rows.length; i += OBJECT_BATCH) {
        const batch = rows.slice(i, i + OBJECT_BATCH);
        let bytes: Uint8Array;
        try {
          bytes = serializeValue(batch, 'a batch', (j) => `element ${i + j}`);
        } catch (error) {
          if (!(error instanceof NotSerializableError)) throw error;
          error.message = `saveAsObjectFile: in partition ${Number(file.slice(-5))}, ${error.message}`;
          throw atSite(error, site);
        }
        const value = new ByteWriter();
        writeWritable(value, BYTES, bytes);
        records.push({ key: new Uint8Array(0), value: value.toBytes() });
      }
      return writeSequenceFile(NULL, BYTES, records, syncMarker(file));
    },
  };
  await rdd.rt.runJob(rdd, 'saveAsObjectFile', () => 0, undefined, output);
}

function wholeNumber(n: unknown): unknown {
  return typeof n === 'number' && Number.isFinite(n) && n >= 1 ? Math.floor(n) : n;
}

/**
 * An RDD of a SequenceFile input's splits (Spark's HadoopRDD over SequenceFileInputFormat): its
 * files are split as textFile's are; `read` turns a split's records into the partition's rows.
 */
function sequenceInput(
  rt: SparkRuntime,
  where: string,
  args: unknown[],
  read: (records: SequenceRecord[], header: SequenceFileHeader, file: string) => unknown[],
): Rdd {
  const [path, minPartitions = 2] = args;
  if (typeof minPartitions === 'string' || args.length > 2)
    throw new TypeError(
      `sc.${where}(path, minPartitions) takes at most 2 arguments, got ${args.length}${typeof minPartitions === 'string' ? ` (${JSON.stringify(minPartitions)} as minPartitions)` : ''}: the key and value classes come from the files' headers, so PySpark's keyClass and valueClass arguments are not needed here`,
    );
  if (typeof path !== 'string')
    throw new TypeError(`${where}(path): the path must be a string like '/out/pairs', got ${describeValueType(path)}`);
  const files = rt.inputFiles(path, where);
  const min = checkPartitionCount(`${where}(${JSON.stringify(path)}, minPartitions)`, wholeNumber(minPartitions));
  if (files.length === 0) {
    // A directory with no visible file: no records (Spark's RDD has no partition; here one empty one).
    const none = new Rdd(rt, where, 1, [], () => []);
    none.userName = path;
    return none;
  }
  const total = files.reduce((s, f) => s + f.length, 0);
  const parts: { file: string; start: number; end: number }[] = [];
  for (const f of files) {
    const settings = {
      blockSize: sparkSplitSize(total, f.blockSize, min),
      minSize: 1,
      maxSize: Number.MAX_SAFE_INTEGER,
    };
    const cuts = f.length === 0 ? [{ start: 0, length: 0 }] : fileInputCuts(f.length, settings);
    for (const c of cuts) parts.push({ file: f.path, start: c.start, end: c.start + c.length });
  }
  checkPartitionCount(`${where}(${JSON.stringify(path)})`, parts.length);
  const headers = new Map<string, SequenceFileHeader>();
  const rdd: Rdd = new Rdd(rt, where, parts.length, [], (p) => {
    const part = parts[p]!;
    const bytes = rt.fileBytes(part.file);
    try {
      let header = headers.get(part.file);
      if (!header) headers.set(part.file, (header = readSequenceFileHeader(bytes, part.file)));
      return read(readSplitRecords(bytes, header, part.start, part.end, part.file), header, part.file);
    } catch (error) {
      throw error instanceof Error ? atSite(error, rdd.site) : error;
    }
  });
  // Spark's hadoopFile names its HadoopRDD after the path: `/out/x HadoopRDD[0] at sequenceFile at job.js:3`.
  rdd.sparkClass = 'HadoopRDD';
  rdd.userName = path;
  rdd.source = { path, ranges: parts.map((x) => [x.start, x.end]), files: parts.map((x) => x.file) };
  (rdd as Rdd & { files?: string[] }).files = [...new Set(files.map((f) => f.path))];
  return rdd;
}

function knownClass(cls: string, which: string, file: string): WritableClass {
  if (isWritableClass(cls)) return cls;
  throw new SequenceFileIOError(
    `${qualified(file)} holds ${which}s of class ${cls}, which the simulator cannot read (it reads Text, IntWritable, LongWritable, DoubleWritable, BooleanWritable, BytesWritable and NullWritable)`,
  );
}

/** Spark: SparkContext.sequenceFile / PySpark: sc.sequenceFile: [key, value] pairs, Writables turned into values. */
export function sequenceFile(rt: SparkRuntime, args: unknown[]): Rdd {
  return sequenceInput(rt, 'sequenceFile', args, (records, header, file) => {
    const kc = knownClass(header.keyClass, 'key', file);
    const vc = knownClass(header.valueClass, 'value', file);
    return records.map((r) => [readWritable(kc, r.key), readWritable(vc, r.value)]);
  });
}

/** Spark: SparkContext.objectFile / PySpark: sc.pickleFile: the elements saveAsObjectFile wrote, with their types. */
export function objectFile(rt: SparkRuntime, args: unknown[]): Rdd {
  const raw = sequenceInput(rt, 'objectFile', args, (records, header, file) => {
    if (header.keyClass !== NULL || header.valueClass !== BYTES)
      throw new ClassCastError(
        `${qualified(file)} holds ${header.keyClass} keys and ${header.valueClass} values, not the NullWritable keys and BytesWritable values saveAsObjectFile writes (class ${header.valueClass} cannot be cast to class ${BYTES}); read it with sc.sequenceFile`,
      );
    return records.map((r) => ({ value: readWritable(BYTES, r.value) as Uint8Array, file }));
  });
  return raw.narrow('objectFile', (rows, _p, site) => {
    const out: unknown[] = [];
    for (const row of rows) {
      const { value, file } = row as { value: Uint8Array; file: string };
      let batch: unknown;
      try {
        batch = deserializeValue(value, `objectFile: a value of ${qualified(file)}`);
      } catch (error) {
        throw error instanceof Error ? atSite(error, site) : error;
      }
      if (!Array.isArray(batch))
        throw atSite(new ClassCastError(`objectFile: a value of ${qualified(file)} is not a batch of elements`), site);
      for (const x of batch) out.push(x);
    }
    return out;
  });
}
