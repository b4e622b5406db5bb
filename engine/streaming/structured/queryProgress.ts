/**
 * A micro-batch's StreamingQueryProgress as Spark reports it (`query.lastProgress`, as JSON):
 * batchId, numInputRows, durationMs, eventTime.watermark, stateOperators (numRowsTotal,
 * numRowsUpdated, numRowsDroppedByWatermark), each source's start and end offsets, the sink.
 */
import { dateAt } from '../../core';
import type { OffsetRange } from './kafkaSource';

const iso = (ms: number) => dateAt(ms).toISOString();

export function queryProgress(b: {
  id: string;
  runId: string;
  name: string;
  batchId: number;
  /** When the batch was planned, and now (its end), simulated ms. */
  at: number;
  now: number;
  topics: readonly string[];
  ranges: readonly OffsetRange[];
  rows: number;
  late: number;
  written: number;
  /** Groups the aggregation holds, or null: the query has no aggregation. */
  stateRows: number | null;
  watermark: number | null;
  sink: string;
}): Readonly<Record<string, unknown>> {
  const offsets = (pick: 'start' | 'end') => {
    const o: Record<string, Record<string, number>> = {};
    for (const r of b.ranges) (o[r.topic] ??= {})[String(r.partition)] = r[pick];
    return o;
  };
  return Object.freeze({
    id: b.id,
    runId: b.runId,
    name: b.name,
    timestamp: iso(b.at),
    batchId: b.batchId,
    numInputRows: b.rows,
    durationMs: { triggerExecution: b.now - b.at },
    eventTime: b.watermark === null ? {} : { watermark: iso(b.watermark) },
    stateOperators:
      b.stateRows === null
        ? []
        : [{ numRowsTotal: b.stateRows, numRowsUpdated: b.written, numRowsDroppedByWatermark: b.late }],
    sources: [
      {
        description: `KafkaV2[Subscribe[${b.topics.join(',')}]]`,
        startOffset: offsets('start'),
        endOffset: offsets('end'),
        numInputRows: b.rows,
      },
    ],
    sink: { description: b.sink, numOutputRows: b.written },
  });
}
