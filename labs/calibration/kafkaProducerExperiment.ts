/**
 * Kafka's producer with three-way replication (Kreps, "Benchmarking Apache Kafka: 2 Million Writes
 * Per Second (On Three Cheap Machines)", LinkedIn Engineering, 2014; docs/calibration/
 * published-figures.md, section 4), a validation experiment: never tuned against.
 *
 * The published set-up: 3 brokers; a topic of 6 partitions with replication factor 3; acks=1
 * (the leader answers after its own write; followers copy asynchronously); 100-byte records with
 * about 22 bytes of per-record overhead; batch.size 8,196 bytes; producers on separate machines.
 * The machines are `KREPS_2014_MACHINE` below (the only place this hardware is defined).
 *
 * The engine's producer batches per partition with one request in flight per partition; with the
 * wire model (engine/streaming/wireModel.ts) a request also takes its bytes' time through the
 * producer's NIC and the leader's NIC. Throughput is measured as records acknowledged per second
 * of simulated time, over `recordsPerProducer` records from each producer (a steady state: the
 * published run sent 50 million; a shorter run gives the same rate in the model).
 */
import { Kernel, nullSink } from '../../engine/core';
import { BrokerCluster, Ledger, Producer, ProducerNetwork, WireModel } from '../../engine/streaming';
import type { Experiment } from './calibrationTypes';

/**
 * Kreps' machines (2014): Intel Xeon 2.5 GHz with 6 cores, six 7200 RPM SATA drives in JBOD,
 * 32 GB of RAM, 1 Gb Ethernet. Only the NIC enters the model (see wireModel.ts for what does not).
 */
export const KREPS_2014_MACHINE = {
  description: 'Xeon 2.5 GHz 6 cores, 6 x 7200 RPM SATA (JBOD), 32 GB RAM, 1 GbE',
  cores: 6,
  memoryMb: 32 * 1024,
  disks: 6,
  nicBitsPerSecond: 1e9,
} as const;

export const KAFKA_RECORD_BYTES = 100;
/** Kreps: "about 22 bytes" of overhead per record (key, CRC, offset, size). */
export const KAFKA_RECORD_OVERHEAD_BYTES = 22;
/** batch.size of the published acks=1 runs, bytes. */
export const KAFKA_BATCH_BYTES = 8196;
/**
 * One-way latency between machines on one switch: not published. At 0.1 ms the NICs bound the
 * rate; from about 0.15 ms on, the engine's one request in flight per partition would (Kafka's
 * producer allows max.in.flight.requests.per.connection = 5 per broker connection instead).
 */
const LAN_LATENCY_MS = 0.1;

export interface KafkaProducerOptions {
  producers: number;
  recordsPerProducer?: number;
  networkLatencyMs?: number;
}

export interface KafkaProducerRun {
  recordsPerSecond: number;
  /** Payload MB/s (2^20 bytes of 100-byte values), as the published MB/s counts them. */
  payloadMBps: number;
  acknowledged: number;
  simulatedMs: number;
  /** Records each broker leads (6 partitions over 3 brokers: even). */
  perLeader: Record<string, number>;
}

/** Runs the producer test: `producers` machines each sending `recordsPerProducer` 100-byte records. */
export function runKafkaProducer(options: KafkaProducerOptions): KafkaProducerRun {
  const perProducer = options.recordsPerProducer ?? 100_000;
  const kernel = new Kernel();
  const ledger = new Ledger();
  const brokers = new BrokerCluster(
    [{ id: 'broker-1' }, { id: 'broker-2' }, { id: 'broker-3' }],
    kernel,
    ledger,
    nullSink,
  );
  brokers.createTopic({
    name: 'test',
    partitions: 6,
    replicationFactor: 3,
    minInsyncReplicas: 1,
    retentionMs: Infinity,
    retentionRecords: Infinity,
  });
  brokers.start();
  const bytesPerRecord = KAFKA_RECORD_BYTES + KAFKA_RECORD_OVERHEAD_BYTES;
  const wire = new WireModel(KREPS_2014_MACHINE.nicBitsPerSecond, bytesPerRecord);
  const network = new ProducerNetwork();
  const producers: Producer[] = [];
  for (let i = 1; i <= options.producers; i++) {
    const producer = new Producer(
      {
        id: `producer-${i}`,
        topic: 'test',
        acks: 1,
        retries: 0,
        idempotent: false,
        requestTimeoutMs: 30_000,
        retryBackoffMs: 100,
        maxBatchRecords: Math.floor(KAFKA_BATCH_BYTES / bytesPerRecord),
        networkLatencyMs: options.networkLatencyMs ?? LAN_LATENCY_MS,
      },
      6,
      kernel,
      brokers,
      network,
      ledger,
      nullSink,
      wire,
    );
    for (let r = 0; r < perProducer; r++) producer.send(null, r, 0);
    producer.flush();
    producers.push(producer);
  }
  const total = perProducer * options.producers;
  const acked = () => producers.reduce((n, p) => n + p.stats.acknowledged, 0);
  // Step the clock in 0.1 ms: the follower fetches repeat forever, so the run has no natural end.
  while (acked() < total) {
    const before = kernel.now;
    kernel.run({ until: before + 0.1 });
    if (kernel.now > 600_000) throw new Error('Kafka producer experiment: not done after 10 simulated minutes');
  }
  const seconds = kernel.now / 1000;
  const perLeader: Record<string, number> = {};
  for (const ps of brokers.partitions('test'))
    perLeader[ps.leader!] = (perLeader[ps.leader!] ?? 0) + ps.log.logEndOffset;
  return {
    recordsPerSecond: total / seconds,
    payloadMBps: (total * KAFKA_RECORD_BYTES) / 2 ** 20 / seconds,
    acknowledged: acked(),
    simulatedMs: kernel.now,
    perLeader,
  };
}

export const kafkaProducerExperiment: Experiment = {
  id: 'kafka-producer',
  title: 'Kafka: producer throughput, 3 brokers, 6 partitions replicated 3 times, acks=1 (Kreps 2014)',
  figures: ['kafka.producer.3x-async.1', 'kafka.producer.3x-async.3'],
  run() {
    return Promise.resolve({
      'kafka.producer.3x-async.1': runKafkaProducer({ producers: 1 }).recordsPerSecond,
      'kafka.producer.3x-async.3': runKafkaProducer({ producers: 3 }).recordsPerSecond,
    });
  },
};
