// Spark Structured Streaming in a streaming program (engine/streaming/structured/): each function the
// file exports gets `spark` (`export async function consume({ spark })`), which reads Kafka topics as
// a stream in micro-batches, with Spark 3's names, defaults, checks and messages.

/**
 * The `spark` a streaming program's functions get: Spark's session as far as Structured Streaming goes.
 * A query: `spark.readStream.format('kafka')...load()`, transformations, `writeStream...start()`.
 */
interface SparkStreamSession {
  /** @counterpart Spark: SparkSession.readStream · PySpark: SparkSession.readStream */
  readonly readStream: DataStreamReader;
  /** The functions object: `const { col, window, get_json_object } = spark.functions`. @counterpart Spark: functions */
  readonly functions: SqlFunctions;
  /** The queries of this program. @counterpart Spark: SparkSession.streams · PySpark: SparkSession.streams */
  readonly streams: StreamingQueryManager;
}

/**
 * The stream's source: Spark's Kafka source (spark-sql-kafka-0-10). Options: `kafka.bootstrap.servers`
 * (required), `subscribe` (topics, comma-separated; required), `startingOffsets` (`latest`, the default,
 * or `earliest`), `maxOffsetsPerTrigger` (at most this many records a batch). The rows have Kafka's
 * columns: key and value (binary: cast them to strings), topic, partition, offset, timestamp,
 * timestampType.
 */
interface DataStreamReader {
  /** `kafka`. @counterpart Spark: DataStreamReader.format · PySpark: DataStreamReader.format */
  format(source: string): DataStreamReader;
  /** @counterpart Spark: DataStreamReader.option · PySpark: DataStreamReader.option */
  option(key: string, value: string | number | boolean): DataStreamReader;
  /** @counterpart Spark: DataStreamReader.options · PySpark: DataStreamReader.options */
  options(map: Record<string, string | number | boolean>): DataStreamReader;
  /** The streaming DataFrame. @counterpart Spark: DataStreamReader.load · PySpark: DataStreamReader.load */
  load(): StreamingDataFrame;
}

/**
 * A DataFrame over a stream: transformations build the query; nothing runs until writeStream...start().
 * Row operators (select, withColumn, filter, withWatermark) come first, then at most one aggregation.
 */
interface StreamingDataFrame {
  /** True. @counterpart Spark: Dataset.isStreaming · PySpark: DataFrame.isStreaming */
  readonly isStreaming: boolean;
  /** @counterpart Spark: Dataset.columns · PySpark: DataFrame.columns */
  readonly columns: string[];
  /** @counterpart Spark: Dataset.printSchema · PySpark: DataFrame.printSchema */
  printSchema(): void;
  /** @counterpart Spark: Dataset.select · PySpark: DataFrame.select */
  select(...cols: (ColumnOrName | ColumnOrName[])[]): StreamingDataFrame;
  /** Throws: ClusterLab reads no SQL text in a stream; use select with columns. @counterpart Spark: Dataset.selectExpr */
  selectExpr(...exprs: string[]): never;
  /** @counterpart Spark: Dataset.withColumn · PySpark: DataFrame.withColumn */
  withColumn(name: string, col: Column): StreamingDataFrame;
  /** @counterpart Spark: Dataset.withColumnRenamed · PySpark: DataFrame.withColumnRenamed */
  withColumnRenamed(existing: string, newName: string): StreamingDataFrame;
  /** @counterpart Spark: Dataset.drop · PySpark: DataFrame.drop */
  drop(...cols: ColumnOrName[]): StreamingDataFrame;
  /** @counterpart Spark: Dataset.filter · PySpark: DataFrame.filter */
  filter(condition: Column): StreamingDataFrame;
  /** @counterpart Spark: Dataset.where · PySpark: DataFrame.where */
  where(condition: Column): StreamingDataFrame;
  /**
   * withWatermark(eventTime, delayThreshold): the watermark trails the largest event time seen by the
   * delay (`'10 seconds'`), moved after each batch. A window that ends at or before it is final: append
   * mode writes it out and forgets it, and a row whose windows have all ended is dropped as late.
   * @counterpart Spark: Dataset.withWatermark · PySpark: DataFrame.withWatermark
   */
  withWatermark(eventTime: string, delayThreshold: string): StreamingDataFrame;
  /** @counterpart Spark: Dataset.groupBy · PySpark: DataFrame.groupBy */
  groupBy(...cols: (ColumnOrName | ColumnOrName[])[]): StreamingGroupedData;
  /** @counterpart PySpark: DataFrame.groupby */
  groupby(...cols: (ColumnOrName | ColumnOrName[])[]): StreamingGroupedData;
  /** The query's writer. @counterpart Spark: Dataset.writeStream · PySpark: DataFrame.writeStream */
  readonly writeStream: DataStreamWriter;
  /** Throws: a stream is written with writeStream. @counterpart Spark: Dataset.write */
  readonly write: never;
  /** Throws Spark's AnalysisException: a stream runs with writeStream.start(). @counterpart Spark: Dataset.collect */
  collect(): never;
  /** Throws Spark's AnalysisException. @counterpart Spark: Dataset.count */
  count(): never;
  /** Throws Spark's AnalysisException (the console sink shows each batch). @counterpart Spark: Dataset.show */
  show(): never;
  /** Throws Spark's AnalysisException. @counterpart Spark: Dataset.take */
  take(): never;
  /** Throws Spark's AnalysisException. @counterpart Spark: Dataset.first */
  first(): never;
}

