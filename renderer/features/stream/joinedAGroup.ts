import type { KafkaJobReport } from '../../../engine/api';

/**
 * Whether a KafkaJS consumer joined a consumer group in the run: the report's one group, or with
 * several groups (the report then names none) a rebalance of any of them in the trace. A Spark
 * query's Kafka source assigns itself its partitions and never joins (generation 0).
 */
export function joinedAGroup(report: Pick<KafkaJobReport, 'group' | 'trace'>): boolean {
  if (report.group !== null) return report.group.generation > 0;
  return report.trace.some((e) => e.type === 'groupRebalanced' && Number(e.generation) > 0);
}
