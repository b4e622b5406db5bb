/**
 * Validation figures (never tuned against): HDFS after a DataNode loss at Hadoop's defaults and
 * Kafka's producer with three-way replication (docs/calibration/published-figures.md, sections 3
 * and 4).
 */
import type { PublishedFigure } from '../calibrationTypes';

const CLOUDERA_DEAD_NODE =
  'Cloudera Runtime 7.2.10 docs, "How NameNode manages blocks on a failed DataNode" ("10.5 minutes by default"); Pivotal KB, HDFS 2.6.0: 2 x dfs.namenode.heartbeat.recheck-interval (5 min) + 10 x dfs.heartbeat.interval (3 s)';
const CLOUDERA_ESTIMATE =
  'Cloudera Community article "HDFS Recovery Time from Single DataNode Failure" (2017-06-22): lower bound 20,000 * c / n s (c = TB per disk, n = DataNodes, 100 MB/s per disk); 100 nodes, 4 TB per disk: 800 s';
const KREPS =
  'Kreps, "Benchmarking Apache Kafka: 2 Million Writes Per Second (On Three Cheap Machines)", LinkedIn Engineering blog, 2014 (numbers verified in secondary copies only)';

export const hdfsFigures: PublishedFigure[] = [
  {
    id: 'hdfs.dead-node-detection',
    role: 'validation',
    what: "HDFS at default settings: seconds from a DataNode's last heartbeat until the NameNode declares it dead",
    value: 630,
    unit: 's',
    source: CLOUDERA_DEAD_NODE,
  },
  {
    id: 'hdfs.re-replication.lower-bound',
    role: 'validation',
    what: 'HDFS, 100 DataNodes with 4 TB per disk: seconds from declaring a DataNode dead until its replicas are restored. The published value is a LOWER BOUND (disk-bound, perfect scheduler, no network limit): a simulated value below it is physically impossible; the band is kept for the report, the ratio to the bound is what to read',
    value: 800,
    unit: 's',
    source: CLOUDERA_ESTIMATE,
    kind: 'lower-bound',
  },
];

export const kafkaFigures: PublishedFigure[] = [
  {
    id: 'kafka.producer.3x-async.1',
    role: 'validation',
    what: 'Kafka, 3 brokers, 6 partitions replicated 3 times, acks=1: one producer thread sending 100-byte records, records per second',
    value: 786_980,
    unit: 'records/s',
    source: KREPS,
  },
  {
    id: 'kafka.producer.3x-async.3',
    role: 'validation',
    what: 'Kafka, 3 brokers, 6 partitions replicated 3 times, acks=1: three producers on three machines, 100-byte records, records per second in all',
    value: 2_024_032,
    unit: 'records/s',
    source: KREPS,
  },
];
