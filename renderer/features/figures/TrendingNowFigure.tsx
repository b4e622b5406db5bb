/**
 * Figure 28.2, Netflix Trending Now Feature: play events and impression events feed the
 * "Trending Now" row. Here the clients' events are the plays (each of a title, its key), a Beacon
 * API part would take impressions, and Trending Now is a dashboard showing a trending row; beside
 * it, the row its latest refresh showed ("title N" and its count). Lit from a pipeline run
 * (netflixLights).
 */
import { tr } from '../../i18n/figureText';
import { netflixAreas, trendingRowAt } from '../../viz/figures/netflixLights';
import { missingAreas } from '../../viz/figures/pipelineSpans';
import { formatNumber } from '../../viz/run/format';
import { seconds } from '../../viz/views/durationWords';
import { AreaBox } from './AreaBox';
import { Arrow, FigureSvg, Label } from './FigureSvg';
import type { FigureProps } from './figureProps';

/** Titles of the row the figure lists. */
const SHOWN = 6;

export function TrendingNowFigure({ lit, t, run }: FigureProps) {
  const report = run?.pipeline ?? null;
  const missing = report ? missingAreas(netflixAreas('28.2', report)) : new Set<string>();
  const row = report && t !== null ? trendingRowAt(report, t) : null;
  const heading =
    t === null || !report
      ? tr('trend.once')
      : row && row.row.length === 0
        ? tr('trend.noCounts', { time: seconds(row.refreshedMs) })
        : row
          ? tr('trend.shownBy', { time: seconds(row.refreshedMs) })
          : missing.has('trending')
            ? tr('trend.noRow')
            : tr('trend.noRefresh');
  return (
    <FigureSvg
      id="28.2"
      width={300}
      height={178}
      lit={lit}
      t={t}
      description={
        tr('desc.28_2') +
        (row && row.row.length > 0
          ? tr('trend.row', {
              heading: heading.replace(/:$/, ''),
              titles: row.row
                .slice(0, SHOWN)
                .map((e) => tr('trend.title', { key: e.key, count: formatNumber(e.count) }))
                .join(', '),
            })
          : '')
      }
    >
      <AreaBox
        part="play"
        x={4}
        y={6}
        w={132}
        h={44}
        label={tr('w.play_events_')}
        sub={tr('w.what_members_watch')}
        missing={missing.has('play')}
      />
      <AreaBox
        part="impressions"
        x={4}
        y={60}
        w={132}
        h={44}
        label={tr('w.impression_events_')}
        sub={tr('w.browsing_clicks')}
        missing={missing.has('impressions')}
        tiny
      />
      <Arrow d="M136,28 L154,44" />
      <Arrow d="M136,82 L154,58" dashed={missing.has('impressions')} />
      <AreaBox
        part="trending"
        x={156}
        y={28}
        w={140}
        h={46}
        label={tr('w.trending_now')}
        sub={tr('w.a_row_on_the_dashboard')}
        missing={missing.has('trending')}
      />
      <Label x={8} y={124} anchor="start">
        {heading}
      </Label>
      {(row?.row ?? []).slice(0, SHOWN).map((e, i) => (
        <g key={e.key}>
          <Label x={i < 3 ? 8 : 158} y={142 + (i % 3) * 14} anchor="start" mono>
            {tr('title', { rank: i + 1, key: e.key })}
          </Label>
          <Label x={i < 3 ? 140 : 290} y={142 + (i % 3) * 14} anchor="end" mono>
            {formatNumber(e.count)}
          </Label>
        </g>
      ))}
    </FigureSvg>
  );
}
