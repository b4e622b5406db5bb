import { describe, expect, it } from 'vitest';
import { kafkaFigures } from './figures/hdfsKafkaFigures';
import {
  KAFKA_RECORD_BYTES,
  KAFKA_RECORD_OVERHEAD_BYTES,
  KREPS_2014_MACHINE,
  kafkaProducerExperiment,
  runKafkaProducer,
} from './kafkaProducerExperiment';

/** What one 1 GbE NIC can carry, in records of 100 + 22 bytes per second. */
const NIC_RECORDS_PER_S = KREPS_2014_MACHINE.nicBitsPerSecond / 8 / (KAFKA_RECORD_BYTES + KAFKA_RECORD_OVERHEAD_BYTES);

describe('Kafka producer experiment (validation)', () => {
  it('one producer is bounded by its 1 GbE NIC, and gets close to it', () => {
    const r = runKafkaProducer({ producers: 1, recordsPerProducer: 50_000 });
    expect(r.acknowledged).toBe(50_000);
    expect(r.recordsPerSecond).toBeLessThanOrEqual(NIC_RECORDS_PER_S);
    expect(r.recordsPerSecond).toBeGreaterThan(0.95 * NIC_RECORDS_PER_S);
    expect(r.payloadMBps).toBeCloseTo((r.recordsPerSecond * 100) / 2 ** 20, 6);
    // Six partitions, two led by each broker: the load is even.
    expect(Object.values(r.perLeader).sort()).toEqual([16_666, 16_667, 16_667]);
  });

  it('three producers on three machines get three NICs, shared by the brokers', () => {
    const one = runKafkaProducer({ producers: 1, recordsPerProducer: 30_000 });
    const three = runKafkaProducer({ producers: 3, recordsPerProducer: 30_000 });
    expect(three.recordsPerSecond).toBeLessThanOrEqual(3 * NIC_RECORDS_PER_S);
    expect(three.recordsPerSecond / one.recordsPerSecond).toBeGreaterThan(2.8);
  });

  it('is deterministic and names its figures', async () => {
    const a = await kafkaProducerExperiment.run();
    expect(await kafkaProducerExperiment.run()).toEqual(a);
    expect(Object.keys(a).sort()).toEqual([...kafkaProducerExperiment.figures].sort());
    expect(kafkaFigures.map((f) => f.id).sort()).toEqual([...kafkaProducerExperiment.figures].sort());
  });
});
