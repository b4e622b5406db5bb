/**
 * The consumer options' errors name the option, the unit it takes and the value as written (a
 * string quoted); a heartbeatInterval of 0 is accepted, as KafkaJS accepts it (its consumer only
 * refuses a heartbeatInterval not below the sessionTimeout), and the member heartbeats at every chance.
 */
import { describe, expect, it } from 'vitest';
import { parseConsumerConfig } from './consumerConfig';
import { kafkaRun, topic } from '../__tests__/kafkaRun';
import type { ConsumerConfig } from './consumerPayloads';

const parse = (extra: Record<string, unknown>) =>
  parseConsumerConfig({ groupId: 'g', ...extra } as unknown as ConsumerConfig);

describe('parseConsumerConfig', () => {
  it.each([
    [{ sessionTimeout: '10000' }, 'Consumer sessionTimeout must be a number of milliseconds, got "10000"'],
    [{ maxBytesPerPartition: 'big' }, 'Consumer maxBytesPerPartition must be a number of bytes, got "big"'],
    [{ retry: { retries: 'many' } }, 'Consumer retry.retries must be a whole number of retries, got "many"'],
    [{ retry: { retries: 2.5 } }, 'Consumer retry.retries must be a whole number of retries, got 2.5'],
    [
      { retry: { multiplier: 'x2' } },
      `Consumer retry.multiplier must be a number (the factor each retry's wait grows by), got "x2"`,
    ],
    [{ rebalanceTimeout: -1 }, 'Consumer rebalanceTimeout must be a number of milliseconds, got -1'],
  ])('refuses %j', (extra, message) => {
    expect(() => parse(extra)).toThrow(message);
  });

  it('accepts a heartbeatInterval of 0, as KafkaJS does, and the member heartbeats as it goes', async () => {
    expect(parse({ heartbeatInterval: 0 }).timing.heartbeatInterval).toBe(0);
    const { kafka, run, host, trace } = kafkaRun([topic('in', 1)], 1, 20);
    await run(
      [
        async () => {
          const producer = kafka.producer();
          await producer.connect();
          await producer.send({ topic: 'in', messages: [{ value: 'a' }, { value: 'b' }, { value: 'c' }] });
          const consumer = kafka.consumer({ groupId: 'g', heartbeatInterval: 0 });
          await consumer.subscribe({ topics: ['in'], fromBeginning: true });
          await consumer.run({ eachMessage: async () => {} });
        },
      ],
      20_000,
    );
    expect(trace.events.filter((e) => e.type === 'sessionExpired')).toEqual([]);
    expect(host.ledger.summarize().processed).toBe(3);
  });
});
