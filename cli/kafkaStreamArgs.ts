/**
 * The options of `clusterlab stream` that only a KafkaJS program takes (cli/kafkaStream.ts): its
 * topics, how many consumers, the records `produce` gets, the run's simulated length, and the
 * faults. Each bad value is a UsageError naming the option and what it must be.
 */
import { resolve } from 'node:path';
import { UsageError } from './cliIo';
import { readLocalFile } from './localInput';
import type { KafkaFault, TopicConfig } from '../engine/streaming';
import { KAFKA_LIMITS, topicNameProblem } from '../engine/streaming';

export const KAFKA_OPTIONS = [
  '--records',
  '--topic',
  '--consumers',
  '--brokers',
  '--duration',
  '--processing-ms',
  '--id',
  '--store-topic',
  '--crash',
  '--kill-broker',
  '--cut-network',
] as const;

export const KAFKA_USAGE = `For a KafkaJS program (a file that imports 'kafkajs' and exports produce and consume):
  --records FILE       the records produce({ records }) gets: a JSON array, or one JSON value a line
  --topic NAME[:P[:R]] a topic that exists at the start, with P partitions (1) and R replicas (3);
                       repeat for more (a send to a missing topic creates it with 1 partition)
  --consumers N        how many times consume({ sink }) is called: the group's members (default 1)
  --brokers N          brokers on the cluster's nodes, 1 to 3 (default 3)
  --duration SEC       simulated seconds the run lasts; consumers stop then (default 60, at most 3600;
                       times are seconds with up to 3 decimals: 0.001 s is the smallest step)
  --processing-ms MS   simulated time a consumer spends on each message (default 0)
  --id FIELD           the JSON field of a message value and a sink row that is the record's id,
                       which the ledger follows (default id)
  --store-topic NAME   the store is also topic NAME as a read_committed reader sees it (a
                       consume-transform-produce program's output): its records count as rows
  --crash C:M:POINT    crash consumer C at its M-th message: before-processing (when handed it),
                       after-processing (at the commit that covers it, which is lost) or
                       after-commit (right after that commit)
  --kill-broker B:SEC[:BACK]  kill broker B (n1 to n3, as many as --brokers) at SEC, before the run
                              ends, and restart it BACK seconds later
  --cut-network P:FROM-TO     cut producer P's network from FROM to TO seconds (producers are
                              numbered in the order they first send; one the run never has is refused)
`;

export interface KafkaStreamArgs {
  records: unknown[];
  topics: TopicConfig[];
  consumers: number;
  brokers: number;
  durationMs: number;
  processingMs: number;
  idField: string;
  /** The topic whose committed records are the store's rows (null: the sink alone). */
  storeTopic: string | null;
  faults: KafkaFault[];
  /** How each fault was given, as the learner typed it (`--cut-network 9:1-2`): messages name it. */
  faultOptions: string[];
}

/** Records files are data, not code: up to 64 MB. */
const MAX_RECORDS_BYTES = 64 * 1024 ** 2;
/** The longest run, and the latest a fault may strike (simulated seconds). */
const MAX_SECONDS = 3600;
/** 86400 → "86,400" (no Intl at start-up). */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

function int(option: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
    throw new UsageError(`${option}: must be an integer from ${min} to ${max}, got '${text}'`);
  return Number(text);
}

/**
 * Seconds as simulated milliseconds, the simulation's step: a number from `min` to `max` seconds
 * with at most three decimals (0.001 s is the smallest step), else a UsageError saying so. `what`
 * names the option and the part (`--kill-broker n1:1:0: BACK`).
 */
