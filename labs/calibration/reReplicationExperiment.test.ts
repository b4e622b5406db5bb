import { describe, expect, it } from 'vitest';
import { HADOOP_HDFS_DEFAULTS } from '../../engine/hdfs';
import { hdfsFigures } from './figures/hdfsKafkaFigures';
import {
  RE_REPLICATION_NODES,
  TB_PER_DISK,
  reReplicationExperiment,
  reReplicationLowerBoundS,
  runReReplication,
} from './reReplicationExperiment';

describe('HDFS re-replication experiment (validation)', () => {
  it('declares the node dead after 630 s and restores every lost replica within the NameNode limits', () => {
    const r = runReReplication();
    // 2 x recheck + 10 x heartbeat after the last heartbeat.
    expect(r.detectionS).toBe(630);
    // Every 128 MB block of the node's 4 TB lost a replica, and all are back.
    expect(r.blocksLost).toBe(Math.ceil((TB_PER_DISK * 1e12) / HADOOP_HDFS_DEFAULTS.blockSize));
    expect(r.underReplicated).toBe(0);
    // max-streams per source, work multiplier x live nodes per round.
    expect(r.maxSourceStreams).toBe(HADOOP_HDFS_DEFAULTS.maxReplicationStreams);
    const perRound = HADOOP_HDFS_DEFAULTS.replicationWorkMultiplier * (RE_REPLICATION_NODES - 1);
    expect(r.maxPerRound).toBeLessThanOrEqual(perRound);
    // So recovery cannot be faster than the rounds allow.
    const rounds = Math.ceil(r.blocksLost / perRound) - 1;
    expect(r.restoreS).toBeGreaterThanOrEqual((rounds * HADOOP_HDFS_DEFAULTS.replicationIntervalMs) / 1000);
  });

  it("is deterministic, names its figures, and the bound is Cloudera's 800 s", async () => {
    const a = await reReplicationExperiment.run();
    const b = await reReplicationExperiment.run();
    expect(a).toEqual(b);
    expect(Object.keys(a).sort()).toEqual([...reReplicationExperiment.figures].sort());
    expect(hdfsFigures.map((f) => f.id).sort()).toEqual([...reReplicationExperiment.figures].sort());
    expect(reReplicationLowerBoundS(TB_PER_DISK, RE_REPLICATION_NODES)).toBe(800);
    expect(hdfsFigures.find((f) => f.id === 'hdfs.re-replication.lower-bound')!.value).toBe(800);
  });
});
