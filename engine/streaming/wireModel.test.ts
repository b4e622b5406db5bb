import { describe, expect, it } from 'vitest';
import { Kernel, nullSink } from '../core';
import { BrokerCluster } from './brokerCluster';
import { Ledger } from './ledger';
import { Producer, ProducerNetwork } from './producer';
import { NicLink, WireModel } from './wireModel';

describe('NicLink', () => {
  it('sends one transfer at a time at its line rate, first come first served', () => {
    const link = new NicLink(8e6); // 1,000 bytes per ms
    expect(link.bytesPerMs).toBe(1000);
    expect(link.reserve(0, 500)).toBe(0.5);
    expect(link.reserve(0, 1000)).toBe(1.5); // waits for the first
    expect(link.reserve(10, 1000)).toBe(11); // idle link starts at once
    expect(() => new NicLink(0)).toThrow('bitsPerSecond');
  });
});

describe('WireModel', () => {
  it('charges a request on the producer NIC and the leader NIC; producers share a broker NIC', () => {
    const wire = new WireModel(8e6, 100); // 1,000 bytes per ms, 100 bytes per record
    expect(wire.requestMs(0, 'p1', 'b1', 10)).toBe(1);
    // Another producer to the same broker: its own NIC is free, the broker's is busy until 1 ms.
    expect(wire.requestMs(0, 'p2', 'b1', 10)).toBe(2);
    // To another broker: only its own NIC.
    expect(wire.requestMs(0, 'p3', 'b2', 10)).toBe(1);
    expect(wire.bytesSent).toBe(3000);
  });

  it('bounds a producer by its NIC; without it only latency does', () => {
    const run = (wire?: WireModel) => {
      const kernel = new Kernel();
      const ledger = new Ledger();
      const cluster = new BrokerCluster([{ id: 'n1' }, { id: 'n2' }], kernel, ledger, nullSink);
      cluster.createTopic({
        name: 't',
        partitions: 2,
        replicationFactor: 2,
        minInsyncReplicas: 1,
        retentionMs: Infinity,
        retentionRecords: Infinity,
      });
      const opts = {
        id: 'p',
        topic: 't',
        acks: 1 as const,
        retries: 0,
        idempotent: false,
        requestTimeoutMs: 10_000,
        retryBackoffMs: 10,
        maxBatchRecords: 10,
        networkLatencyMs: 0.01,
      };
      const producer = new Producer(opts, 2, kernel, cluster, new ProducerNetwork(), ledger, nullSink, wire);
      for (let i = 0; i < 1000; i++) producer.send(null, i, 0);
      producer.flush();
      kernel.run();
      expect(producer.stats.acknowledged).toBe(1000);
      return kernel.now;
    };
    // 1000 records x 100 bytes at 1,000 bytes/ms: at least 100 ms.
    expect(run(new WireModel(8e6, 100))).toBeGreaterThanOrEqual(100);
    expect(run()).toBeLessThan(2);
  });
});
