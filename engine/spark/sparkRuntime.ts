/**
 * The driver side of the Spark runtime inside the sandbox: creates RDDs (textFile, parallelize),
 * materializes shuffles once (map-side combine when there is an aggregator), runs actions as
 * jobs and records everything the simulation needs (jobRecord.ts).
 */
import { AwaitedActions } from './awaitedActions';
import { forEachRecord } from '../exec/lineRecordReader';
import {
  fileInputCuts,
  recordRanges,
  sparkSplitSize,
  SPLIT_SLOP,
  type FileSplit,
  type SplitCut,
} from '../exec/lineSplits';
import type { JobErrorData } from '../sandbox/contract/jobCodeError';
import type { SandboxFile, WrittenFile } from '../sandbox/contract/taskRunner';
import type { FileOutput } from './fileOutput';
import type { SparkJobInfo, SparkLog } from './jobRecord';
import { LIMITS, formatCount } from '../core';
import { checkPartitionCount, Rdd, sizeOf } from './rdd';
import { ShuffleManager } from './shuffleManager';
import { atTask, SparkJobAbortedError } from './sparkTaskError';
import { runAsTask } from './taskContext';
import { encodeUtf8 } from '../core';
import { checkOutputPath, DfsListing, resolveInputFiles, type DfsEntry } from './sparkPaths';
import { wholeTextFiles } from './wholeTextFiles';

export { MissingInputError } from './sparkPaths';

export interface CatalogEntry {
  path: string;
  length: number;
  blockSize: number;
}

export class SparkRuntime {
  readonly rdds: Rdd[] = [];
  private readonly shuffleManager = new ShuffleManager(this);
  readonly jobs: SparkJobInfo[] = [];
  readonly written: WrittenFile[] = [];
  private files = new Map<string, Uint8Array>();
  private dfs: DfsListing | null = null;
  /** Told after each partition of a job's result stage is computed (its shuffles are computed on the way). */
  onPartition: ((job: string, done: number, total: number) => void) | null = null;

  constructor(
    private readonly catalog: CatalogEntry[],
    private readonly readFiles: (path: string) => Promise<SandboxFile[]>,
    /** Text as the job reads it (UTF-8). */
    readonly decode: (b: Uint8Array) => string,
    /** Turns a learner's error into data naming their file and line. */
    private readonly describeError: (error: unknown) => JobErrorData,
  ) {}

  /**
   * spark.default.parallelism when the application sets it (SparkContext's setting), else null:
   * shuffles without a partition count then take the largest parent's (Partitioner.defaultPartitioner).
   */
  configuredDefaultParallelism: number | null = null;
  /** Named accumulators, read when the log is made (sc registers them). */
  readonly namedAccumulators: { id: number; name: string; read: () => string }[] = [];
  /** Makes an action's result a value of the job's realm (DriverHost.adopt; identity in one realm). */
  adopt: (value: unknown) => unknown = (value) => value;
  /** sc.stop() was called: no more jobs (Spark: "Cannot call methods on a stopped SparkContext"). */
  stopped = false;
  /** The actions the learner called, until their code takes each result (awaitedActions.ts). */
  readonly actions = new AwaitedActions();

  register(rdd: Rdd): number {
    this.rdds.push(rdd);
    return this.rdds.length - 1;
  }

  /** The learner's line in an Error's stack, or null when not in their code. */
  lineOf(site: Error): number | null {
    return this.describeError(site).line;
  }

  /** The learner's file:line in an Error's stack (Spark's call site), or null when not in their code. */
  describeSite(site: Error): string | null {
    const d = this.describeError(site);
    return d.line === null ? null : `${d.fileName}:${d.line}`;
  }

