/**
 * What the simulated Kafka does with a Structured Streaming query's notes (engine/streaming/
 * structured): a record aggregated into windows or dropped as late goes in the ledger and the
 * trace (`recordAggregated`); a finished micro-batch goes in the trace (`microBatch`), for the
 * pictures of batches, windows and the watermark.
 */
import type { TraceSink } from '../core';
import type { BrokerCluster } from './brokerCluster';
import type { Ledger } from './ledger';
import type { KafkaRequest } from './kafkajs/kafkaCalls';

export type StructuredRequest = Extract<KafkaRequest, { op: 'aggregated' | 'microBatch' }>;

export function structuredNote(
  req: StructuredRequest,
  client: number,
  now: number,
  ctx: { brokers: BrokerCluster; ledger: Ledger; trace: TraceSink },
): void {
  if (req.op === 'microBatch') {
    ctx.trace.record({ t: now, type: 'microBatch', client, ...req.batch });
    return;
  }
  // The record may be gone from the log (retention) while the query still holds it from a fetch.
  const id = ctx.brokers.partition(req.topic, req.partition).log.idAt(req.offset);
  if (id !== undefined) {
    if (req.late) ctx.ledger.late(id);
    else ctx.ledger.aggregated(id);
  }
  ctx.trace.record({
    t: now,
    type: 'recordAggregated',
    client,
    topic: req.topic,
    partition: req.partition,
    offset: req.offset,
    eventTime: req.eventTime,
    late: req.late,
  });
}
