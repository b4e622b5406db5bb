/**
 * The JSON settings a server step's learner edits (Cookbook 13.3): how much data, optionally its
 * growth month by month, the SQL server's parts from the catalogue (engine/server), and either a
 * scale-out to servers on a SAN or a Hadoop cluster of such servers; plus the step's answer.
 * Every limit is checked before anything runs; every error names the field and its line.
 */
import {
  CPU_IDS,
  CPUS,
  DISK_IDS,
  fitProblem,
  MAX_DISKS,
  MAX_HADOOP_NODES,
  MAX_SAN_SERVERS,
  MIN_HADOOP_NODES,
  NIC_IDS,
  RAM_SIZES_GB,
  SAN_IDS,
  type Platform,
  type ServerConfig,
} from '../engine/server';
import { readJsonSettings, SettingsError, show } from './jsonSettings';

export interface ServerSettings {
  /** GB of stored rows (of the first month, with growth). */
  dataGB: number;
  /** Month by month from dataGB, `factor` times more each month. */
  growth: { months: number; factor: number } | null;
  platform: Platform;
  /** The step's question, when it asks one: a size in GB or a resource's name. */
  answer: number | string | null;
}

export class ServerSettingsError extends SettingsError {
  override name = 'ServerSettingsError';
}

/** One petabyte: the largest amount of data a run may be about. */
export const MAX_DATA_GB = 1_048_576;
const MAX_MONTHS = 36;
const MAX_FACTOR = 10;
const KNOWN = ['dataGB', 'growth', 'server', 'scaleOut', 'hadoop', 'answer'];
const SERVER_KNOWN = ['disk', 'disks', 'ramGB', 'cpu', 'network'];
const quoted = (ids: readonly string[]) => ids.map((i) => `"${i}"`).join(', ');

/** The data of month `m` (1-based). */
export function monthGB(settings: Pick<ServerSettings, 'dataGB' | 'growth'>, m: number): number {
  return settings.dataGB * (settings.growth?.factor ?? 1) ** (m - 1);
}

export function parseServerSettings(text: string, fileName = 'settings.json'): ServerSettings {
  const { raw, fail, object, onlyKnown } = readJsonSettings(
    text,
    fileName,
    (...args) => new ServerSettingsError(...args),
  );
  const root = object('settings', raw);
  onlyKnown('', root, KNOWN);
  const number = (field: string, v: unknown, min: number, max: number, what: string): number => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) fail(field, `${what}, got ${show(v)}`);
    return v as number;
  };
  const integer = (field: string, v: unknown, min: number, max: number): number => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      fail(field, `must be a whole number from ${min} to ${max}, got ${show(v)}`);
    return v as number;
  };
  const oneOf = <T extends string>(field: string, v: unknown, ids: readonly T[]): T => {
    if (typeof v !== 'string' || !ids.includes(v as T)) fail(field, `must be one of ${quoted(ids)}, got ${show(v)}`);
    return v as T;
  };

  const dataGB = number(
    'dataGB',
    root.dataGB,
    0.001,
    MAX_DATA_GB,
    `must be a number of GB from 0.001 to ${MAX_DATA_GB.toLocaleString('en-US')} (1 PB)`,
  );
  let growth: ServerSettings['growth'] = null;
  if (root.growth !== undefined && root.growth !== null) {
    const g = object('growth', root.growth);
    onlyKnown('growth', g, ['months', 'factor']);
    const months = integer('growth.months', g.months, 1, MAX_MONTHS);
    const factor = number('growth.factor', g.factor ?? 2, 1, MAX_FACTOR, `must be a number from 1 to ${MAX_FACTOR}`);
    if (dataGB * factor ** (months - 1) > MAX_DATA_GB)
      fail(
        'growth.months',
        `${months} months of ×${factor} from ${dataGB} GB end above 1 PB (${MAX_DATA_GB.toLocaleString('en-US')} GB): choose fewer months`,
      );
    growth = { months, factor };
  }

  const s = object('server', root.server);
  onlyKnown('server', s, SERVER_KNOWN);
  const onSan = root.scaleOut !== undefined && root.scaleOut !== null;
  if (onSan && root.hadoop !== undefined && root.hadoop !== null)
    fail('hadoop', 'a platform is either SQL servers on a SAN (scaleOut) or a Hadoop cluster (hadoop): remove one');
  let disk: ServerConfig['disk'] = null;
  let disks = 0;
  if (onSan) {
    if (s.disk !== undefined || s.disks !== undefined)
      fail(
        s.disk !== undefined ? 'server.disk' : 'server.disks',
        'servers on a SAN keep the data on the SAN, not on disks of their own: remove server.disk and server.disks',
      );
  } else {
    disk = oneOf('server.disk', s.disk, DISK_IDS);
    disks = integer('server.disks', s.disks, 2, MAX_DISKS);
    if (disks % 2 !== 0)
      fail(
        'server.disks',
        `disks are mirrored in pairs (RAID 10): an even number from 2 to ${MAX_DISKS}, got ${disks}`,
      );
  }
  const ramGB = s.ramGB as number;
  if (!RAM_SIZES_GB.includes(ramGB as never))
    fail('server.ramGB', `must be one of ${RAM_SIZES_GB.join(', ')} (GB), got ${show(s.ramGB)}`);
  const cpu = oneOf('server.cpu', s.cpu, CPU_IDS);
  if (ramGB > CPUS[cpu].maxRamGB)
    fail('server.ramGB', `the ${CPUS[cpu].name} takes at most ${CPUS[cpu].maxRamGB} GB of memory, got ${ramGB}`);
  const network = oneOf('server.network', s.network, NIC_IDS);
  const server: ServerConfig = { disk, disks, ramGB, cpu, network };

  let platform: Platform = { kind: 'single', server };
  if (onSan) {
    const o = object('scaleOut', root.scaleOut);
    onlyKnown('scaleOut', o, ['servers', 'san']);
    const servers = integer('scaleOut.servers', o.servers, 2, MAX_SAN_SERVERS);
    platform = { kind: 'san', server, servers, san: oneOf('scaleOut.san', o.san, SAN_IDS) };
  } else if (root.hadoop !== undefined && root.hadoop !== null) {
    const o = object('hadoop', root.hadoop);
    onlyKnown('hadoop', o, ['nodes']);
    if (typeof o.nodes === 'number' && o.nodes < MIN_HADOOP_NODES && o.nodes >= 1)
      fail(
        'hadoop.nodes',
        `a Hadoop cluster needs at least ${MIN_HADOOP_NODES} servers to work properly, got ${o.nodes}`,
      );
    platform = { kind: 'hadoop', server, nodes: integer('hadoop.nodes', o.nodes, MIN_HADOOP_NODES, MAX_HADOOP_NODES) };
  }
  // The biggest month's data must fit on the disks before any month runs.
  const lastGB = dataGB * (growth ? growth.factor ** (growth.months - 1) : 1);
  const problem = fitProblem(platform, lastGB);
  if (problem) fail(problem.field, `${problem.problem}${growth ? ' (in the last month of the growth)' : ''}`);

  let answer: ServerSettings['answer'] = null;
  if (root.answer !== undefined && root.answer !== null) {
    if (typeof root.answer === 'number' && Number.isFinite(root.answer)) answer = root.answer;
    else if (typeof root.answer === 'string' && root.answer.length <= 40) answer = root.answer.trim().toLowerCase();
    else fail('answer', `must be a number or a short word, got ${show(root.answer)}`);
  }
  return { dataGB, growth, platform, answer };
}
