/**
 * The requests the simulated Kafka's group coordinator answers (kafkaHost.ts): JoinGroup,
 * OffsetCommit (a member's, or a standalone one that makes the group), Heartbeat and LeaveGroup;
 * and those of the transaction coordinator: InitProducerId, AddOffsetsToTxn with TxnOffsetCommit
 * (`sendOffsets`), EndTxn. Each answer comes after the network's round trip.
 */
import type { Kernel, TraceSink } from '../core';
import type { KafkaGroup } from './kafkaGroups';
import type { TopicRegistry } from './kafkaTopics';
import type { TransactionCoordinator } from './kafkaTransactions';
import { SESSION_TIMEOUT_BOUNDS, groupError, invalidSessionTimeout, unknownTopic } from './kafkaHostErrors';
import type { KafkaRequest } from './kafkajs/kafkaCalls';
import type { KafkaErrorData } from './kafkajs/kafkaErrors';

export interface CoordinatorContext {
  kernel: Kernel;
  trace: TraceSink;
  latency: number;
  autoCreate: boolean;
  topics: TopicRegistry;
  groups: Map<string, KafkaGroup>;
  transactions: TransactionCoordinator;
  /** The group, made if need be. */
  group(groupId: string): KafkaGroup;
  /** Calls `fn` after the network's round trip (or that many of them). */
  later(fn: () => void, roundTrips?: number): void;
}

export type CoordinatorRequest = Extract<
  KafkaRequest,
  { op: 'join' | 'commit' | 'heartbeat' | 'leave' | 'initTransactions' | 'sendOffsets' | 'endTransaction' }
>;

/** Answers a group or transaction request of client `client` (its KafkaJS clientId `clientId`). */
export function coordinatorRequest(
  ctx: CoordinatorContext,
  client: number,
  clientId: string,
  req: CoordinatorRequest,
  answer: (value: unknown) => void,
  fail: (error: KafkaErrorData) => void,
): void {
  const { kernel, latency, later } = ctx;
  switch (req.op) {
    case 'join': {
      const g = ctx.group(req.groupId);
      const missing = req.topics.find((t) => ctx.topics.partitionsOf(t, ctx.autoCreate) === null);
      if (missing !== undefined) return later(() => fail(unknownTopic()));
      const { min, max } = SESSION_TIMEOUT_BOUNDS;
      if (req.sessionTimeout < min || req.sessionTimeout > max) return later(() => fail(invalidSessionTimeout()));
      const timeouts = { sessionTimeout: req.sessionTimeout, rebalanceTimeout: req.rebalanceTimeout };
      kernel.post(
        latency,
        () =>
          g.join(client, clientId, req.topics, timeouts, (joined) =>
            later(() => (joined ? answer(joined) : fail(groupError('unknownMember'))), 0.5),
          ),
        5,
      );
      return;
    }
    case 'commit': {
      // A standalone commit makes the group if need be, as Kafka's coordinator does.
      const standalone = req.standalone === true;
      const g = standalone ? ctx.group(req.groupId) : ctx.groups.get(req.groupId);
      const member = g?.memberOf(client);
      if (g && member !== undefined) g.touch(member);
      if (!ctx.topics.exist(req.offsets)) return later(() => fail(unknownTopic()));
      const refused = g ? g.commit(client, req.generation, req.offsets, standalone) : 'unknownMember';
      if (refused === null)
        ctx.trace.record({
          t: kernel.now,
          type: 'offsetsCommitted',
          group: req.groupId,
          member: member ?? '',
          client,
          offsets: req.offsets.map((o) => [o.topic, o.partition, o.offset]),
        });
      return later(() => (refused === null ? answer(null) : fail(groupError(refused))));
    }
    case 'heartbeat': {
      // Kafka's Heartbeat: REBALANCE_IN_PROGRESS tells the member to join again.
      const g = ctx.groups.get(req.groupId);
      const member = g?.memberOf(client);
      if (g && member !== undefined) g.touch(member);
      const why = !g || member === undefined ? 'unknownMember' : g.rebalancing ? 'rebalancing' : null;
      return later(() => (why === null ? answer(null) : fail(groupError(why))));
    }
    case 'leave':
      ctx.groups.get(req.groupId)?.leave(client);
      return later(() => answer(null));
    case 'initTransactions': {
      const epoch = ctx.transactions.init(req.transactionalId, req.transactionTimeout);
      return later(() => answer(epoch));
    }
    case 'sendOffsets': {
      if (!ctx.topics.exist(req.offsets)) return later(() => fail(unknownTopic()));
      const fenced = ctx.transactions.check(req.transaction);
      if (fenced) return later(() => fail(fenced));
      ctx.transactions.addOffsets(req.transaction, req.groupId, req.offsets);
      return later(() => answer(null));
    }
    case 'endTransaction':
      // Checked and applied when it reaches the coordinator (a fresh producer may have fenced it meanwhile).
      kernel.post(
        latency,
        () => {
          const refused = ctx.transactions.check(req.transaction);
          if (refused === null) ctx.transactions.endFor(req.transaction, req.commit);
          kernel.post(latency, () => (refused ? fail(refused) : answer(null)), 5);
        },
        5,
      );
      return;
  }
}
