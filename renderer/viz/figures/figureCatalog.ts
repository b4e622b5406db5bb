/**
 * The cookbook's figures the app draws: their captions as the cookbook prints them, and the
 * parts that light up, each with the sentence the figure's status line says while it is lit.
 * Part ids match the lights modules (hdfsLights, blockLights, jobLights, serverLights,
 * pipelineLights, lambdaLights, netflixLights); parts lit per task or
 * per block (`map:3`, `block:0`) are described by their prefix.
 */
import { i18n } from '../../i18n/i18n';
import type { CookbookFigureId } from '../../../labs/labTypes';

export interface FigureInfo {
  id: CookbookFigureId;
  /** The cookbook's caption, after "Figure 19.2: ". */
  caption: string;
  /** The cookbook section the figure illustrates. */
  section: string;
  /** Lit part (or per-task prefix, `map`) → what is happening, for the status line. */
  parts: Record<string, string>;
}

export const FIGURES: Record<CookbookFigureId, FigureInfo> = {
  '13.1': {
    id: '13.1',
    caption: 'Common SQL Platform Architecture',
    section: '13.3.2',
    parts: {
      extract: 'the database extracts the rows from its storage',
      transform: 'the rows are transformed: filtered and sorted by timestamp',
      load: 'the result is loaded to the analytics UI',
      late: 'this night is past its deadline',
    },
  },
  '13.2': {
    id: '13.2',
    caption: 'Scaling up a SQL Database',
    section: '13.3.3',
    parts: {
      disk: 'the storage bounds the night: faster disks would shorten it',
      memory: 'memory bandwidth bounds the night',
      cpu: 'the processors bound the night: more powerful CPUs would shorten it',
      network: 'the network bounds the night: a faster network would shorten it',
    },
  },
  '13.3': {
    id: '13.3',
    caption: 'Scaling out a SQL Database',
    section: '13.3.4',
    parts: {
      san: 'the SAN holds the one database all servers share',
      readonly: 'the attached servers run the reports, read-only',
      detached: 'the other servers are detached: none answers queries',
      readwrite: 'one server, attached read-write, loads the day’s new rows',
    },
  },
  '15.2': {
    id: '15.2',
    caption: 'Connections between tools',
    section: '15.3',
    parts: {
      kafka: 'Kafka holds events its consumers have yet to read',
      spark: 'Spark analyses events: a micro-batch or batch run processes them',
      hdfs: 'HDFS stores events: its open files take writes',
      hbase: 'HBase takes writes for the display',
      display: 'the display’s latest refresh read new events from HBase',
      down: 'a part of the pipeline is down: its machine is off',
    },
  },
  '15.3': {
    id: '15.3',
    caption: 'Flume Integration',
    section: '15.3',
    parts: {
      kafka: 'Kafka holds events its consumers have yet to read',
      flume: 'the Flume agent consumes from Kafka and writes into HDFS files',
      channel: 'events wait in the agent’s channel',
      hdfs: 'HDFS holds events in files still open, not yet readable',
      closed: 'files the agent closed are readable in HDFS',
      down: 'a part of the pipeline is down: its machine is off',
    },
  },
  '19.1': {
    id: '19.1',
    caption: 'HDFS Master and Data Nodes',
    section: '19.2.2',
    parts: {
      namespace: 'the NameNode knows the file and its blocks',
      datanodes: 'DataNodes hold the replicas',
      down: 'a DataNode is down',
      repair: 'the NameNode repairs: it has under-replicated blocks copied',
      copying: 'a DataNode copies a block to another',
      restored: 'copies restore the lost replicas',
    },
  },
  '19.2': {
    id: '19.2',
    caption: 'Distribution of Blocks for a 512MB File',
    section: '19.2.2',
    parts: {
      block: 'blocks allocated',
      down: 'replicas on a DataNode that is down',
      copying: 'a replica being copied',
    },
  },
  '20.1': {
    id: '20.1',
    caption: 'Mapping of input files and reducing of mapped records',
    section: '20.1',
    parts: {
      input: 'mappers read their input splits from HDFS',
      map: 'mappers turn records into key/value pairs',
      shuffle: 'the shuffle: reducers fetch map output',
      reduce: 'reducers compute per key',
      output: 'reducers write their output to HDFS',
    },
  },
  '20.2': {
    id: '20.2',
    caption: 'MapReduce Example of Time Series Data',
    section: '20.1.2',
    parts: {
      input: 'mappers read readings from HDFS',
      map: 'mappers cut the time of day off the key',
      shuffle: 'the shuffle: each day goes to one reducer',
      reduce: 'reducers average each day',
      output: 'reducers write the averages to HDFS',
    },
  },
  '20.3': {
    id: '20.3',
    caption: 'The Map Reduce Process',
    section: '20.1.3',
    parts: {
      splits: 'map tasks read their splits from HDFS',
      map: 'map() runs',
      spill: 'map output is partitioned, sorted and spilled',
      combine: 'the combiner runs on each spill',
      shuffle: 'the shuffle: reducers fetch their partitions',
      merge: 'reducers merge the sorted map outputs',
      reduce: 'reduce() runs',
      output: 'reducers write part files to HDFS',
    },
  },
  '20.4': {
    id: '20.4',
    caption: 'Hadoop vs Spark capabilities',
    section: '20.2.2',
    parts: {
      hdfs: 'HDFS: tasks read input or write output',
      yarn: 'YARN manages containers',
      mapreduce: 'MapReduce tasks run',
      spark: 'Spark tasks run',
      standalone: 'Spark’s standalone Master hands out executors',
    },
  },
  '20.5': {
    id: '20.5',
    caption: 'Spark Using Hadoop Data Locality',
    section: '20.2.10',
    parts: {
      blocks: 'DataNodes hold the input’s blocks',
      executors: 'Spark executors run on the DataNodes’ machines',
      local: 'a task reads a block on its own machine (NODE_LOCAL)',
      remote: 'a task reads a block over the network (RACK_LOCAL, ANY)',
      memory: 'a task reads a cached partition in its executor (PROCESS_LOCAL)',
    },
  },
  '20.6': {
    id: '20.6',
    caption: 'Spark Resource Management With YARN',
    section: '20.10',
    parts: {
      driver: 'the Spark driver runs the program',
      resourcemanager: 'the ResourceManager has the executors’ containers to grant',
      nodemanagers: 'NodeManagers run the executors’ containers',
      executors: 'executors run tasks',
    },
  },
  '24.1': {
    id: '24.1',
    caption: 'Platfrom Blueprint',
    section: '24',
    parts: {
      ingest: 'ingest: the API services (or a Flume agent) take events in',
      buffer: 'the temporary store holds events its subscribers have yet to read',
      stream: 'analyse, stream: micro-batches process the incoming events',
      batch: 'analyse, batch: a batch run processes a chunk of stored data',
      store: 'store: the big data store takes writes',
      display: 'display: the latest refresh showed new events',
      down: 'a part of the pipeline is down: its machine is off',
    },
  },
  '25.1': {
    id: '25.1',
    caption: 'Batch Processing Pipeline',
    section: '25.1',
    parts: {
      ingest: 'data comes in: the ingest parts take events or hold them for the next part',
      storage: 'storage: HDFS writes the incoming events into files',
      batch: 'batch analytics: a batch run loads the stored events and works on them',
      serving: 'output: the serving store holds the latest batch run’s results',
      insight: 'insight: the dashboard shows the latest batch run’s results',
      down: 'a part of the pipeline is down: its machine is off',
    },
  },
  '25.2': {
    id: '25.2',
    caption: 'Stream Processing Pipeline',
    section: '25.2',
    parts: {
      ingest: 'data comes in: the ingest parts take events or hold them for the next part',
      stream: 'stream analytics: micro-batches work on the events as they come in, before storage',
      storage: 'storage: the store takes the stream’s results',
      display: 'display: the latest refresh showed new events',
      down: 'a part of the pipeline is down: its machine is off',
    },
  },
  '28.1': {
    id: '28.1',
    caption: 'Old Netflix Batch Processing Pipeline',
    section: '28.19',
    parts: {
      chukwa: 'Chukwa (a Flume agent here) collects the incoming events and writes them into files',
      s3: 'Amazon S3 (HDFS here) takes the events into files still open',
      emr: 'Elastic MapReduce (a Spark batch job here) runs over every closed file',
      down: 'a part of the pipeline is down: its machine is off',
    },
  },
  '28.2': {
    id: '28.2',
    caption: 'Netflix Trending Now Feature',
    section: '28.19',
    parts: {
      play: 'play events: members’ plays come in',
      impressions: 'impression events: the Beacon service takes members’ browsing in',
      trending: 'Trending Now: its latest refresh read new events from the store',
      down: 'a part of the pipeline is down: its machine is off',
    },
  },
  '28.3': {
    id: '28.3',
    caption: 'Netflix Streaming Pipeline',
    section: '28.19',
    parts: {
      viewing: 'Viewing History (an API service here) takes play events in',
      beacon: 'Beacon (an API service here) takes impression events in',
      kafka: 'Kafka holds events the analytics has yet to read',
      analytics: 'streaming analytics (Spark Streaming here): micro-batches process the events',
      cassandra: 'Cassandra (HBase here) takes the analytics’ results',
      recommender: 'the Recommender Service’s latest refresh read new events from Cassandra',
      down: 'a part of the pipeline is down: its machine is off',
    },
  },
};

/** What the lit parts mean, in the figure's order of parts (per-task parts by their prefix). */
/**
 * The lit parts' sentences in the page's language: English as written above, German from the
 * figures namespace (`lit.<figure with _>.<part>`, the same sentences; localeFiles.test.ts keeps both complete).
 */
export function litSentences(figure: CookbookFigureId, lit: ReadonlySet<string>): string[] {
  const prefixes = new Set([...lit].map((p) => p.split(':')[0]!));
  return Object.entries(FIGURES[figure].parts)
    .filter(([part]) => prefixes.has(part))
    .map(([part]) => i18n.t(`figures:lit.${figure.replace('.', '_')}.${part}`));
}
