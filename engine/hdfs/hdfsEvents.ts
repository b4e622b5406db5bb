import { eventTypes } from '../core';

/** Trace events of HDFS, named in the past tense. Blocks are numbered ids from FIRST_BLOCK_ID, named `blk_<id>` as in Hadoop. */
export type HdfsEvent =
  | { t: number; type: 'dirCreated'; path: string }
  | {
      t: number;
      type: 'fileWritten';
      path: string;
      bytes: number;
      blocks: number;
      replication: number;
      generated: boolean;
    }
  | { t: number; type: 'fileAppended'; path: string; bytes: number; blocks: number }
  | { t: number; type: 'pathDeleted'; path: string; files: number; blocks: number }
  /**
   * A block placed on its DataNodes: `replicas` in write-pipeline order (the client streams the
   * block to the first, which forwards it to the second, and so on); `writer` is the client's node
   * (null: a client outside the cluster) and `pipelineMs` what the cost model charges that pipeline.
   */
  | {
      t: number;
      type: 'blockAllocated';
      block: number;
      path: string;
      index: number;
      bytes: number;
      replicas: string[];
      writer?: string | null;
      pipelineMs?: number;
    }
  /**
   * A client on `reader` read blocks of `path` of which at least one came from another DataNode
   * (Hadoop's DataNode clienttrace, op HDFS_READ): each piece's block, the replica that served it
   * (the closest live one), its bytes and the cost model's time for it, in reading order.
   */
  | {
      t: number;
      type: 'blocksRead';
      reader: string;
      path: string;
      pieces: { block: number; node: string; bytes: number; ms: number }[];
    }
  | { t: number; type: 'dataNodeDeclaredDead'; node: string; replicasLost: number }
  | { t: number; type: 'dataNodeRejoined'; node: string; replicasReported: number }
  | { t: number; type: 'replicaLost'; block: number; node: string; reason: 'diskFailed' }
  | { t: number; type: 'blockUnderReplicated'; block: number; replicas: number; target: number }
  | { t: number; type: 'blockMissing'; block: number; path: string }
  | { t: number; type: 'replicationStarted'; block: number; from: string; to: string; bytes: number }
  | { t: number; type: 'blockReplicated'; block: number; from: string; to: string; bytes: number; ms: number }
  | { t: number; type: 'replicationFailed'; block: number; from: string; to: string }
  | { t: number; type: 'replicaDeleted'; block: number; node: string; reason: 'excess' | 'fileDeleted' };

/** Every HdfsEvent type (checked when compiled), for isTracing. */
export const HDFS_EVENT_TYPES = eventTypes<HdfsEvent['type']>()([
  'dirCreated',
  'fileWritten',
  'fileAppended',
  'pathDeleted',
  'blockAllocated',
  'blocksRead',
  'dataNodeDeclaredDead',
  'dataNodeRejoined',
  'replicaLost',
  'blockUnderReplicated',
  'blockMissing',
  'replicationStarted',
  'blockReplicated',
  'replicationFailed',
  'replicaDeleted',
]);