function seconds(what: string, text: string, min = 0, max = MAX_SECONDS): number {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  const range = `from ${min === 0 ? '0' : min === 0.001 ? '0.001' : grouped(min)} to ${grouped(max)}`;
  if (!m) throw new UsageError(`${what} must be a number of seconds ${range}, got '${text}'`);
  const decimals = (m[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 3)
    throw new UsageError(
      `${what} must be a number of seconds ${range} with at most 3 decimals (the smallest step is 0.001 s, one simulated millisecond), got '${text}'`,
    );
  const ms = Number(m[1]) * 1000 + Number(decimals.padEnd(3, '0'));
  if (ms < min * 1000 || ms > max * 1000)
    throw new UsageError(`${what} must be a number of seconds ${range}, got '${text}'`);
  return ms;
}

function topic(text: string): TopicConfig {
  const [name = '', partitions = '1', replicas = '3', ...rest] = text.split(':');
  if (rest.length > 0 || !/^[a-zA-Z0-9._-]{1,249}$/.test(name))
    throw new UsageError(
      `--topic: must be NAME[:PARTITIONS[:REPLICAS]] with a name of letters, digits, '.', '_' and '-' (Kafka's rule), got '${text}'`,
    );
  return {
    name,
    partitions: int(`--topic ${name}: partitions`, partitions, 1, 1000),
    replicationFactor: int(`--topic ${name}: replicas`, replicas, 1, 3),
    // Kafka's defaults: min.insync.replicas 1, retention.ms 7 days.
    minInsyncReplicas: 1,
    retentionMs: 7 * 24 * 3600 * 1000,
    retentionRecords: Number.POSITIVE_INFINITY,
  };
}

const POINTS = ['before-processing', 'after-processing', 'after-commit'] as const;

/** What a fault's values are checked against: the run's brokers, consumers and length. */
interface FaultContext {
  brokers: number;
  consumers: number;
  durationMs: number;
}

/** One --crash, --kill-broker or --cut-network value; each mistake names the option as given and the part. */
function fault(option: string, text: string, run: FaultContext): KafkaFault {
  const parts = text.split(':');
  const given = `${option} ${text}:`;
  const whole = (part: string, value: string, min: number, max: number) => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
      throw new UsageError(`${given} ${part} must be a whole number from ${min} to ${grouped(max)}, got '${value}'`);
    return Number(value);
  };
  const beforeEnd = (part: string, ms: number) => {
    if (ms >= run.durationMs)
      throw new UsageError(
        `${given} ${part} must come before the run ends at ${run.durationMs / 1000} s (--duration), got ${ms / 1000} s`,
      );
    return ms;
  };
  if (option === '--crash') {
    const [c = '', m = '', point = ''] = parts;
    if (parts.length !== 3 || !(POINTS as readonly string[]).includes(point))
      throw new UsageError(`${given} must be CONSUMER:MESSAGE:POINT with POINT one of ${POINTS.join(', ')}`);
    const consumer = whole('CONSUMER', c, 1, 100);
    if (consumer > run.consumers)
      throw new UsageError(
        `${given} there is no consumer ${consumer}; the run has ${run.consumers} (--consumers ${run.consumers})`,
      );
    return {
      kind: 'crashConsumer',
      consumer,
      atMessage: whole('MESSAGE', m, 1, KAFKA_LIMITS.producedRecords),
      point: point as (typeof POINTS)[number],
    };
  }
  if (option === '--kill-broker') {
    const [broker = '', at = '', back] = parts;
    if (parts.length < 2 || parts.length > 3)
      throw new UsageError(`${given} must be BROKER:SEC or BROKER:SEC:BACK, such as n2:10:5`);
    const ids = Array.from({ length: run.brokers }, (_, i) => `n${i + 1}`);
    if (!ids.includes(broker))
      throw new UsageError(
        `${given} BROKER must be one of the brokers ${ids.join(', ')} (--brokers ${run.brokers}), got '${broker}'`,
      );
    return {
      kind: 'killBroker',
      broker,
      atMs: beforeEnd('SEC', seconds(`${given} SEC`, at)),
      ...(back === undefined ? {} : { restartAfterMs: seconds(`${given} BACK`, back, 0.001) }),
    };
  }
  const [p = '', window = ''] = parts;
  const [from = '', to = '', ...more] = window.split('-');
  if (parts.length !== 2 || more.length > 0 || !window.includes('-'))
    throw new UsageError(`${given} must be PRODUCER:FROM-TO in seconds, such as 1:2-5`);
  const producer = whole('PRODUCER', p, 1, 100);
  const fromMs = beforeEnd('FROM', seconds(`${given} FROM`, from));
  const toMs = seconds(`${given} TO`, to);
  if (toMs <= fromMs) throw new UsageError(`${given} TO must come after FROM`);
  return { kind: 'cutNetwork', producer, fromMs, toMs };
}

