/**
 * The host never trusts what a sandbox worker sends back: in the browser the learner's code runs
 * in the worker's own realm, so a reply may be forged (a `sparkDone` for another task, a result
 * that is not data, a 10 MB error message, NaN progress). Every reply is checked here before the
 * pool uses it: its type, the shape of each field, finite non-negative numbers, string lengths
 * and array sizes, and, for the Spark log, that its ids and sizes agree. Whether the reply answers
 * a request of the right kind is the pool's check (sandboxPoolCore.ts). Never throws.
 */
import type { JobErrorData } from './contract/jobCodeError';
import { DATA_LIMITS, isFlatPlainList, toPlainData, type PlainDataLimits } from './contract/plainData';
import type { SandboxReply } from './sandboxMessages';
import { Invalid, REPLY_LIMITS, bool, count, counts, fail, int, ints, list, obj, str } from './contract/replyChecks';
import { checkKafkaStep } from '../streaming/kafkaCallCheck';
import { submitConfProblem } from './contract/submitConf';
import { CALL_LIMITS } from './moduleFunctions';
import { unpackMapReplies } from './packedMapOutputs';
import { LIMITS, formatCount } from '../core/limits';

export { REPLY_LIMITS } from './contract/replyChecks';

export type ReplyCheck = { ok: true; reply: SandboxReply } | { ok: false; why: string };

/** Anything but an array or an object of this realm's Object.prototype (or none): a Map, a Date... */
function notPlain(v: object): string | null {
  if (Array.isArray(v)) return null;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null ? null : 'an object that is not a plain object or array';
}

/** Plain data (numbers, strings, booleans, null, arrays, plain objects) within the data limits. */
function data(v: unknown, where: string, limits: PlainDataLimits = DATA_LIMITS): void {
  if (isFlatPlainList(v, limits)) return;
  const plain = toPlainData(v, where, limits, notPlain);
  if (!plain.ok) fail(plain.path, `is not plain data: ${plain.problem}`);
}

/**
 * A map task's keys or values for one reducer: bounded by what a run's map output may hold
 * (LIMITS.maxMapOutputBytes, which the pool then checks in the learner's terms), not by a driver
 * result's limits: a map writing a 3,000-character value for each of 33,000 lines is ordinary.
 */
const MAP_OUTPUT_LIMITS: PlainDataLimits = {
  maxDepth: DATA_LIMITS.maxDepth,
  maxValues: REPLY_LIMITS.records,
  maxChars: LIMITS.maxMapOutputBytes,
};

/** What a module's function returned: plain data within its own limits (moduleFunctions.ts). */
function callData(v: unknown, where: string): void {
  const plain = toPlainData(v, where, CALL_LIMITS, notPlain);
  if (!plain.ok) fail(plain.path, `is not plain data: ${plain.problem}`);
}

export function checkErrorData(v: unknown, where: string): JobErrorData {
  const e = obj(v, where);
  if (e.kind !== 'code' && e.kind !== 'loop' && e.kind !== 'timeout' && e.kind !== 'spec')
    fail(`${where}.kind`, 'is not code, loop, timeout or spec');
  str(e.fileName, `${where}.fileName`, REPLY_LIMITS.path);
  if (e.line !== null && (typeof e.line !== 'number' || !Number.isSafeInteger(e.line)))
    fail(`${where}.line`, 'is not an integer or null');
  str(e.errorName, `${where}.errorName`, REPLY_LIMITS.name);
  str(e.detail, `${where}.detail`, REPLY_LIMITS.errorText);
  count(e.seconds, `${where}.seconds`);
  if (e.elapsed !== undefined) count(e.elapsed, `${where}.elapsed`);
  return e as unknown as JobErrorData;
}

