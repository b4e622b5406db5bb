/**
 * KafkaJS's consumer options (kafka.consumer({ ... })), checked and given KafkaJS's defaults:
 * groupId; sessionTimeout 30 s, heartbeatInterval 3 s (below the session), rebalanceTimeout 60 s,
 * maxWaitTimeInMs 5 s, maxBytesPerPartition 1 MB; readUncommitted false; retry 5 times from 300 ms,
 * doubling, at most 30 s. A bad option throws KafkaJSNonRetriableError naming it. A
 * heartbeatInterval of 0 is accepted, as KafkaJS accepts it (it only refuses one not below the
 * sessionTimeout): the member then heartbeats at every chance it gets, after each fetch and
 * whenever the handler calls heartbeat().
 */
import { KafkaJSNonRetriableError } from './kafkaErrors';
import { idProblem } from '../kafkaLimits';
import type { ConsumerConfig } from './consumerPayloads';

export type ConsumerTiming = Required<
  Pick<
    ConsumerConfig,
    'sessionTimeout' | 'heartbeatInterval' | 'rebalanceTimeout' | 'maxWaitTimeInMs' | 'maxBytesPerPartition'
  >
>;

export interface ConsumerRetry {
  retries: number;
  initialRetryTime: number;
  multiplier: number;
  maxRetryTime: number;
}

/** A value as a reason shows it: a string in quotes, anything else as JavaScript prints it. */
function shown(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

export function parseConsumerConfig(config: ConsumerConfig): {
  groupId: string;
  readCommitted: boolean;
  timing: ConsumerTiming;
  retries: ConsumerRetry;
} {
  if (typeof config !== 'object' || config === null || typeof config.groupId !== 'string' || config.groupId === '')
    throw new KafkaJSNonRetriableError('Consumer groupId must be a non-empty string.');
  const tooLong = idProblem('Consumer groupId', config.groupId);
  if (tooLong !== null) throw new KafkaJSNonRetriableError(tooLong);
  // A number of `unit` (milliseconds, bytes, ...), at least 0. The value is quoted when it is a
  // string ("10000" is not 10000), as the learner wrote it.
  const num =
    (unit: string) =>
    (name: string, v: unknown, fallback: number): number => {
      if (v === undefined) return fallback;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        throw new KafkaJSNonRetriableError(`Consumer ${name} must be ${unit}, got ${shown(v)}`);
      return v;
    };
  const ms = num('a number of milliseconds');
  const heartbeatInterval = ms('heartbeatInterval', config.heartbeatInterval, 3000);
  const sessionTimeout = ms('sessionTimeout', config.sessionTimeout, 30000);
  if (heartbeatInterval >= sessionTimeout)
    throw new KafkaJSNonRetriableError(
      `Consumer heartbeatInterval (${heartbeatInterval}) must be lower than sessionTimeout (${sessionTimeout}). It is recommended to set heartbeatInterval to approximately a third of the sessionTimeout.`,
    );
  const timing: ConsumerTiming = {
    sessionTimeout,
    heartbeatInterval,
    rebalanceTimeout: ms('rebalanceTimeout', config.rebalanceTimeout, 60000),
    maxWaitTimeInMs: ms('maxWaitTimeInMs', config.maxWaitTimeInMs, 5000),
    maxBytesPerPartition: num('a number of bytes')('maxBytesPerPartition', config.maxBytesPerPartition, 1048576),
  };
  const retry = config.retry ?? {};
  if (typeof retry !== 'object' || retry === null)
    throw new KafkaJSNonRetriableError('Consumer retry must be an object');
  const retries = num('a whole number of retries')('retry.retries', retry.retries, 5);
  if (!Number.isInteger(retries))
    throw new KafkaJSNonRetriableError(`Consumer retry.retries must be a whole number of retries, got ${retries}`);
  return {
    groupId: config.groupId,
    readCommitted: config.readUncommitted !== true,
    timing,
    retries: {
      retries,
      initialRetryTime: ms('retry.initialRetryTime', retry.initialRetryTime, 300),
      multiplier: num("a number (the factor each retry's wait grows by)")('retry.multiplier', retry.multiplier, 2),
      maxRetryTime: ms('retry.maxRetryTime', retry.maxRetryTime, 30000),
    },
  };
}
