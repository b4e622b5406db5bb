/**
 * Checks a Structured Streaming query's notes as they come from the sandbox (kafkaCallCheck.ts
 * calls it): `queryRows` for the rows a batch took, `microBatch` for a finished batch. The learner's program
 * shares the library's realm, so every field is checked, and the lists are bounded.
 */
import { bool, count, fail, int, list, obj, str } from '../sandbox/contract/replyChecks';
import { KAFKA_LIMITS as L } from './kafkaLimits';
import { QUERY_ROWS_PER_NOTE } from './kafkajs/kafkaCalls';

/** What one batch's note may carry at most (the query sends fewer: streamingQuery.ts). */
export const MICRO_BATCH_LIMITS = { events: 2_000, cells: 400, keyChars: 200 } as const;

/** A finite number of either sign, or null. */
function time(v: unknown, where: string, nullable: boolean): void {
  if (nullable && v === null) return;
  if (typeof v !== 'number' || !Number.isFinite(v))
    fail(where, nullable ? 'is not a finite number or null' : 'is not a finite number');
}

function cells(v: unknown, where: string): void {
  list(v, where, MICRO_BATCH_LIMITS.cells).forEach((x, i) => {
    const c = obj(x, `${where}[${i}]`);
    time(c.start, `${where}[${i}].start`, false);
    time(c.end, `${where}[${i}].end`, false);
    str(c.key, `${where}[${i}].key`, MICRO_BATCH_LIMITS.keyChars);
    time(c.value, `${where}[${i}].value`, false);
  });
}

export function checkQueryRows(r: Record<string, unknown>, where: string): void {
  list(r.rows, `${where}.rows`, QUERY_ROWS_PER_NOTE).forEach((x, i) => {
    const row = obj(x, `${where}.rows[${i}]`);
    int(row.partition, `${where}.rows[${i}].partition`);
    int(row.offset, `${where}.rows[${i}].offset`);
    time(row.eventTime, `${where}.rows[${i}].eventTime`, true);
    if (row.fate !== 'processed' && row.fate !== 'aggregated' && row.fate !== 'late')
      fail(`${where}.rows[${i}].fate`, 'is not processed, aggregated or late');
  });
}

export function checkMicroBatch(r: Record<string, unknown>, where: string): void {
  const b = obj(r.batch, `${where}.batch`);
  const at = `${where}.batch`;
  str(b.query, `${at}.query`, L.name);
  int(b.batchId, `${at}.batchId`);
  count(b.startedAt, `${at}.startedAt`);
  list(b.ranges, `${at}.ranges`, L.partitions).forEach((x, i) => {
    const g = obj(x, `${at}.ranges[${i}]`);
    str(g.topic, `${at}.ranges[${i}].topic`, L.name);
    int(g.partition, `${at}.ranges[${i}].partition`);
    int(g.start, `${at}.ranges[${i}].start`);
    int(g.end, `${at}.ranges[${i}].end`);
  });
  int(b.rows, `${at}.rows`);
  int(b.late, `${at}.late`);
  time(b.watermark, `${at}.watermark`, true);
  time(b.lateWatermark, `${at}.lateWatermark`, true);
  time(b.nextWatermark, `${at}.nextWatermark`, true);
  if (b.outputMode !== 'append' && b.outputMode !== 'update' && b.outputMode !== 'complete')
    fail(`${at}.outputMode`, 'is not append, update or complete');
  int(b.stateSize, `${at}.stateSize`);
  cells(b.state, `${at}.state`);
  cells(b.emitted, `${at}.emitted`);
  list(b.events, `${at}.events`, MICRO_BATCH_LIMITS.events).forEach((x, i) => {
    const e = obj(x, `${at}.events[${i}]`);
    int(e.partition, `${at}.events[${i}].partition`);
    int(e.offset, `${at}.events[${i}].offset`);
    time(e.eventTime, `${at}.events[${i}].eventTime`, false);
    bool(e.late, `${at}.events[${i}].late`);
  });
}
