/**
 * KafkaJS's consumer options (kafka.consumer({ ... })), checked and given KafkaJS's defaults:
 * groupId; sessionTimeout 30 s, heartbeatInterval 3 s (below the session), rebalanceTimeout 60 s,
 * maxWaitTimeInMs 5 s, maxBytesPerPartition 1 MB; readUncommitted false; retry 5 times from 300 ms,
 * doubling, at most 30 s. A bad option throws KafkaJSNonRetriableError naming it.
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
  const ms = (name: string, v: unknown, fallback: number): number => {
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw new KafkaJSNonRetriableError(`Consumer ${name} must be a number of milliseconds, got ${String(v)}`);
    return v;
  };
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
    maxBytesPerPartition: ms('maxBytesPerPartition', config.maxBytesPerPartition, 1048576),
  };
  const retry = config.retry ?? {};
  if (typeof retry !== 'object' || retry === null)
    throw new KafkaJSNonRetriableError('Consumer retry must be an object');
  const retries = ms('retry.retries', retry.retries, 5);
  if (!Number.isInteger(retries))
    throw new KafkaJSNonRetriableError(`Consumer retry.retries must be a whole number, got ${retries}`);
  return {
    groupId: config.groupId,
    readCommitted: config.readUncommitted !== true,
    timing,
    retries: {
      retries,
      initialRetryTime: ms('retry.initialRetryTime', retry.initialRetryTime, 300),
      multiplier: ms('retry.multiplier', retry.multiplier, 2),
      maxRetryTime: ms('retry.maxRetryTime', retry.maxRetryTime, 30000),
    },
  };
}
