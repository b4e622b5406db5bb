/**
 * The errors the simulated Kafka answers with, as KafkaJS names them (src/protocol/error.js), and
 * the check of a request's numbers before they go on the clock.
 */
import type { KafkaRequest } from './kafkajs/kafkaCalls';
import type { KafkaErrorData } from './kafkajs/kafkaErrors';

export const nonRetriable = (message: string): KafkaErrorData => ({ name: 'KafkaJSNonRetriableError', message });

export function unknownTopic(): KafkaErrorData {
  return {
    name: 'KafkaJSProtocolError',
    type: 'UNKNOWN_TOPIC_OR_PARTITION',
    retriable: true,
    message: 'This server does not host this topic-partition',
  };
}

/** Kafka's group errors (src/protocol/error.js): each tells the consumer to join again. */
export function groupError(why: 'unknownMember' | 'illegalGeneration' | 'rebalancing'): KafkaErrorData {
  const [type, message] =
    why === 'unknownMember'
      ? ['UNKNOWN_MEMBER_ID', 'The coordinator is not aware of this member']
      : why === 'illegalGeneration'
        ? ['ILLEGAL_GENERATION', 'Specified group generation id is not valid']
        : ['REBALANCE_IN_PROGRESS', 'The group is rebalancing, so a rejoin is needed'];
  return { name: 'KafkaJSProtocolError', type, retriable: false, message };
}

/** The broker's bounds on a member's session (group.min.session.timeout.ms, group.max.session.timeout.ms). */
export const SESSION_TIMEOUT_BOUNDS = { min: 6_000, max: 1_800_000 };

/** JoinGroup with a session the broker does not allow: Kafka's INVALID_SESSION_TIMEOUT, as KafkaJS reports it. */
export function invalidSessionTimeout(): KafkaErrorData {
  return {
    name: 'KafkaJSProtocolError',
    type: 'INVALID_SESSION_TIMEOUT',
    retriable: false,
    message:
      'The session timeout is not within the range allowed by the broker (as configured by group.min.session.timeout.ms and group.max.session.timeout.ms)',
  };
}

/** The numbers a request carries that go on the clock: finite and not negative (a learner's option may be anything). */
export function badNumber(req: KafkaRequest): string | null {
  const fields: [string, unknown][] =
    req.op === 'send'
      ? [['timeout', req.timeout]]
      : req.op === 'join'
        ? [
            ['sessionTimeout', req.sessionTimeout],
            ['rebalanceTimeout', req.rebalanceTimeout],
          ]
        : req.op === 'fetch'
          ? [
              ['maxWaitTimeInMs', req.maxWaitTimeInMs],
              ['maxBytesPerPartition', req.maxBytesPerPartition],
              ...req.positions.map((p): [string, unknown] => [`offset of ${p.topic}/${p.partition}`, p.offset]),
            ]
          : req.op === 'sleep'
            ? [['retry time', req.ms]]
            : [];
  for (const [name, v] of fields)
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      return `${name} must be a finite number >= 0, got ${String(v)}`;
  return null;
}