  /**
   * sc.textFile; `call`: the learner's call that reads the lines (spark.read.csv), which its errors
   * name. A string is split at its commas (Hadoop's FileInputFormat); a DataFrameReader gives its
   * paths as a list, each taken whole (readerPaths).
   */
  textFile(spec: string | readonly string[], minPartitions = 2, call = 'textFile'): Rdd {
    if (typeof spec !== 'string' && !Array.isArray(spec))
      throw new TypeError(
        `${call}(path): the path must be a string like '/data/sensors.csv', got ${describeArg(spec)}`,
      );
    const path = typeof spec === 'string' ? spec : spec.join(',');
    const found = resolveInputFiles(spec, this.listing(), call);
    // A reader's files are its index's leaf files, each once (Spark's InMemoryFileIndex keys them by
    // path); sc.textFile reads a file named twice twice, as Hadoop's FileInputFormat lists it.
    const files = typeof spec === 'string' ? found : [...new Map(found.map((f) => [f.path, f])).values()];
    checkPartitionCount(`textFile(${JSON.stringify(path)}, minPartitions)`, wholeNumber(minPartitions));
    const total = files.reduce((s, f) => s + f.length, 0);
    // The partitions are counted before they are built: a tiny split size must not allocate first.
    // mapred FileInputFormat.getSplits (Spark's HadoopRDD): splits of the split size while more than
    // SPLIT_SLOP (1.1) × it remain, so the last split may be up to 10% bigger.
    const settings = (f: { blockSize: number }) => ({
      blockSize: sparkSplitSize(total, f.blockSize, minPartitions),
      minSize: 1,
      maxSize: Number.MAX_SAFE_INTEGER,
    });
    let count = 0;
    for (const f of files) count += Math.max(1, splitCount(f.length, settings(f).blockSize));
    // Directories holding no visible file: Spark's RDD has no partition; here one empty one (an RDD has at least one).
    if (files.length === 0) return new Rdd(this, `textFile ${path}`, 1, [], () => []);
    checkPartitionCount(`textFile(${JSON.stringify(path)})`, count);
    const parts: { file: string; split: number }[] = [];
    const ranges: [number, number][] = [];
    const cutsOf = new Map<string, SplitCut[]>();
    for (const f of files) {
      const cuts = f.length === 0 ? [{ start: 0, length: 0 }] : fileInputCuts(f.length, settings(f));
      cutsOf.set(f.path, cuts);
      cuts.forEach((c, i) => {
        parts.push({ file: f.path, split: i });
        ranges.push([c.start, c.start + c.length]);
      });
    }
    const splitCache = new Map<string, FileSplit[]>();
    const eachLine = (p: number, each: (offset: number, line: string) => void): void => {
      const part = parts[p]!;
      const bytes = this.files.get(part.file)!;
      let splits = splitCache.get(part.file);
      if (!splits) splitCache.set(part.file, (splits = recordRanges(bytes, cutsOf.get(part.file)!, null)));
      const sp = splits[part.split]!;
      if (sp.recordEnd <= sp.recordStart) return;
      const text = this.decode(bytes.subarray(sp.recordStart, sp.recordEnd));
      // Hadoop's LineRecordReader, as MapReduce reads: \n, \r and \r\n end a line.
      forEachRecord(text, sp.recordStart, sp.recordEnd - sp.recordStart, null, each);
    };
    const rdd = new Rdd(this, `textFile ${path}`, parts.length, [], (p) => {
      const lines: string[] = [];
      eachLine(p, (_offset, line) => lines.push(line));
      return lines;
    });
    // A pipelined map task reads the lines as they come (fusedMapSide.ts).
    rdd.eachRow = eachLine;
    rdd.source = { path, ranges, files: parts.map((x) => x.file) };
    (rdd as Rdd & { files?: string[] }).files = [...new Set(files.map((f) => f.path))];
    return rdd;
  }

  /** sc.wholeTextFiles (wholeTextFiles.ts). */
  wholeTextFiles(path: string, minPartitions = 2): Rdd {
    return wholeTextFiles(this, path, minPartitions);
  }

  /** The input files of a path as textFile takes it, for the readers of other formats (sequenceFiles.ts). */
  inputFiles(path: string, where: string): DfsEntry[] {
    return resolveInputFiles(path, this.listing(), where);
  }

