import { describe, it, expect } from 'vitest';
import { Kernel, Trace } from '../core';
import { BrokerCluster } from './brokerCluster';
import { Ledger } from './ledger';
import type { Acks, LogRecord } from './types';

function setup(rf = 3, minIsr = 1) {
  const kernel = new Kernel();
  const ledger = new Ledger();
  const trace = new Trace();
  const cluster = new BrokerCluster([{ id: 'n1' }, { id: 'n2' }, { id: 'n3' }], kernel, ledger, trace, {
    replicaFetchMs: 10,
    retentionCheckMs: 1000,
  });
  cluster.createTopic({
    name: 't',
    partitions: 3,
    replicationFactor: rf,
    minInsyncReplicas: minIsr,
    retentionMs: Infinity,
    retentionRecords: Infinity,
  });
  cluster.start();
  const records = (n: number, seq = -1): LogRecord[] =>
    Array.from({ length: n }, (_, i) => ({
      id: ledger.nextId(),
      key: 'k',
      value: i,
      eventTime: 0,
      partition: 0,
      offset: -1,
      appendTime: -1,
      producer: 'p',
      seq: seq < 0 ? -1 : seq + i,
    }));
  const produce = (rs: LogRecord[], acks: Acks = 1, idempotent = false) =>
    cluster.produce({ topic: 't', partition: 0, producerId: 'p', idempotent, acks, records: rs });
  return { kernel, ledger, trace, cluster, records, produce };
}

describe('BrokerCluster', () => {
  it('places replicas on consecutive brokers with the first as leader', () => {
    const { cluster } = setup();
    expect(cluster.partitions('t').map((p) => [p.leader, p.replicas.join(',')])).toEqual([
      ['n1', 'n1,n2,n3'],
      ['n2', 'n2,n3,n1'],
      ['n3', 'n3,n1,n2'],
    ]);
  });

  it('moves the high watermark only when followers have copied, and answers acks=all then', () => {
    const { kernel, cluster, records, produce } = setup();
    const r = produce(records(4), 'all');
    expect(r).toMatchObject({ error: null, lastOffset: 3 });
    const ps = cluster.partition('t', 0);
    expect(ps.log.highWatermark).toBe(0);
    expect(cluster.fetch('t', 0, 0, 10)).toEqual([]);
    let acked = -1;
    cluster.whenCommitted('t', 0, 3, (ok) => (acked = ok ? kernel.now : -2));
    kernel.run({ until: 10 });
    expect(acked).toBe(10);
    expect(cluster.fetch('t', 0, 0, 10)).toHaveLength(4);
  });

  it('elects an in-sync replica when the leader dies and cuts off what it had not copied (acks=1 loss)', () => {
    const { kernel, cluster, ledger, records, produce, trace } = setup();
    produce(records(3));
    kernel.run({ until: 10 });
    const late = records(2);
    produce(late); // acks=1: acknowledged by the leader only
    cluster.killBroker('n1');
    const ps = cluster.partition('t', 0);
    expect(ps.leader).toBe('n2');
    expect(ps.isr).toEqual(['n2', 'n3']);
    expect(ps.log.logEndOffset).toBe(3);
    expect(late.map((r) => ledger.appendedTimes(r.id))).toEqual([0, 0]);
    expect(trace.ofType('leaderElected')[0]).toMatchObject({ partition: 0, leader: 'n2', truncated: 2 });
  });

  it('goes offline when the last in-sync replica dies and comes back with it', () => {
    const { cluster, records, produce } = setup(1);
    produce(records(2));
    cluster.killBroker('n1');
    expect(cluster.partition('t', 0).leader).toBeNull();
    expect(produce(records(1))).toMatchObject({ error: 'offline' });
    cluster.restartBroker('n1');
    expect(cluster.partition('t', 0).leader).toBe('n1');
    expect(cluster.partition('t', 0).log.logEndOffset).toBe(2);
  });

  it('refuses acks=all writes while the ISR is smaller than minInsyncReplicas', () => {
    const { cluster, records, produce } = setup(2, 2);
    cluster.killBroker('n2');
    expect(produce(records(1), 'all')).toMatchObject({ error: 'notEnoughReplicas' });
    expect(produce(records(1), 1)).toMatchObject({ error: null });
  });

  it('acknowledges a retried idempotent batch without appending it again', () => {
    const { cluster, ledger, records, produce } = setup();
    const batch = records(3, 0);
    expect(produce(batch, 1, true)).toMatchObject({ error: null, lastOffset: 2, duplicate: false });
    expect(produce(batch, 1, true)).toMatchObject({ error: null, lastOffset: 2, duplicate: true });
    expect(cluster.partition('t', 0).log.logEndOffset).toBe(3);
    expect(produce(batch, 1, false)).toMatchObject({ duplicate: false });
    expect(ledger.appendedTimes(batch[0]!.id)).toBe(2);
  });
});