function checkShape(v: unknown, where: string): void {
  const shape = obj(v, where);
  if (shape.kind === 'spark') {
    const problem = shape.conf === undefined ? null : submitConfProblem(shape.conf);
    if (problem) fail(`${where}.${problem.where}`, problem.problem);
    return;
  }
  if (shape.kind === 'kafka' || shape.kind === 'module') {
    const fns = list(shape.functions, `${where}.functions`, 1_000);
    return fns.forEach((f, i) => str(f, `${where}.functions[${i}]`, REPLY_LIMITS.name));
  }
  if (shape.kind !== 'mapreduce') fail(`${where}.kind`, 'is not mapreduce, spark, kafka or module');
  const jobs = list(shape.jobs, `${where}.jobs`, 1_000);
  if (jobs.length === 0) fail(`${where}.jobs`, 'is empty');
  // Every index, holes too (forEach skips them).
  Array.from(jobs, (j, i) => {
    const at = `${where}.jobs[${i}]`;
    const job = obj(j, at);
    if (int(job.index, `${at}.index`) !== i) fail(`${at}.index`, `is not ${i}`);
    str(job.name, `${at}.name`, REPLY_LIMITS.name);
    // Its place in the default export: the job itself, or the i-th of a list.
    const field = str(job.field, `${at}.field`, REPLY_LIMITS.name);
    if (field !== `default[${i}]` && !(field === 'default' && jobs.length === 1))
      fail(`${at}.field`, `is not default[${i}]${jobs.length === 1 ? ' or default' : ''}`);
    const input = list(job.input, `${at}.input`, 10_000);
    if (input.length === 0) fail(`${at}.input`, 'is empty');
    Array.from(input, (p, k) => str(p, `${at}.input[${k}]`, REPLY_LIMITS.path));
    str(job.output, `${at}.output`, REPLY_LIMITS.path);
    int(job.numReduceTasks, `${at}.numReduceTasks`, 10_000);
    bool(job.hasCombine, `${at}.hasCombine`);
    bool(job.hasPartition, `${at}.hasPartition`);
    checkConf(job.conf, `${at}.conf`);
  });
}

/** A MapReduce job's settings (engine/mapreduce/mapReduceConf.ts checks them in the sandbox). */
function checkConf(v: unknown, where: string): void {
  const c = obj(v, where);
  if (c.recordDelimiter !== null) {
    if (str(c.recordDelimiter, `${where}.recordDelimiter`, 1_000).length === 0)
      fail(`${where}.recordDelimiter`, 'is empty');
  }
  for (const k of ['splitMinSize', 'splitMaxSize', 'sortMb', 'combineMinSpills'])
    if (int(c[k], `${where}.${k}`) < 1) fail(`${where}.${k}`, 'is below 1');
  const p = c.spillPercent;
  if (typeof p !== 'number' || !(p > 0 && p <= 1)) fail(`${where}.spillPercent`, 'is not in (0, 1]');
  if (c.replication !== null) {
    const r = int(c.replication, `${where}.replication`);
    if (r < 1 || r > 512) fail(`${where}.replication`, 'is not from 1 to 512');
  }
}

/** The learner's counters of a task: [group, name, value] triples. */
function checkUserCounters(v: unknown, where: string): void {
  list(v, where, 120).forEach((c, i) => {
    const t = list(c, `${where}[${i}]`, 3);
    if (t.length !== 3) fail(`${where}[${i}]`, 'is not [group, name, value]');
    str(t[0], `${where}[${i}][0]`, 128);
    str(t[1], `${where}[${i}][1]`, 64);
    if (!Number.isSafeInteger(t[2])) fail(`${where}[${i}][2]`, 'is not a whole number');
  });
}

/** Whether `v` is a list of at most REPLY_LIMITS.records finite non-negative numbers (of `length` items). */
function isCounts(v: unknown, length: number): v is number[] {
  if (!Array.isArray(v) || v.length !== length || length > REPLY_LIMITS.records) return false;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (!(typeof x === 'number' && Number.isFinite(x) && x >= 0)) return false;
  }
  return true;
}

/**
 * A map output's partition. `where` names it only when something is wrong: 33,000 small map
 * outputs would otherwise build a dozen field names each, for nothing.
 */
function checkPacked(v: unknown, index: number): void {
  const where = () => `mapDone.output.partitions[${index}]`;
  const g = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : obj(v, where());
  const keys =
    Array.isArray(g.keys) && g.keys.length <= REPLY_LIMITS.records
      ? g.keys
      : list(g.keys, `${where()}.keys`, REPLY_LIMITS.records);
  const groupSizes = isCounts(g.counts, keys.length) ? g.counts : counts(g.counts, `${where()}.counts`, keys.length);
  let records = 0;
  for (let i = 0; i < groupSizes.length; i++) records += groupSizes[i]!;
  if (!isFlatPlainList(keys, MAP_OUTPUT_LIMITS)) data(keys, `${where()}.keys`, MAP_OUTPUT_LIMITS);
  if (g.numbers !== null) {
    if (!(g.numbers instanceof Float64Array)) fail(`${where()}.numbers`, 'is not a Float64Array or null');
    if ((g.numbers as Float64Array).length !== records) fail(`${where()}.numbers`, `does not hold ${records} values`);
    if (g.values !== null) fail(`${where()}.values`, 'is set next to numbers');
  } else {
    const values =
      Array.isArray(g.values) && g.values.length <= REPLY_LIMITS.records
        ? g.values
        : list(g.values, `${where()}.values`, REPLY_LIMITS.records);
    if (values.length !== records) fail(`${where()}.values`, `does not hold ${records} values`);
    if (!isFlatPlainList(values, MAP_OUTPUT_LIMITS)) data(values, `${where()}.values`, MAP_OUTPUT_LIMITS);
  }
}