  /** An input file's bytes, loaded before the job that reads it runs (an RDD's `files`). */
  fileBytes(path: string): Uint8Array {
    const bytes = this.files.get(path);
    if (!bytes) throw new Error(`${path} was not loaded before its job ran`);
    return bytes;
  }

  /** What the driver can read: HDFS's files when it started, and what it wrote since (made once). */
  private listing(): DfsListing {
    if (!this.dfs) this.dfs = new DfsListing(this.catalog);
    return this.dfs;
  }

  parallelize(data: unknown[], numSlices = 2): Rdd {
    if (!Array.isArray(data)) throw new TypeError(`parallelize(data): data must be an array, got ${describeArg(data)}`);
    if (data.length > LIMITS.maxParallelizeElements)
      throw new RangeError(
        `parallelize(data): ${formatCount(data.length)} elements is more than the simulator's limit of ${formatCount(LIMITS.maxParallelizeElements)}; put bigger data in HDFS and read it with sc.textFile`,
      );
    const n = checkPartitionCount('parallelize(data, numSlices)', wholeNumber(numSlices));
    return new Rdd(this, 'parallelize', n, [], (p) =>
      data.slice(Math.floor((p * data.length) / n), Math.floor(((p + 1) * data.length) / n)),
    );
  }

  /** Spark's ShuffledRDD by a partitioner (shuffleManager.ts). */
  shuffle(...args: Parameters<ShuffleManager['shuffle']>): Rdd {
    return this.shuffleManager.shuffle(...args);
  }
  /** Spark's CoGroupedRDD (shuffleManager.ts). */
  cogroup(...args: Parameters<ShuffleManager['cogroup']>): Rdd {
    return this.shuffleManager.cogroup(...args);
  }
  /** sortByKey's range-partitioned shuffle (shuffleManager.ts). */
  sortShuffle(...args: Parameters<ShuffleManager['sortShuffle']>): Rdd {
    return this.shuffleManager.sortShuffle(...args);
  }
  /** repartition's round-robin shuffle (shuffleManager.ts). */
  roundRobin(...args: Parameters<ShuffleManager['roundRobin']>): Rdd {
    return this.shuffleManager.roundRobin(...args);
  }

  private async load(rdd: Rdd, seen = new Set<number>()): Promise<void> {
    if (seen.has(rdd.id)) return;
    seen.add(rdd.id);
    for (const f of (rdd as Rdd & { files?: string[] }).files ?? []) {
      if (this.files.has(f)) continue;
      for (const file of await this.readFiles(f)) this.files.set(file.path, file.bytes);
    }
    for (const d of rdd.deps) await this.load(this.rdds[d.parent]!, seen);
  }

