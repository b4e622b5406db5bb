/**
 * What the simulated Kafka does with a Structured Streaming query's notes (engine/streaming/
 * structured): the rows a batch took go in the ledger (processed; aggregated into windows or
 * dropped as late) and the trace (`recordProcessed`, `recordAggregated`); a finished micro-batch
 * goes in the trace (`microBatch`), for the pictures of batches, windows and the watermark.
 */
import type { TraceSink } from '../core';
import type { BrokerCluster } from './brokerCluster';
import type { Ledger } from './ledger';
import type { KafkaRequest } from './kafkajs/kafkaCalls';

export type StructuredRequest = Extract<KafkaRequest, { op: 'queryRows' | 'microBatch' }>;

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
  const { topic } = req;
  for (const row of req.rows) {
    // The record may be gone from the log (retention) while the query still holds it from a fetch.
    const id = ctx.brokers.partition(topic, row.partition).log.idAt(row.offset);
    if (id !== undefined) {
      ctx.ledger.processed(id);
      if (row.fate === 'late') ctx.ledger.late(id);
      else if (row.fate === 'aggregated') ctx.ledger.aggregated(id);
    }
    const where = { client, topic, partition: row.partition, offset: row.offset };
    ctx.trace.record({ t: now, type: 'recordProcessed', ...where });
    if (row.fate !== 'processed')
      ctx.trace.record({
        t: now,
        type: 'recordAggregated',
        ...where,
        eventTime: row.eventTime,
        late: row.fate === 'late',
      });
  }
}
