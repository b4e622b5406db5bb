/**
 * Parses `clusterlab run` arguments; every mistake is a UsageError naming the flag, the allowed
 * range and the value, raised before anything is built (a cluster, a file, a worker).
 */
import { UsageError } from './cliIo';
import { LIMITS, clipText, formatCount } from '../engine/core';
import { resolveSparkConf } from '../engine/spark';
import { HdfsError, normalizePath } from '../engine/hdfs';
import { MAX_SLOW_FACTOR } from '../engine/cluster';
import type { UiLocale } from '../labs/labLocale';
import { LANGUAGES, parseLang } from './langOption';

/** The wall-clock budget's range (seconds); also `check` and `stream` (setTimeout holds at most 2^31-1 ms). */
export const MAX_TIMEOUT_SECONDS = 3600;
/** --block-size: from 1 KB (Hadoop's dfs.namenode.fs-limits.min-block-size is 1 MB; the sample data is small) to 2 GB. */
export const MIN_BLOCK_SIZE = 1024;
export const MAX_BLOCK_SIZE = 2 * 1024 ** 3;
/** --put: the largest local file (read whole into memory, then into the simulated HDFS). */
export const MAX_PUT_BYTES = 256 * 1024 ** 2;
/** --workers: sandbox worker processes. */
export const MAX_WORKERS = 64;
/** --fail-node I@MS (and the other faults' MS): a simulated week, the longest a job may run. */
const MAX_FAIL_AT_MS = 7 * 24 * 3600_000;

export interface RunArgs {
  job: string;
  puts: { local: string; dfs: string }[];
  nodes: number | null;
  cluster: string | null;
  seed: number;
  blockSize: number | null;
  failNodes: { node: number; atMs: number }[];
  /** --slow-node: node I (1-based) runs `factor` times slower from `atMs` (1 restores it). */
  slowNodes: { node: number; atMs: number; factor: number }[];
  /** --partition-rack: rack R (1-based) cut off at `atMs`, for `durationMs` or to the end. */
  partitions: { rack: number; atMs: number; durationMs: number | null }[];
  timeoutSeconds: number;
  json: boolean;
  workers: number | null;
  speculation: boolean;
  /** --conf spark.key=value settings (validated: engine/spark/sparkConf.ts). */
  conf: Record<string, string>;
  /** --lang: the language of a failed job's error (labs/runErrorText.ts); the report stays English. */
  lang: UiLocale;
}

/**
 * 1000 → "1,000" without Intl: the usage text is built when the run command loads, and the
 * first toLocaleString of a process costs 20 ms of ICU set-up that a run never needs otherwise.
 */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

export const RUN_USAGE = `Usage: clusterlab run JOB [--put LOCAL_FILE:DFS_PATH]... [--nodes N] [--cluster PRESET|FILE]
                      [--seed S] [--block-size SIZE] [--fail-node I@MS] [--slow-node I@MS:F]
                      [--partition-rack R@MS[+DUR]] [--timeout SEC] [--json] [--conf spark.KEY=VALUE]...
                      [--lang ${LANGUAGES.join('|')}]

  JOB                 a MapReduce or Spark job file (.js or .ts), from any folder
  --put L:D           put local file L (a regular file of at most 256 MB) into HDFS at D before the job (repeatable)
  --nodes N           a cluster of N identical nodes, 1 to ${grouped(LIMITS.maxNodes)} (instead of --cluster)
  --cluster P|FILE    a preset (classroom, cookbook-9, two-racks) or a JSON cluster spec file (default classroom)
  --seed S            seed of the simulation, 0 to 4,294,967,295 (default 1)
  --block-size SIZE   HDFS block size: bytes, or with k/m/g, from 1k to 2g (default 128m)
  --fail-node I@MS    kill node I (1-based) at simulated millisecond MS (repeatable)
  --slow-node I@MS:F  from simulated millisecond MS node I runs F times slower, F from 1 (back to
                      normal) to ${MAX_SLOW_FACTOR} (repeatable)
  --partition-rack R@MS[+DUR]
                      cut rack R (1-based) off the network at simulated millisecond MS, for DUR ms
                      or to the end of the run (repeatable)
  --timeout SEC       wall-clock budget for the whole run: the learner's code and the simulation
                      (default 120, at most ${MAX_TIMEOUT_SECONDS})
  --json              print one JSON object {result, simulatedMs, metrics} (result null when a Spark
                      driver returns nothing); a failed job adds failure {message, task, attempts}
                      (a driver's own error, the --timeout or a simulation that never ends: task,
                      simulatedMs and metrics null)
  --speculation       enable speculative execution of stragglers (MapReduce; Spark: --conf spark.speculation=true)
  --conf K=V          a Spark setting, as spark-submit takes it (repeatable): spark.locality.wait (3s),
                      spark.locality.wait.process/.node/.rack, spark.stage.maxConsecutiveAttempts (4),
                      spark.shuffle.io.maxRetries (3), spark.shuffle.io.retryWait (5s), spark.speculation,
                      spark.yarn.executor.nodeLabelExpression, spark.default.parallelism,
                      spark.master (yarn, or spark://master:7077: the standalone Master),
                      spark.yarn.queue (default), spark.executor.instances/.cores/.memory/.memoryOverhead,
                      spark.cores.max (standalone); a job file's own
                      \`export const conf = { ... }\` overrides these, as SparkConf.set in a program does
  --lang LANG         a failed job's error in LANG (${LANGUAGES.join(', ')}; default en); the report stays
                      in English, as Hadoop and Spark print theirs

Missing inputs /data/sensors.csv, /data/corpus.txt, /data/pages.txt and /data/graph.txt are
generated (deterministic sample data) unless put.
`;

