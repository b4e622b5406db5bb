/**
 * The JSON settings an hdfs step's learner edits: what file to store, with which block size and
 * replication, what to append, which faults to inject and how long to watch. Parsed with
 * JSON.parse (never eval); every error names the line, the column and the field at fault.
 */
import { type FaultSpec, FAULT_KINDS, MAX_SLOW_FACTOR } from '../engine/cluster';
import { HdfsError, normalizePath } from '../engine/hdfs';
import { readJsonSettings, SettingsError, show } from './jsonSettings';

export interface HdfsSettings {
  file: { path: string; size: number };
  /** dfs.blocksize, bytes. */
  blockSize: number;
  replication: number;
  /** Bytes appended to the file right after it is written. */
  append: { size: number } | null;
  faults: FaultSpec[];
  /** Simulated ms to run; null: until re-replication has settled. */
  runForMs: number | null;
}

export class HdfsSettingsError extends SettingsError {
  override name = 'HdfsSettingsError';
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1024 ** 4,
};
const KNOWN = ['file', 'blockSize', 'replication', 'append', 'faults', 'runForMs'];
const MAX_BYTES = 4 * 1024 ** 4;
/** More blocks than this would only slow the run and clutter the cluster map. */
const MAX_BLOCKS = 10_000;
/** Simulated time a run may watch, and the latest a fault may strike: one day. */
const MAX_SIM_MS = 24 * 3600_000;
/** Faults in one settings file. */
const MAX_FAULTS = 100;

/** "512m" -> 536870912; a number is taken as bytes. Returns null when `value` is not a size. */
export function parseSize(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : null;
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(value);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) return null;
  const bytes = Math.round(Number(m[1]) * unit);
  return bytes > 0 ? bytes : null;
}

/** Bytes as the lab texts write them: 128 MB, 44 MB, 1.5 GB, 640 KB. */
export function formatBytes(bytes: number): string {
  const fmt = (v: number) => String(Math.round(v * 100) / 100);
  if (bytes >= 1024 ** 3) return `${fmt(bytes / 1024 ** 3)} GB`;
  if (bytes >= 1024 ** 2) return `${fmt(bytes / 1024 ** 2)} MB`;
  if (bytes >= 1024) return `${fmt(bytes / 1024)} KB`;
  return `${bytes} B`;
}

