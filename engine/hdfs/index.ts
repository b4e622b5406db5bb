/** engine/hdfs: the NameNode namespace, blocks and replicas, DataNode liveness and re-replication. */
export { Hdfs } from './hdfs';
export { HADOOP_HDFS_DEFAULTS, resolveHdfsConfig, type HdfsConfig } from './hdfsConfig';
export { HdfsError, normalizePath, parentOf, baseName, type HdfsErrorCode } from './hdfsPath';
export { randomBytes, fixedWidthLines, type ContentGenerator } from './contentGenerator';
export { BlockPlacementPolicy } from './blockPlacement';
export { DFS_CLIENT_RETRY, blockAcquireWaitMs, gaveUpMessage, isBlockMissing } from './blockAcquireRetry';
export type { HdfsEvent } from './hdfsEvents';
export { FIRST_BLOCK_ID, blockName } from './hdfsTypes';
export type {
  BlockInfo,
  FileStatus,
  ReadPiece,
  PutOptions,
  HdfsSnapshot,
  HdfsBlockSnapshot,
  HdfsFileSnapshot,
} from './hdfsTypes';