/** 1536 → "1.5 KB", as the range messages show sizes. */
function showBytes(n: number): string {
  for (const [unit, size] of [
    ['GB', 1024 ** 3],
    ['MB', 1024 ** 2],
    ['KB', 1024],
  ] as const)
    if (n >= size) return `${Math.round((n / size) * 100) / 100} ${unit}`;
  return `${n} B`;
}

export function parseSize(flag: string, text: string, min = MIN_BLOCK_SIZE, max = MAX_BLOCK_SIZE): number {
  const m = /^(\d+)([kmg]?)b?$/i.exec(text.trim());
  if (!m) throw new UsageError(`${flag}: expected bytes or a size like 64k, 4m, 1g, got '${text}'`);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  const n = Number(m[1]) * mult;
  if (!(n >= min && n <= max))
    throw new UsageError(
      `${flag}: must be between ${showBytes(min)} and ${showBytes(max)}, got '${text}'${Number.isFinite(n) ? ` (${showBytes(n)})` : ''}`,
    );
  return n;
}

/** A whole number from `min` to `max`, or a UsageError naming the flag, the range and the value. */
export function intInRange(flag: string, text: string | undefined, min: number, max: number): number {
  const n = Number(text);
  if (text === undefined || !/^[-+]?\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(
      `${flag}: must be a whole number from ${formatCount(min)} to ${formatCount(max)}, got ${text === undefined ? 'nothing' : `'${text}'`}`,
    );
  return n;
}

/** The largest --seed: seeds are unsigned 32-bit numbers, in every command. */
export const MAX_SEED = 0xffffffff;

/** --seed S of run, check, stream and pipeline: a whole number from 0 to MAX_SEED. */
export function parseSeed(text: string | undefined): number {
  return intInRange('--seed', text, 0, MAX_SEED);
}

/** --timeout SEC: seconds above 0 and at most MAX_TIMEOUT_SECONDS (decimals allowed). */
export function parseTimeoutSeconds(text: string | undefined): number {
  const n = Number(text);
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text) || !(n > 0) || n > MAX_TIMEOUT_SECONDS)
    throw new UsageError(
      `--timeout: must be a number of seconds above 0 and at most ${MAX_TIMEOUT_SECONDS}, got ${text === undefined ? 'nothing' : `'${text}'`}`,
    );
  return n;
}

/**
 * A fault flag's value: a 1-based node or rack (at most LIMITS.maxNodes), then @MS (at most a
 * simulated week), then the flag's own numbers (`pattern`'s further groups, undefined if absent).
 */