/** groupBy on a stream: a streaming aggregation, kept as state from batch to batch. */
interface StreamingGroupedData {
  /** A `count` column. @counterpart Spark: RelationalGroupedDataset.count · PySpark: GroupedData.count */
  count(): StreamingDataFrame;
  /** @counterpart Spark: RelationalGroupedDataset.agg · PySpark: GroupedData.agg */
  agg(...exprs: (Column | Column[])[]): StreamingDataFrame;
  /** @counterpart Spark: RelationalGroupedDataset.sum · PySpark: GroupedData.sum */
  sum(...cols: string[]): StreamingDataFrame;
  /** @counterpart Spark: RelationalGroupedDataset.avg · PySpark: GroupedData.avg */
  avg(...cols: string[]): StreamingDataFrame;
  /** @counterpart Spark: RelationalGroupedDataset.mean · PySpark: GroupedData.mean */
  mean(...cols: string[]): StreamingDataFrame;
  /** @counterpart Spark: RelationalGroupedDataset.min · PySpark: GroupedData.min */
  min(...cols: string[]): StreamingDataFrame;
  /** @counterpart Spark: RelationalGroupedDataset.max · PySpark: GroupedData.max */
  max(...cols: string[]): StreamingDataFrame;
}

/**
 * How a query writes: its sink, output mode and trigger. Output modes: `append` (Spark's default: a
 * window once, when the watermark closes it; an aggregation needs a watermark), `update` (the groups a
 * batch changed), `complete` (every group, every batch). Without a trigger a batch starts as soon as the
 * last one ends and data is there.
 */
interface DataStreamWriter {
  /** @counterpart Spark: DataStreamWriter.outputMode · PySpark: DataStreamWriter.outputMode */
  outputMode(mode: 'append' | 'update' | 'complete'): DataStreamWriter;
  /** `console`: each batch as a table (`numRows`, `truncate` options). @counterpart Spark: DataStreamWriter.format */
  format(sink: string): DataStreamWriter;
  /** @counterpart Spark: DataStreamWriter.option · PySpark: DataStreamWriter.option */
  option(key: string, value: string | number | boolean): DataStreamWriter;
  /** @counterpart Spark: DataStreamWriter.options · PySpark: DataStreamWriter.options */
  options(map: Record<string, string | number | boolean>): DataStreamWriter;
  /** @counterpart Spark: DataStreamWriter.queryName · PySpark: DataStreamWriter.queryName */
  queryName(name: string): DataStreamWriter;
  /**
   * trigger({ processingTime: '5 seconds' }): a batch every interval (PySpark's keyword argument).
   * @counterpart Spark: DataStreamWriter.trigger(Trigger.ProcessingTime(...)) · PySpark: DataStreamWriter.trigger
   */
  trigger(spec: { processingTime: string }): DataStreamWriter;
  /**
   * Calls fn with each batch's output and its id (0, 1, ...), before the batch's offsets are committed:
   * write it to the lab's store there.
   * @counterpart Spark: DataStreamWriter.foreachBatch · PySpark: DataStreamWriter.foreachBatch
   */
  foreachBatch(fn: (batchDF: MicroBatchDataFrame, batchId: number) => unknown): DataStreamWriter;
  /** Checks the query as Spark does and starts it. @counterpart Spark: DataStreamWriter.start */
  start(): StreamingQuery;
}