const MAP_COUNTERS = [
  'mapInputRecords',
  'mapOutputRecords',
  'mapOutputBytes',
  'combineInputRecords',
  'combineOutputRecords',
  'spills',
  'spilledRecords',
] as const;

/** A map task's output; its fields' names are constants, not built for each of 33,000 outputs. */
function checkMapOutput(v: unknown, numReduceTasks: number | null): void {
  const o = obj(v, 'mapDone.output');
  int(o.taskIndex, 'mapDone.output.taskIndex');
  const parts = list(o.partitions, 'mapDone.output.partitions', 10_000);
  if (numReduceTasks !== null && parts.length !== numReduceTasks)
    fail('mapDone.output.partitions', `has ${parts.length} partitions, not ${numReduceTasks}`);
  for (let i = 0; i < parts.length; i++) checkPacked(parts[i], i);
  const c = obj(o.counters, 'mapDone.output.counters');
  for (const k of MAP_COUNTERS) {
    const x = c[k];
    if (!(typeof x === 'number' && Number.isFinite(x) && x >= 0)) count(x, `mapDone.output.counters.${k}`);
  }
  counts(o.partitionBytes, 'mapDone.output.partitionBytes', parts.length);
  counts(o.partitionRecords, 'mapDone.output.partitionRecords', parts.length);
  if (o.text !== null && typeof o.text !== 'string') fail('mapDone.output.text', 'is not a string or null');
  if (typeof o.text === 'string' && parts.length > 0) fail('mapDone.output.text', 'is set next to partitions');
  checkUserCounters(o.userCounters, 'mapDone.output.userCounters');
}

function checkReduceOutput(v: unknown, where: string): void {
  const o = obj(v, where);
  int(o.taskIndex, `${where}.taskIndex`);
  if (typeof o.text !== 'string') fail(`${where}.text`, 'is not a string');
  for (const k of ['reduceInputGroups', 'reduceInputRecords', 'reduceOutputRecords']) count(o[k], `${where}.${k}`);
  checkUserCounters(o.userCounters, `${where}.userCounters`);
}

