/**
 * Test-only: a run of a pipeline like the Netflix lab's (an old batch pipeline through Chukwa, S3
 * and hourly jobs beside a streaming one through Viewing History, Kafka, Spark Streaming and
 * Cassandra, both ending in a trending row), as a pipeline step's report.
 */
import { runPipeline, type PipelineFault } from '../../../../engine/pipeline';
import type { PipelineRunReport } from '../../../../labs/labTypes';

export const NETFLIX_PIPELINE = {
  parts: [
    {
      id: 'members',
      type: 'clients',
      settings: { events: 90000, ratePerSec: 10, keys: 40, popularity: 'zipf', trendEveryMs: 1200000 },
    },
    { id: 'chukwa', type: 'flume', node: 'n2', settings: { rollSize: 0, rollCount: 0, rollInterval: 300 } },
    { id: 's3', type: 'hdfs', node: 'n2' },
    { id: 'hourly', type: 'spark-batch', node: 'n2', settings: { everyMs: 3600000 } },
    { id: 'reports', type: 'rdbms', node: 'n2' },
    { id: 'old-row', type: 'dashboard', node: 'n2', settings: { show: 'trending' } },
    { id: 'viewing-history', type: 'api', node: 'n1' },
    { id: 'events', type: 'kafka', node: 'n1' },
    { id: 'trends', type: 'spark-streaming', node: 'n3', settings: { op: 'countByKey' } },
    { id: 'cassandra', type: 'hbase', node: 'n3' },
    { id: 'trending-now', type: 'dashboard', node: 'n3', settings: { show: 'trending' } },
  ],
  wires: [
    { from: 'members', to: 'chukwa' },
    { from: 'chukwa', to: 's3' },
    { from: 's3', to: 'hourly' },
    { from: 'hourly', to: 'reports' },
    { from: 'reports', to: 'old-row' },
    { from: 'members', to: 'viewing-history' },
    { from: 'viewing-history', to: 'events' },
    { from: 'events', to: 'trends' },
    { from: 'trends', to: 'cassandra' },
    { from: 'cassandra', to: 'trending-now' },
  ],
};

export const NETFLIX_UNTIL_MS = 9_000_000;

export function netflixRun(faults: PipelineFault[] = [], pipeline: unknown = NETFLIX_PIPELINE): PipelineRunReport {
  const result = runPipeline({ pipeline, cluster: 'classroom', untilMs: NETFLIX_UNTIL_MS, faults });
  return { kind: 'pipeline', simulatedMs: result.simulatedMs, result, faults };
}
