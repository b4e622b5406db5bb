/**
 * What the simulated Kafka answers to KafkaJS's admin calls: createTopics (with the topic configs
 * the admin client read from configEntries), listTopics, fetchTopicOffsets and fetchOffsets. A
 * topic is created at once; the host sends the answer after the network's round trip.
 */
import type { BrokerCluster } from './brokerCluster';
import type { KafkaGroup } from './kafkaGroups';
import { nonRetriable, unknownTopic } from './kafkaHostErrors';
import { MAX_TOTAL_PARTITIONS, type TopicRegistry } from './kafkaTopics';
import type { KafkaRequest } from './kafkajs/kafkaCalls';
import type { KafkaErrorData } from './kafkajs/kafkaErrors';

export type AdminRequest = Extract<
  KafkaRequest,
  { op: 'createTopics' | 'listTopics' | 'fetchTopicOffsets' | 'fetchOffsets' }
>;

export interface AdminContext {
  brokers: BrokerCluster;
  topics: TopicRegistry;
  groupOf(groupId: string): KafkaGroup | undefined;
}

export type AdminAnswer = { ok: true; value: unknown } | { ok: false; error: KafkaErrorData };

export function adminAnswer(req: AdminRequest, ctx: AdminContext): AdminAnswer {
  switch (req.op) {
    case 'createTopics':
      return createTopics(req, ctx);
    case 'listTopics':
      return { ok: true, value: ctx.topics.names() };
    case 'fetchTopicOffsets': {
      if (ctx.topics.partitionsOf(req.topic, false) === null) return { ok: false, error: unknownTopic() };
      const offsets = ctx.brokers.partitions(req.topic).map((ps, partition) => ({
        partition,
        offset: ps.log.highWatermark,
        high: ps.log.highWatermark,
        low: ps.log.logStartOffset,
      }));
      return { ok: true, value: offsets };
    }
    case 'fetchOffsets': {
      const g = ctx.groupOf(req.groupId);
      // Without topics: every topic the group committed offsets for (KafkaJS 2's fetchOffsets).
      const topics =
        req.topics.length > 0 ? req.topics : [...new Set((g?.committedOffsets() ?? []).map((o) => o.topic))];
      const out = topics.map((topic) => ({
        topic,
        partitions: Array.from({ length: ctx.topics.partitionsOf(topic, false) ?? 0 }, (_, partition) => ({
          partition,
          offset: g?.committedOffset(topic, partition) ?? -1,
        })),
      }));
      return { ok: true, value: out };
    }
  }
}

/** Creates the topics that do not exist yet; answers whether it created any (KafkaJS does not throw when all existed). */
function createTopics(req: Extract<AdminRequest, { op: 'createTopics' }>, ctx: AdminContext): AdminAnswer {
  const brokers = ctx.brokers.brokerIds.length;
  // Kafka places a new topic on the brokers that are alive.
  const live = ctx.brokers.liveBrokerIds().length;
  const tooMany = req.topics.find(
    (t) => t.replicationFactor > live && ctx.topics.partitionsOf(t.topic, false) === null,
  );
  if (tooMany)
    return {
      ok: false,
      error: {
        name: 'KafkaJSProtocolError',
        type: 'INVALID_REPLICATION_FACTOR',
        retriable: false,
        topic: tooMany.topic,
        message: `Replication-factor is invalid: ${tooMany.replicationFactor} for topic "${tooMany.topic}", and ${
          live === brokers
            ? `this cluster has ${brokers} brokers`
            : `only ${live} of this cluster's ${brokers} brokers are alive`
        }`,
      },
    };
  const adding = req.topics
    .filter((t) => ctx.topics.partitionsOf(t.topic, false) === null)
    .reduce((n, t) => n + t.numPartitions, 0);
  if (!ctx.topics.room(adding))
    return {
      ok: false,
      error: nonRetriable(
        `createTopics: ${adding} more partitions would pass this simulation's ${MAX_TOTAL_PARTITIONS} partitions in all topics together`,
      ),
    };
  let created = false;
  for (const t of req.topics) {
    if (ctx.topics.partitionsOf(t.topic, false) !== null) continue;
    ctx.topics.create(t.topic, t.numPartitions, t.replicationFactor, {
      ...(t.retentionMs !== undefined ? { retentionMs: t.retentionMs } : {}),
      ...(t.minInsyncReplicas !== undefined ? { minInsyncReplicas: t.minInsyncReplicas } : {}),
    });
    created = true;
  }
  return { ok: true, value: created };
}
