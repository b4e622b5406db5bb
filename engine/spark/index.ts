/**
 * engine/spark: RDDs with lineage, the driver, the application (stage runner, partition costs,
 * map output tracker, shuffle fetches), the DAG scheduler, the task scheduler with delay
 * scheduling, executors in YARN containers, the block manager and Spark's settings; the RDD API
 * (RDD_METHODS) and its partitioners.
 */
export { runSparkJob, type SparkJobFailure } from './sparkJobRun';
export { SparkApplication } from './sparkApplication';
export { DagScheduler, RESUBMIT_TIMEOUT_MS } from './dagScheduler';
export { TaskScheduler } from './taskScheduler';
export {
  resolveSparkConf,
  parseSparkTime,
  SPARK_DEFAULTS,
  SPARK_CONF_KEYS,
  type SparkConf,
  type SparkConfInput,
} from './sparkConf';
export { createSparkSession, DataFrame, GroupedData, Column, functions, showString, javaDoubleString } from './sql';
// spark.sql's planning pieces, for the tests that run them on DuckDB (cli/).
export { sqlShapeOf, partialAggregateSql } from './sql';
export { RDD_METHODS } from './rddHandle';
export { HashPartitioner, javaHash, stringHashCode, type Partitioner } from './hashPartitioner';
export { RangePartitioner } from './rangePartitioner';
export { StatCounter } from './rddStats';
export { sequenceFileText, type SequenceFileText } from './sequenceFileText';
