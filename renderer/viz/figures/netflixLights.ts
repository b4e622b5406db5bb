/**
 * The lights of Netflix's figures (Cookbook 28.19) for a pipeline run, its parts standing in for
 * Netflix's by type and by what they are wired to:
 *
 * - 28.1: Chukwa is a Flume agent, lit as pipelineLights lights Flume (its HDFS part holds events
 *   in open files); Amazon S3 is an HDFS part a Flume agent writes, lit while it holds events in
 *   open files; Elastic MapReduce is a Spark batch job reading such a part, lit from each run's
 *   start to its end;
 * - 28.2: play events are the clients' events, lit while they send; impression events come from
 *   a Beacon (an API part named beacon or impressions), lit as an API is; Trending Now is a
 *   dashboard showing a trending row (a streaming job's store first), lit from a refresh that
 *   showed new events until the next refresh starts; the row it showed at t is `trendingRowAt`;
 * - 28.3: Viewing History and Beacon are API parts, Kafka a Kafka part an API writes, streaming
 *   analytics Spark Streaming, Cassandra an HBase part a streaming job writes (lit while the job
 *   runs micro-batches) and the Recommender Service a dashboard reading it;
 * - every area is dark while its parts are down (`down:<area>`).
 */
import type { PipelineResult, ViewSample } from '../../../engine/pipeline';
import type { PipelineRunReport } from '../../../labs/labTypes';
import type { FigureLight } from './figureLights';
import { clientsSending, pipelineActivity, union } from './pipelineLights';
import { areaLights, batchRunSpans, idsOfType, upstreamOf, wiredWith, type AreaParts } from './pipelineSpans';

export type NetflixFigureId = '28.1' | '28.2' | '28.3';

const BEACON = /beacon|impression/i;

/** One title of a trending row: its key and how many times it was counted. */
export type TrendingEntry = NonNullable<ViewSample['trending']>['row'][number];

/** Dashboards showing a trending row: those reading a streaming job's store, or else all. */
export function trendingDashboards(r: PipelineResult): string[] {
  const trending = r.parts.filter((p) => p.type === 'dashboard' && p.settings.show === 'trending').map((p) => p.id);
  const streamed = trending.filter((d) =>
    upstreamOf(r, d).some((s) => wiredWith(r, [s], 'spark-streaming', 'from').length > 0),
  );
  return streamed.length > 0 ? streamed : trending;
}

/** The run's parts in each area of Figure 28.1, 28.2 or 28.3. */
export function netflixAreas(figure: NetflixFigureId, report: PipelineRunReport): AreaParts {
  const r = report.result;
  const apis = idsOfType(r, 'api');
  const beacon = apis.filter((id) => BEACON.test(id));
  const viewing = apis.filter((id) => !BEACON.test(id));
  switch (figure) {
    case '28.1': {
      const s3 = wiredWith(r, idsOfType(r, 'hdfs'), 'flume', 'from');
      const emr = idsOfType(r, 'spark-batch').filter((b) => upstreamOf(r, b).some((u) => s3.includes(u)));
      return { chukwa: idsOfType(r, 'flume'), s3, emr };
    }
    case '28.2':
      return { play: idsOfType(r, 'clients'), impressions: beacon, trending: trendingDashboards(r) };
    case '28.3': {
      const cassandra = wiredWith(r, idsOfType(r, 'hbase'), 'spark-streaming', 'from');
      return {
        viewing,
        beacon,
        kafka: wiredWith(r, idsOfType(r, 'kafka'), 'api', 'from'),
        analytics: idsOfType(r, 'spark-streaming'),
        cassandra,
        recommender: idsOfType(r, 'dashboard').filter((d) => upstreamOf(r, d).some((s) => cassandra.includes(s))),
      };
    }
  }
}

export function netflixLights(figure: NetflixFigureId, report: PipelineRunReport): FigureLight[] {
  const r = report.result;
  const activity = pipelineActivity(report);
  return areaLights(netflixAreas(figure, report), activity, (area, parts) => {
    switch (area) {
      case 'emr':
        return union(parts.flatMap((p) => batchRunSpans(r, p.id)));
      case 'play':
        return parts.length > 0 ? clientsSending(report) : [];
      case 'cassandra':
        // While the streaming jobs writing into it run their micro-batches.
        return union(
          parts.flatMap((p) =>
            upstreamOf(r, p.id)
              .filter((u) => activity.get(u)?.type === 'spark-streaming')
              .flatMap((u) => activity.get(u)?.active ?? []),
          ),
        );
      default:
        return union(parts.flatMap((p) => p.active));
    }
  });
}

/** The trending row Trending Now showed at t: its latest refresh by then (null: none yet, or no trending row in the run). */
export function trendingRowAt(
  report: PipelineRunReport,
  t: number,
): { dashboard: string; refreshedMs: number; asOfMs: number | null; row: TrendingEntry[] } | null {
  const dashboard = trendingDashboards(report.result)[0];
  const view = report.result.views.find((v) => v.dashboard === dashboard);
  if (!dashboard || !view) return null;
  let latest: (typeof view.samples)[number] | undefined;
  for (const s of view.samples) {
    if (s.t > t) break;
    if (s.trending) latest = s;
  }
  if (!latest?.trending) return null;
  return { dashboard, refreshedMs: latest.t, asOfMs: latest.trending.asOfMs, row: latest.trending.row };
}