  async runJob<T>(
    rdd: Rdd,
    action: string,
    fn: (rows: unknown[]) => T,
    partitions?: number[],
    output: FileOutput | null = null,
  ): Promise<T[]> {
    // Spark's call site: the learner's line that called the action (taken before the first await).
    const line = this.describeError(new Error('call site')).line;
    if (this.stopped)
      throw new Error(
        `Cannot call methods on a stopped SparkContext: ${action} needs a job, and sc.stop() ended the application`,
      );
    // FileOutputFormat.checkOutputSpecs: the output directory is checked before the job runs.
    const outDir = output === null ? null : checkOutputPath(output.path, this.listing(), action);
    await this.load(rdd);
    const parts = partitions ?? Array.from({ length: rdd.numPartitions }, (_, i) => i);
    const job: SparkJobInfo = {
      id: this.jobs.length,
      action,
      line,
      rdd: rdd.id,
      partitions: parts,
      persisted: this.rdds.filter((r) => r.persisted).map((r) => r.id),
      resultBytes: parts.map(() => 0),
      output: outDir,
      failed: null,
    };
    const rows: unknown[][] = [];
    const results: T[] = [];
    const label = `job ${job.id} (${action}${line === null ? '' : ` at line ${line}`})`;
    this.onPartition?.(label, 0, parts.length);
    /** A task of partition `p` failed: the job is aborted, named with the learner's line when the error has it. */
    const abort = (error: unknown, p: number): SparkJobAbortedError => {
      const at = atTask(error, null, p);
      const data = this.describeError(at.cause);
      job.failed = { shuffleId: at.shuffleId, partition: at.partition, error: data };
      this.jobs.push(job);
      const where = at.shuffleId === null ? 'result stage' : `map stage of shuffle ${at.shuffleId}`;
      const line = data.line === null ? '' : `:${data.line}`;
      return new SparkJobAbortedError(
        job.id,
        `Job ${job.id} (${action}) aborted: task ${at.partition} of the ${where} failed: ${data.fileName}${line}: ${data.errorName}: ${data.detail}`,
      );
    };
    for (const p of parts) {
      try {
        runAsTask(() => {
          const r = rdd.iterator(p);
          rows.push(r);
          results.push(fn(r));
        });
        this.onPartition?.(label, results.length, parts.length);
      } catch (error) {
        throw abort(error, p);
      }
    }
    // The part files (FileOutputFormat's part-NNNNN), each made by its partition's task.
    const contents: { path: string; data: string | Uint8Array }[] = [];
    if (output !== null && outDir !== null) {
      let encode: ReturnType<FileOutput['encoder']>;
      try {
        encode = output.encoder(rows);
      } catch (error) {
        throw abort(error, parts[0] ?? 0);
      }
      parts.forEach((p, i) => {
        const path = `${outDir}/part-${String(p).padStart(5, '0')}`;
        try {
          runAsTask(() => contents.push({ path, data: encode(rows[i]!, path) }));
        } catch (error) {
          throw abort(error, p);
        }
      });
    }
    job.resultBytes = results.map((r) => (Array.isArray(r) ? sizeOf(r) : 8));
    this.jobs.push(job);
    if (outDir !== null) {
      // The part files, then Spark's _SUCCESS marker (FileOutputCommitter); a later read finds them.
      const write = (path: string, data: string | Uint8Array) => {
        const bytes = typeof data === 'string' ? encodeUtf8(data) : data;
        this.written.push(typeof data === 'string' ? { path, text: data } : { path, bytes: data });
        this.files.set(path, bytes);
        this.listing().add({ path, length: bytes.length, blockSize: this.listing().blockSize() });
      };
      for (const c of contents) write(c.path, c.data);
      write(`${outDir}/_SUCCESS`, '');
    }
    return results;
  }

  toLog(): SparkLog {
    return {
      rdds: this.rdds.map((r) => ({
        id: r.id,
        name: r.name,
        numPartitions: r.numPartitions,
        deps: r.deps,
        source: r.source,
        records: r.records.map((x) => Math.max(0, x)),
        bytes: r.bytes,
      })),
      shuffles: this.shuffleManager.infos(),
      jobs: this.jobs,
      accumulators: this.namedAccumulators.map((a) => ({ id: a.id, name: clip(a.name), value: clip(a.read()) })),
      aborted: false,
    };
  }
}

/** 2.7 → 2 (Spark's partition counts are Ints); anything else is left for checkPartitionCount to name. */
/** A learner's argument named in a message, without calling anything of it (it may be a Proxy). */
function describeArg(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'undefined') return String(value);
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  return `a ${typeof value}`; // a function, a symbol, a bigint
}

function wholeNumber(n: unknown): unknown {
  return typeof n === 'number' && Number.isFinite(n) && n >= 1 ? Math.floor(n) : n;
}

/** A learner's text shown in the run's figures (an accumulator's name or value), at most 200 characters. */
function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** How many splits FileInputFormat.getSplits makes of `length` bytes at `splitSize`, counted without making them. */
function splitCount(length: number, splitSize: number): number {
  if (length === 0) return 1;
  const full = Math.max(0, Math.ceil(length / splitSize - SPLIT_SLOP));
  return full + (length - full * splitSize > 0 ? 1 : 0);
}