/** One batch's output as foreachBatch gets it: a window is `{ start, end }` of Dates, a timestamp a Date. */
interface MicroBatchDataFrame {
  /** @counterpart Spark: Dataset.columns · PySpark: DataFrame.columns */
  readonly columns: string[];
  /** False: the batch is a plain DataFrame. @counterpart Spark: Dataset.isStreaming */
  readonly isStreaming: boolean;
  /** @counterpart Spark: Dataset.collect · PySpark: DataFrame.collect */
  collect(): Promise<Row[]>;
  /** @counterpart Spark: Dataset.count · PySpark: DataFrame.count */
  count(): Promise<number>;
  /** @counterpart Spark: Dataset.isEmpty · PySpark: DataFrame.isEmpty */
  isEmpty(): Promise<boolean>;
  /** @counterpart Spark: Dataset.show · PySpark: DataFrame.show */
  show(n?: number, truncate?: boolean): Promise<void>;
}

/** A started query. */
interface StreamingQuery {
  /** @counterpart Spark: StreamingQuery.name · PySpark: StreamingQuery.name */
  readonly name: string;
  /** @counterpart Spark: StreamingQuery.id · PySpark: StreamingQuery.id */
  readonly id: string;
  /** @counterpart Spark: StreamingQuery.runId · PySpark: StreamingQuery.runId */
  readonly runId: string;
  /** @counterpart Spark: StreamingQuery.isActive · PySpark: StreamingQuery.isActive */
  readonly isActive: boolean;
  /**
   * The last batch's progress: batchId, numInputRows, eventTime.watermark, stateOperators
   * (numRowsTotal, numRowsUpdated, numRowsDroppedByWatermark), sources (startOffset, endOffset).
   * @counterpart Spark: StreamingQuery.lastProgress · PySpark: StreamingQuery.lastProgress
   */
  readonly lastProgress: Record<string, any> | null;
  /** @counterpart Spark: StreamingQuery.recentProgress · PySpark: StreamingQuery.recentProgress */
  readonly recentProgress: Record<string, any>[];
  /** @counterpart Spark: StreamingQuery.status · PySpark: StreamingQuery.status */
  readonly status: { message: string; isDataAvailable: boolean; isTriggerActive: boolean };
  /** The error that stopped the query, or null. @counterpart Spark: StreamingQuery.exception */
  exception(): Error | null;
  /**
   * Waits until the query stops; rejects with its error. With a timeout: true if it stopped, false if not.
   * @counterpart Spark: StreamingQuery.awaitTermination · PySpark: StreamingQuery.awaitTermination
   */
  awaitTermination(timeoutMs?: number): Promise<boolean | undefined>;
  /** @counterpart Spark: StreamingQuery.stop · PySpark: StreamingQuery.stop */
  stop(): Promise<void>;
}

/** spark.streams. */
interface StreamingQueryManager {
  /** @counterpart Spark: StreamingQueryManager.active · PySpark: StreamingQueryManager.active */
  readonly active: StreamingQuery[];
  /** @counterpart Spark: StreamingQueryManager.awaitAnyTermination */
  awaitAnyTermination(): Promise<void>;
}