function faultAt(flag: string, v: string, shape: string, pattern: RegExp): [number, number, number?] {
  const m = pattern.exec(v);
  if (!m || Number(m[1]) < 1) throw new UsageError(`${flag}: expected ${shape}, got '${v}'`);
  const what = flag === '--partition-rack' ? 'rack' : 'node';
  if (Number(m[1]) > LIMITS.maxNodes || Number(m[2]) > MAX_FAIL_AT_MS)
    throw new UsageError(
      `${flag}: the ${what} must be from 1 to ${formatCount(LIMITS.maxNodes)} and MS at most ${formatCount(MAX_FAIL_AT_MS)} (a simulated week), got '${v}'`,
    );
  return [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
}

/** A --put's DFS path `raw` checked as HDFS checks it (`value`: the whole --put value, for the message), without a trailing slash. */
function putPath(raw: string, value: string): string {
  const given = clipText(value);
  let path: string;
  try {
    path = normalizePath(raw);
  } catch (error) {
    if (error instanceof HdfsError) throw new UsageError(`--put ${given}: ${error.problem}`);
    throw error;
  }
  if (path === '/')
    throw new UsageError(`--put ${given}: / is the root directory: put the file at a path under it, like /data/in.csv`);
  return path;
}

/** The options that take one value; --put, --conf and the fault options are repeatable. */
const SINGLE_VALUE = new Set(['--nodes', '--cluster', '--seed', '--block-size', '--timeout', '--workers', '--lang']);

export function parseRunArgs(argv: string[]): RunArgs | 'help' {
  const args: RunArgs = {
    job: '',
    puts: [],
    nodes: null,
    cluster: null,
    seed: 1,
    blockSize: null,
    failNodes: [],
    slowNodes: [],
    partitions: [],
    timeoutSeconds: 120,
    json: false,
    workers: null,
    speculation: false,
    conf: {},
    lang: 'en',
  };
  const rest = [...argv];
  // Each option that takes one value is given once: a second would silently win over the first.
  const given = new Map<string, string>();
  /** Notes that `flag` was given `v` (an option of SINGLE_VALUE only once). */
  const once = (flag: string, v: string): void => {
    if (!SINGLE_VALUE.has(flag)) return;
    const first = given.get(flag);
    if (first !== undefined)
      throw new UsageError(`${flag}: given 2 times (${flag} ${first}, then ${flag} ${v}), once is enough`);
    given.set(flag, v);
  };
  while (rest.length > 0) {
    const a = rest.shift()!;
    const value = () => {
      const v = rest.shift();
      if (v === undefined) throw new UsageError(`${a}: missing value`);
      once(a, v);
      return v;
    };
    switch (a) {
      case '-h':
      case '--help':
        return 'help';
      case '--json':
        args.json = true;
        break;
      case '--speculation':
        args.speculation = true;
        break;
      case '--conf': {
        const v = value();
        const i = v.indexOf('=');
        if (i <= 0) throw new UsageError(`--conf: expected KEY=VALUE (e.g. spark.locality.wait=1s), got '${v}'`);
        args.conf[v.slice(0, i).trim()] = v.slice(i + 1).trim();
        break;
      }
      case '--put': {
        const v = value();
        const i = v.lastIndexOf(':');
        if (i <= 0 || !v.slice(i + 1).startsWith('/'))
          throw new UsageError(`--put: expected LOCAL_FILE:/dfs/path, got '${v}'`);
        const local = v.slice(0, i);
        const dfs = putPath(v.slice(i + 1), v);
        const twice = args.puts.find((p) => p.dfs === dfs);
        if (twice)
          throw new UsageError(
            `--put: ${clipText(dfs)} is given twice (${clipText(twice.local)} and ${clipText(local)}): give each file its own HDFS path`,
          );
        args.puts.push({ local, dfs });
        break;
      }
      case '--nodes':
        args.nodes = intInRange(a, value(), 1, LIMITS.maxNodes);
        break;
      case '--cluster':
        args.cluster = value();
        break;
      case '--seed':
        args.seed = parseSeed(value());
        break;
      case '--block-size':
        args.blockSize = parseSize(a, value());
        break;
      case '--fail-node': {
        const [node, atMs] = faultAt(a, value(), 'I@MS (1-based node, simulated ms)', /^(\d+)@(\d+(?:\.\d+)?)$/);
        args.failNodes.push({ node, atMs });
        break;
      }
      case '--slow-node': {
        const v = value();
        const shape = 'I@MS:F (1-based node, simulated ms, times slower)';
        const [node, atMs, factor] = faultAt(a, v, shape, /^(\d+)@(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/);
        if (!(factor! >= 1 && factor! <= MAX_SLOW_FACTOR))
          throw new UsageError(`--slow-node: F must be from 1 to ${formatCount(MAX_SLOW_FACTOR)}, got '${v}'`);
        args.slowNodes.push({ node, atMs, factor: factor! });
        break;
      }
      case '--partition-rack': {
        const v = value();
        const shape = 'R@MS or R@MS+DUR (1-based rack, simulated ms, ms cut off)';
        const [rack, atMs, durationMs] = faultAt(a, v, shape, /^(\d+)@(\d+(?:\.\d+)?)(?:\+(\d+(?:\.\d+)?))?$/);
        if (durationMs !== undefined && !(durationMs > 0 && durationMs <= MAX_FAIL_AT_MS))
          throw new UsageError(
            `--partition-rack: DUR must be above 0 and at most ${formatCount(MAX_FAIL_AT_MS)} ms (a simulated week), got '${v}'`,
          );
        args.partitions.push({ rack, atMs, durationMs: durationMs ?? null });
        break;
      }
      case '--timeout':
        args.timeoutSeconds = parseTimeoutSeconds(value());
        break;
      case '--workers':
        args.workers = intInRange(a, value(), 1, MAX_WORKERS);
        break;
      case '--lang':
        args.lang = parseLang(rest[0]);
        value();
        break;
      default:
        if (a.startsWith('--lang=')) {
          args.lang = parseLang(a.slice('--lang='.length));
          once('--lang', args.lang);
          break;
        }
        if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'`);
        if (args.job) throw new UsageError(`only one job file, got '${args.job}' and '${a}'`);
        args.job = a;
    }
  }
  if (!args.job) throw new UsageError('missing the job file (clusterlab run JOB ...)');
  if (args.nodes !== null && args.cluster !== null) throw new UsageError('--nodes and --cluster: give one of them');
  // A bad setting is refused before anything is built (a ValidationError naming it: exit 2).
  resolveSparkConf(args.conf);
  return args;
}
