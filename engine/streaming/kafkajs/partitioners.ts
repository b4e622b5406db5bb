/**
 * KafkaJS 2's `Partitioners`, as a program names them in `kafka.producer({ createPartitioner })`.
 * ClusterLab's producers partition as KafkaJS 2's DefaultPartitioner does, which is Kafka's Java
 * client's (murmur2 of the key; engine/streaming/partitioner.ts), so that one and its other name
 * are accepted. KafkaJS 1's LegacyPartitioner and partitioners of a program's own are refused by
 * name, not silently replaced.
 */
import { KafkaJSNonRetriableError } from './kafkaErrors';

/** What a partitioner factory returns in KafkaJS: partition = f({ topic, partitionMetadata, message }). */
type Partitioner = (args: unknown) => number;

function refused(): never {
  throw new KafkaJSNonRetriableError(
    "ClusterLab's KafkaJS partitions as KafkaJS 2's DefaultPartitioner (Kafka's Java client: murmur2 of the key); the LegacyPartitioner and partitioners of your own are not supported. Leave createPartitioner out, or set the partition of a message yourself.",
  );
}

const javaCompatible = Object.freeze(function DefaultPartitioner(): Partitioner {
  return refused;
});
const legacy = Object.freeze(function LegacyPartitioner(): Partitioner {
  return refused;
});

export const PARTITIONERS = Object.freeze({
  DefaultPartitioner: javaCompatible,
  JavaCompatiblePartitioner: javaCompatible,
  LegacyPartitioner: legacy,
});

/** Checks `createPartitioner` of a producer's config: absent or the DefaultPartitioner; else says why not. */
export function checkPartitioner(createPartitioner: unknown): void {
  if (createPartitioner === undefined || createPartitioner === javaCompatible) return;
  refused();
}