/** The Spark log: plain data whose ids, parents and sizes agree (engine/spark/jobRecord.ts). */
function checkSparkLog(v: unknown, where: string): void {
  const log = obj(v, where);
  const rdds = list(log.rdds, `${where}.rdds`);
  rdds.forEach((r, i) => {
    const at = `${where}.rdds[${i}]`;
    const rdd = obj(r, at);
    if (int(rdd.id, `${at}.id`) !== i) fail(`${at}.id`, `is not ${i}`);
    str(rdd.name, `${at}.name`, REPLY_LIMITS.name);
    const n = int(rdd.numPartitions, `${at}.numPartitions`, REPLY_LIMITS.list);
    list(rdd.deps, `${at}.deps`, 10_000).forEach((d, k) => {
      const dep = obj(d, `${at}.deps[${k}]`);
      if (dep.kind !== 'narrow' && dep.kind !== 'shuffle') fail(`${at}.deps[${k}].kind`, 'is not narrow or shuffle');
      if (int(dep.parent, `${at}.deps[${k}].parent`) >= i) fail(`${at}.deps[${k}].parent`, 'is not an earlier RDD');
      if (dep.parents !== null)
        list(dep.parents, `${at}.deps[${k}].parents`).forEach((p, m) => ints(p, `${at}.deps[${k}].parents[${m}]`));
      if (dep.shuffleId !== -1) int(dep.shuffleId, `${at}.deps[${k}].shuffleId`);
    });
    if (rdd.source !== null) {
      const s = obj(rdd.source, `${at}.source`);
      str(s.path, `${at}.source.path`, REPLY_LIMITS.path);
      list(s.ranges, `${at}.source.ranges`).forEach((range, k) => counts(range, `${at}.source.ranges[${k}]`, 2));
      list(s.files, `${at}.source.files`).forEach((f, k) => str(f, `${at}.source.files[${k}]`, REPLY_LIMITS.path));
    }
    counts(rdd.records, `${at}.records`, n, true);
    counts(rdd.bytes, `${at}.bytes`, n);
  });
  list(log.shuffles, `${where}.shuffles`).forEach((s, i) => {
    const at = `${where}.shuffles[${i}]`;
    const sh = obj(s, at);
    int(sh.id, `${at}.id`);
    if (int(sh.mapRdd, `${at}.mapRdd`) >= rdds.length) fail(`${at}.mapRdd`, 'is not an RDD of the log');
    const maps = int(sh.numMaps, `${at}.numMaps`, REPLY_LIMITS.list);
    const reduces = int(sh.numReduces, `${at}.numReduces`, REPLY_LIMITS.list);
    bool(sh.combined, `${at}.combined`);
    // The engine refuses a bigger shuffle before it runs (shuffleManager.ts), so a reply past the limit is forged.
    if (maps * reduces > LIMITS.maxShuffleBlocks)
      fail(
        at,
        `has more than ${formatCount(LIMITS.maxShuffleBlocks)} map-reduce pairs (${formatCount(maps * reduces)})`,
      );
    // Filled as map tasks run: empty (or partial) when the job failed before its shuffle.
    counts(sh.bytes, `${at}.bytes`, undefined, false, maps * reduces);
    counts(sh.records, `${at}.records`, undefined, false, maps * reduces);
  });
  list(log.jobs, `${where}.jobs`).forEach((j, i) => {
    const at = `${where}.jobs[${i}]`;
    const job = obj(j, at);
    int(job.id, `${at}.id`);
    str(job.action, `${at}.action`, REPLY_LIMITS.name);
    if (
      job.line !== undefined &&
      job.line !== null &&
      (typeof job.line !== 'number' || !Number.isSafeInteger(job.line))
    )
      fail(`${at}.line`, 'is not an integer or null');
    if (int(job.rdd, `${at}.rdd`) >= rdds.length) fail(`${at}.rdd`, 'is not an RDD of the log');
    ints(job.partitions, `${at}.partitions`);
    ints(job.persisted, `${at}.persisted`, Math.max(0, rdds.length - 1));
    counts(job.resultBytes, `${at}.resultBytes`);
    if (job.output !== null) str(job.output, `${at}.output`, REPLY_LIMITS.path);
    if (job.failed !== null) {
      const f = obj(job.failed, `${at}.failed`);
      if (f.shuffleId !== null) int(f.shuffleId, `${at}.failed.shuffleId`);
      int(f.partition, `${at}.failed.partition`);
      checkErrorData(f.error, `${at}.failed.error`);
    }
  });
  list(log.accumulators, `${where}.accumulators`).forEach((a, i) => {
    const acc = obj(a, `${where}.accumulators[${i}]`);
    int(acc.id, `${where}.accumulators[${i}].id`);
    str(acc.name, `${where}.accumulators[${i}].name`, REPLY_LIMITS.path);
    str(acc.value, `${where}.accumulators[${i}].value`, REPLY_LIMITS.path);
  });
  bool(log.aborted, `${where}.aborted`);
}

function checkSparkOutput(v: unknown, where: string): void {
  const o = obj(v, where);
  data(o.result, `${where}.result`);
  const jobs = list(o.jobs, `${where}.jobs`, 1);
  if (jobs.length !== 1) fail(`${where}.jobs`, 'does not hold one Spark log');
  checkSparkLog(jobs[0], `${where}.jobs[0]`);
  list(o.written, `${where}.written`).forEach((w, i) => {
    const file = obj(w, `${where}.written[${i}]`);
    str(file.path, `${where}.written[${i}].path`, REPLY_LIMITS.path);
    const keys = Object.keys(file).sort().join(',');
    if (keys === 'path,text') {
      if (typeof file.text !== 'string') fail(`${where}.written[${i}].text`, 'is not a string');
    } else if (keys === 'bytes,path') {
      // A plain Uint8Array of this realm (a clone made it so), not a Proxy or a look-alike.
      if (!(file.bytes instanceof Uint8Array) || Object.getPrototypeOf(file.bytes) !== Uint8Array.prototype)
        fail(`${where}.written[${i}].bytes`, 'is not a Uint8Array');
    } else fail(`${where}.written[${i}]`, `has the fields ${keys || 'none'}, not path with text or bytes`);
  });
  if (o.missingInput !== undefined) str(o.missingInput, `${where}.missingInput`, REPLY_LIMITS.path);
  if (o.missingInputCall !== undefined) str(o.missingInputCall, `${where}.missingInputCall`, REPLY_LIMITS.name);
  if (o.missingInputLine !== undefined && int(o.missingInputLine, `${where}.missingInputLine`) < 1)
    fail(`${where}.missingInputLine`, 'is below 1');
}

