/**
 * The lights of Figures 25.1 (batch processing) and 25.2 (stream processing) for a pipeline run,
 * from the readings of pipelineLights (pipelineActivity) and pipelineSpans:
 *
 * - ingest (both): an ingest API, Kafka or a Flume agent takes events in or holds them;
 * - 25.1 storage: HDFS holds events in open files; batch: a Spark batch job's runs, from start to
 *   end; serving: a store a batch job writes holds its results, from the first run that wrote
 *   them; insight: a dashboard reading such a store shows the newest batch results
 *   (showsBatchResults);
 * - 25.2 stream: Spark Streaming's micro-batches; storage: a store a streaming job writes, while
 *   that job's micro-batches run; display: a dashboard reading such a store, from a refresh that
 *   showed new events until the next refresh starts;
 * - every area is dark while its parts are down (`down:<area>`).
 */
import type { PipelineRunReport } from '../../../labs/labTypes';
import type { FigureLight } from './figureLights';
import { pipelineActivity, union, type PartActivity, type Span } from './pipelineLights';
import {
  areaLights,
  batchRunSpans,
  idsOfType,
  runEnd,
  showsBatchResults,
  upstreamOf,
  wiredWith,
  type AreaParts,
} from './pipelineSpans';

export type LambdaFigureId = '25.1' | '25.2';

/** The run's parts in each area of Figure 25.1 or 25.2. */
export function lambdaAreas(figure: LambdaFigureId, report: PipelineRunReport): AreaParts {
  const r = report.result;
  const ingest = idsOfType(r, 'api', 'kafka', 'flume');
  const stores = idsOfType(r, 'hbase', 'rdbms');
  const dashboards = idsOfType(r, 'dashboard');
  const readers = (of: readonly string[]) => dashboards.filter((d) => upstreamOf(r, d).some((u) => of.includes(u)));
  if (figure === '25.1') {
    const serving = wiredWith(r, stores, 'spark-batch', 'from');
    return {
      ingest,
      storage: idsOfType(r, 'hdfs'),
      batch: idsOfType(r, 'spark-batch'),
      serving,
      insight: readers(serving),
    };
  }
  const storage = wiredWith(r, stores, 'spark-streaming', 'from');
  return { ingest, stream: idsOfType(r, 'spark-streaming'), storage, display: readers(storage) };
}

export function lambdaLights(figure: LambdaFigureId, report: PipelineRunReport): FigureLight[] {
  const r = report.result;
  const end = runEnd(report);
  const activity = pipelineActivity(report);
  const typed = (ids: readonly string[], type: string) => ids.filter((id) => activity.get(id)?.type === type);
  const spans = (parts: PartActivity[]): Span[] => union(parts.flatMap((p) => p.active));
  return areaLights(lambdaAreas(figure, report), activity, (area, parts) => {
    const ids = parts.map((p) => p.id);
    switch (area) {
      case 'batch':
        return union(ids.flatMap((id) => batchRunSpans(r, id)));
      case 'serving':
        // From the end of the first batch run that wrote into the store.
        return union(
          ids.flatMap((id) => {
            const written = typed(upstreamOf(r, id), 'spark-batch').flatMap((b) => batchRunSpans(r, b));
            return written.length > 0 ? [{ start: Math.min(...written.map((w) => w.end)), end }] : [];
          }),
        );
      case 'insight':
        return union(
          ids.flatMap((id) =>
            showsBatchResults(
              r,
              id,
              upstreamOf(r, id).flatMap((s) => typed(upstreamOf(r, s), 'spark-batch')),
              end,
            ),
          ),
        );
      case 'storage':
        if (figure === '25.2')
          // While the streaming jobs writing into the store run their micro-batches.
          return union(
            ids.flatMap((id) =>
              typed(upstreamOf(r, id), 'spark-streaming').flatMap((s) => activity.get(s)?.active ?? []),
            ),
          );
        return spans(parts);
      default:
        return spans(parts);
    }
  });
}
