import { describe, it, expect } from 'vitest';
import { Kernel, nullSink } from '../core';
import { BrokerCluster } from './brokerCluster';
import { Ledger } from './ledger';
import { partitionForKey } from './partitioner';
import { Producer, ProducerNetwork, type ProducerOptions } from './producer';

function setup(options: Partial<ProducerOptions> = {}) {
  const kernel = new Kernel();
  const ledger = new Ledger();
  const cluster = new BrokerCluster([{ id: 'n1' }, { id: 'n2' }], kernel, ledger, nullSink, {
    replicaFetchMs: 5,
    retentionCheckMs: 1000,
  });
  cluster.createTopic({
    name: 't',
    partitions: 4,
    replicationFactor: 2,
    minInsyncReplicas: 1,
    retentionMs: Infinity,
    retentionRecords: Infinity,
  });
  cluster.start();
  const network = new ProducerNetwork();
  const opts: ProducerOptions = {
    id: 'p',
    topic: 't',
    acks: 1,
    retries: 3,
    idempotent: false,
    requestTimeoutMs: 50,
    retryBackoffMs: 10,
    maxBatchRecords: 1000,
    networkLatencyMs: 1,
    ...options,
  };
  const producer = new Producer(opts, 4, kernel, cluster, network, ledger, nullSink);
  const logSize = () => cluster.partitions('t').reduce((n, p) => n + p.log.logEndOffset, 0);
  return { kernel, ledger, cluster, network, producer, logSize };
}

describe('Producer', () => {
  it('sends records with the same key to the same partition, in order', () => {
    const { kernel, cluster, producer } = setup();
    for (let i = 0; i < 10; i++) producer.send('car-7', i, 0);
    producer.flush();
    kernel.run({ until: 100 });
    const p = partitionForKey('car-7', 4);
    expect(
      cluster
        .partition('t', p)
        .log.read(0, 100)
        .map((r) => r.value),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(partitionForKey('car-7', 4)).toBe(p);
  });

  it("puts every key in its murmur2 partition, however many keys it has seen, in each partition's send order", () => {
    const { kernel, cluster, producer } = setup({ maxBatchRecords: 100_000 });
    const keys = Array.from({ length: 10_000 }, (_, i) => `sensor-${i % 6000}-${i % 7 === 0 ? 'é' : 'x'}`);
    keys.forEach((k, i) => producer.send(k, i, 0));
    producer.flush();
    kernel.run({ until: 100 });
    for (let p = 0; p < 4; p++) {
      const log = cluster.partition('t', p).log.read(0, 100_000);
      const expected = keys.map((k, i) => [k, i] as const).filter(([k]) => partitionForKey(k, 4) === p);
      expect(log.map((r) => [r.key, r.value])).toEqual(expected.map(([k, i]) => [k, i]));
    }
  });

  it('duplicates a batch whose answer was lost, unless it is idempotent', () => {
    for (const idempotent of [false, true]) {
      const { kernel, network, producer, logSize } = setup({ idempotent });
      // The request leaves at t=0 and arrives at t=1; the answer leaves at t=1 into a dead link.
      network.dropBetween('p', 1, 20);
      producer.send('a', 1, 0);
      producer.flush();
      kernel.run({ until: 500 });
      expect(producer.stats.timeouts).toBe(1);
      expect(logSize()).toBe(idempotent ? 1 : 2);
      expect(producer.unacknowledged()).toEqual([]);
    }
  });

  it('with acks=0 loses what it sends into a dead link, without retrying', () => {
    const { kernel, network, producer, ledger, logSize } = setup({ acks: 0 });
    network.dropBetween('p', 0, 10);
    producer.send('a', 1, 0);
    producer.flush();
    kernel.run({ until: 100 });
    expect(logSize()).toBe(0);
    expect(producer.stats.retries).toBe(0);
    expect(ledger.summarize().lostBeforeLog).toBe(1);
  });

  it('retries through an outage and gives up after the configured retries', () => {
    const ok = setup({ retries: 10 });
    ok.network.dropBetween('p', 0, 200);
    ok.producer.send('a', 1, 0);
    ok.producer.flush();
    ok.kernel.run({ until: 2000 });
    expect(ok.logSize()).toBe(1);
    expect(ok.producer.stats.retries).toBeGreaterThan(0);

    const gaveUp = setup({ retries: 1 });
    gaveUp.network.dropBetween('p', 0, 10_000);
    gaveUp.producer.send('a', 1, 0);
    gaveUp.producer.flush();
    gaveUp.kernel.run({ until: 2000 });
    expect(gaveUp.logSize()).toBe(0);
    expect(gaveUp.producer.stats.gaveUp).toBe(1);
  });

  it('with acks=all answers only after the followers copied the batch', () => {
    const { kernel, producer } = setup({ acks: 'all' });
    producer.send('a', 1, 0);
    producer.flush();
    kernel.run({ until: 3 });
    expect(producer.stats.acknowledged).toBe(0);
    kernel.run({ until: 10 });
    expect(producer.stats.acknowledged).toBe(1);
  });
});
