export { sparkStreamSession, type SparkStreamSession } from './sparkStreamSession';
export type { MicroBatchReport, WindowCell, OffsetRange } from './kafkaSource';