export function parseHdfsSettings(text: string, fileName = 'settings.json'): HdfsSettings {
  const { raw, fail, object } = readJsonSettings(text, fileName, (...args) => new HdfsSettingsError(...args));
  const size = (field: string, v: unknown): number => {
    const bytes = parseSize(v);
    if (bytes === null)
      fail(field, `must be a size from 1 byte to 4 TB like "128m", "1g" or a whole number of bytes, got ${show(v)}`);
    if (bytes! > MAX_BYTES) fail(field, `must be at most 4 TB, got ${show(v)}`);
    return bytes!;
  };
  const root = object('settings', raw);
  for (const key of Object.keys(root))
    if (!KNOWN.includes(key)) fail(key, `unknown field (expected one of ${KNOWN.join(', ')})`);

  const file = object('file', root.file);
  for (const key of Object.keys(file))
    if (key !== 'path' && key !== 'size') fail(`file.${key}`, 'unknown field (expected path, size)');
  if (typeof file.path !== 'string' || !file.path.startsWith('/') || file.path === '/')
    fail('file.path', `must be an absolute HDFS path like "/data/big.bin", got ${show(file.path)}`);
  // HDFS's own rules first ('..', '//', ':', length), as its put would say them, but here, on the field.
  try {
    normalizePath(file.path);
  } catch (error) {
    if (!(error instanceof HdfsError)) throw error;
    fail('file.path', `${error.problem}, got ${show(file.path)}`);
  }
  if (!/^\/[A-Za-z0-9_.\-/]+$/.test(file.path as string))
    fail(
      'file.path',
      `may hold only ASCII letters (a-z, A-Z), digits and _ . - / (like "/data/big.bin"), got ${show(file.path)}`,
    );
  const fileSize = size('file.size', file.size);

  const blockSize = root.blockSize === undefined ? 128 * 1024 ** 2 : size('blockSize', root.blockSize);
  if (blockSize < 1024 || blockSize % 512 !== 0)
    fail(
      'blockSize',
      `must be a multiple of 512 bytes and at least 1k (HDFS checksums 512-byte chunks), got ${show(root.blockSize)}`,
    );

  const blocks = Math.ceil(fileSize / blockSize);
  if (blocks > MAX_BLOCKS)
    fail(
      'blockSize',
      `cuts the ${formatBytes(fileSize)} file into ${blocks} blocks; choose a block size that gives at most ${MAX_BLOCKS}`,
    );

  const replication = root.replication ?? 3;
  if (typeof replication !== 'number' || !Number.isInteger(replication) || replication < 1 || replication > 10)
    fail('replication', `must be an integer from 1 to 10, got ${show(root.replication)}`);

  let append: HdfsSettings['append'] = null;
  if (root.append !== undefined && root.append !== null) {
    const a = object('append', root.append);
    for (const key of Object.keys(a)) if (key !== 'size') fail(`append.${key}`, 'unknown field (expected size)');
    append = { size: size('append.size', a.size) };
    if (fileSize + append.size > 1024 ** 3)
      fail('append.size', 'a file that is appended to holds real bytes here: keep file.size + append.size at most 1g');
  }

  const faults: FaultSpec[] = [];
  const rawFaults = root.faults ?? [];
  if (!Array.isArray(rawFaults)) fail('faults', `must be an array of faults, got ${show(rawFaults)}`);
  if ((rawFaults as unknown[]).length > MAX_FAULTS)
    fail('faults', `at most ${MAX_FAULTS} faults, got ${(rawFaults as unknown[]).length}`);
  (rawFaults as unknown[]).forEach((f, i) => {
    const o = object(`faults[${i}]`, f);
    if (!FAULT_KINDS.includes(o.kind as FaultSpec['kind']))
      fail(`faults[${i}].kind`, `must be one of ${FAULT_KINDS.map((k) => `"${k}"`).join(', ')}, got ${show(o.kind)}`);
    if (typeof o.atMs !== 'number' || !(o.atMs >= 0) || o.atMs > MAX_SIM_MS)
      fail(
        `faults[${i}].atMs`,
        `must be a number of simulated ms from 0 to ${MAX_SIM_MS} (one day), got ${show(o.atMs)}`,
      );
    const target = o.kind === 'partitionRack' || o.kind === 'healRack' ? 'rack' : 'node';
    if (typeof o[target] !== 'string')
      fail(
        `faults[${i}].${target}`,
        `must name a ${target} like "${target === 'rack' ? 'r1' : 'n4'}", got ${show(o[target])}`,
      );
    if (o.kind === 'slowNode' && !(typeof o.factor === 'number' && o.factor > 0 && o.factor <= MAX_SLOW_FACTOR))
      fail(`faults[${i}].factor`, `must be a number above 0 and at most ${MAX_SLOW_FACTOR}, got ${show(o.factor)}`);
    faults.push(o as unknown as FaultSpec);
  });

  let runForMs: number | null = null;
  if (root.runForMs !== undefined && root.runForMs !== null) {
    if (typeof root.runForMs !== 'number' || !(root.runForMs > 0) || root.runForMs > MAX_SIM_MS)
      fail('runForMs', `must be a number of simulated ms from 1 to 86400000 (one day), got ${show(root.runForMs)}`);
    runForMs = root.runForMs as number;
  }
  return {
    file: { path: file.path as string, size: fileSize },
    blockSize,
    replication: replication as number,
    append,
    faults,
    runForMs,
  };
}