/**
 * The replies inside a worker's batch post, its packed map outputs rebuilt into their mapDone
 * replies (packedMapOutputs.ts), or null when `v` is not a batch (then it is one reply, for
 * checkReply). A batch that is not a plain list of at most REPLY_LIMITS.batch, or whose packed
 * outputs cannot be read, is `why`.
 */
export function batchOf(v: unknown): { replies: unknown[]; returned: number[] } | { why: string } | null {
  if (typeof v !== 'object' || v === null || (v as { type?: unknown }).type !== 'batch') return null;
  const { replies, returned, packed } = v as { replies?: unknown; returned?: unknown; packed?: unknown };
  if (!Array.isArray(replies)) return { why: 'batch.replies is not a list' };
  if (replies.length > REPLY_LIMITS.batch) return { why: `batch.replies holds more than ${REPLY_LIMITS.batch}` };
  if (!Array.isArray(returned) || returned.length > REPLY_LIMITS.batch)
    return { why: 'batch.returned is not a list of task ids' };
  if (!returned.every((id) => Number.isSafeInteger(id))) return { why: 'batch.returned holds a non-integer' };
  const unpacked = unpackMapReplies(replies, packed);
  if (typeof unpacked === 'string') return { why: unpacked };
  return { replies: unpacked, returned: returned as number[] };
}

/**
 * Checks a reply's shape. `numReduceTasks`: what a map task's output must have (the request's),
 * when the caller knows it. Never throws: any problem (even an unexpected one) is `why`.
 */
export function checkReply(v: unknown, numReduceTasks: number | null = null): ReplyCheck {
  try {
    const r = obj(v, 'the reply');
    const type = r.type;
    if (type === 'log') {
      str(r.text, 'log.text', REPLY_LIMITS.logText);
    } else if (type === 'loop') {
      if (int(r.line, 'loop.line') < 1) fail('loop.line', 'is 0');
    } else if (type === 'logDropped') {
      int(r.count, 'logDropped.count');
    } else if (type !== 'stray') {
      if (typeof type !== 'string') fail('the reply', 'has no type');
      int(r.id, `${String(type).slice(0, 40)}.id`);
      switch (type) {
        case 'loading':
          break;
        case 'loaded':
          checkShape(r.shape, 'loaded.shape');
          break;
        case 'mapDone':
          checkMapOutput(r.output, numReduceTasks);
          break;
        case 'reduceDone':
          checkReduceOutput(r.output, 'reduceDone.output');
          break;
        case 'sparkDone':
          checkSparkOutput(r.output, 'sparkDone.output');
          break;
        case 'called':
          callData(r.value, 'called.value');
          break;
        case 'failed':
          checkErrorData(r.error, 'failed.error');
          break;
        case 'kafkaStep':
          checkKafkaStep(r.opened, r.calls);
          break;
        case 'kafkaDone':
          break;
        case 'hostRequest':
          int(r.requestId, 'hostRequest.requestId');
          str(r.path, 'hostRequest.path', REPLY_LIMITS.path);
          break;
        case 'sparkProgress': {
          str(r.job, 'sparkProgress.job', REPLY_LIMITS.name);
          const done = int(r.done, 'sparkProgress.done');
          if (done > int(r.total, 'sparkProgress.total')) fail('sparkProgress.done', 'is more than its total');
          break;
        }
        default:
          fail(`the type ${JSON.stringify(String(type).slice(0, 40))}`, 'is not a reply type');
      }
    }
    return { ok: true, reply: v as SandboxReply };
  } catch (error) {
    return { ok: false, why: error instanceof Invalid ? error.why : 'it could not be read' };
  }
}