function duration(text: string): number {
  return seconds('--duration:', text, 0.001);
}

/** The records of a --records file: a JSON array, or JSON lines (blank lines skipped). */
function records(path: string, cwd: string): unknown[] {
  const bytes = readLocalFile(resolve(cwd, path), {
    what: `--records ${path}`,
    notFound: `--records: file not found: ${path}`,
    maxBytes: MAX_RECORDS_BYTES,
  });
  const text = new TextDecoder().decode(bytes);
  let list: unknown[];
  if (text.trimStart().startsWith('[')) {
    try {
      list = JSON.parse(text) as unknown[];
    } catch (e) {
      throw new UsageError(`--records ${path}: not a valid JSON array (${(e as Error).message})`);
    }
  } else {
    list = [];
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        list.push(JSON.parse(line));
      } catch (e) {
        throw new UsageError(`--records ${path}:${i + 1}: not a JSON value (${(e as Error).message})`);
      }
    });
  }
  if (list.length > KAFKA_LIMITS.producedRecords)
    throw new UsageError(`--records ${path}: holds ${list.length} records, more than ${KAFKA_LIMITS.producedRecords}`);
  return list;
}

/** Reads the KafkaJS options from `options` (each option with its values, in order). */
export function parseKafkaArgs(options: Map<string, string[]>, cwd: string): KafkaStreamArgs {
  const one = (name: string): string | undefined => {
    const values = options.get(name) ?? [];
    if (values.length > 1) throw new UsageError(`${name}: given ${values.length} times, once is enough`);
    return values[0];
  };
  const topics = (options.get('--topic') ?? []).map(topic);
  const names = topics.map((t) => t.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new UsageError(`--topic: ${twice} is given twice`);
  const brokers = int('--brokers', one('--brokers') ?? '3', 1, 3);
  const tooMany = topics.find((t) => t.replicationFactor > brokers);
  if (tooMany)
    throw new UsageError(
      `--topic ${tooMany.name}: ${tooMany.replicationFactor} replicas need as many brokers, and there are ${brokers} (--brokers)`,
    );
  const consumers = int('--consumers', one('--consumers') ?? '1', 0, 100);
  const durationMs = duration(one('--duration') ?? '60');
  const given = ['--crash', '--kill-broker', '--cut-network'].flatMap((o) =>
    (options.get(o) ?? []).map((t) => ({
      option: `${o} ${t}`,
      fault: fault(o, t, { brokers, consumers, durationMs }),
    })),
  );
  const faults = given.map((g) => g.fault);
  const recordsFile = one('--records');
  const idField = one('--id') ?? 'id';
  if (idField === '' || idField.length > 200) throw new UsageError('--id: must name a JSON field, such as id');
  const storeTopic = one('--store-topic') ?? null;
  if (storeTopic !== null && topicNameProblem(storeTopic) !== null)
    throw new UsageError(`--store-topic: ${topicNameProblem(storeTopic)}`);
  if (storeTopic !== null && !topics.some((t) => t.name === storeTopic))
    throw new UsageError(
      `--store-topic ${storeTopic}: name one of the topics given with --topic, the one the program writes its output to`,
    );
  return {
    records: recordsFile === undefined ? [] : records(recordsFile, cwd),
    topics,
    consumers,
    brokers,
    durationMs,
    processingMs: int('--processing-ms', one('--processing-ms') ?? '0', 0, 60_000),
    idField,
    storeTopic,
    faults,
    faultOptions: given.map((g) => g.option),
  };
}
