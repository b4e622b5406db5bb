/**
 * What the dashboards of a pipeline run showed of their stores' counts by key, at the playback's
 * instant (engine/pipeline viewTracker.ts): for each dashboard, how far behind it was and how many
 * events it counted twice at its last refresh (and at worst so far), both over the run's time
 * with the playback's cursor, a trending row beside the true one when it shows one, and at the
 * end of the run its counts per key beside a full recomputation. Nothing when no dashboard reads
 * such a store.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineResult, ViewReport } from '../../../engine/pipeline';
import type { PipelineWords } from '../../../labs/labTypes';
import { parseLanguage } from '../../i18n/language';
import { pipelineAt } from '../../viz/pipeline/pipelineAt';
import { seconds, tickWords } from '../../viz/views/durationWords';
import { countTicks, durationTicks } from '../../viz/views/lineChartLayout';
import { viewAt, viewNowLines } from '../../viz/views/viewAt';
import { capital, count, countOf, wordsFor, type ViewWords } from '../../viz/views/viewWords';
import { FinalCountsTable } from './FinalCountsTable';
import { TrendingRows } from './TrendingRows';
import { ViewLineChart } from './ViewLineChart';
import './views.css';

export interface PipelineViewsPanelProps {
  result: PipelineResult;
  /** The playback's time, ms of the run. */
  t: number;
  /** The lab's words for a key and an event ("article", "page view", "page views"), with their forms per locale. */
  words?: Partial<PipelineWords>;
}

function BoardView({ view, t: time, endMs, words }: { view: ViewReport; t: number; endMs: number; words: ViewWords }) {
  const { t, i18n } = useTranslation('views');
  const behind = useMemo(() => view.samples.map((s) => ({ t: s.t, v: s.behindMs })), [view]);
  const twice = useMemo(() => view.samples.map((s) => ({ t: s.t, v: s.doubleCounted })), [view]);
  const at = viewAt(view, time);
  const id = `views-board-${view.dashboard}`;
  const refreshes = view.samples.length + view.samplesLeftOut;
  const dashboard = view.dashboard;
  const events = capital(words.events);
  return (
    <section className="views-board" aria-labelledby={id} data-testid={`views-board-${view.dashboard}`}>
      <h4 id={id}>
        {view.dashboard} <span className="views-sub">{t('panel.reads', { store: view.store })}</span>
      </h4>
      <ul className="views-now" data-testid={`views-now-${view.dashboard}`}>
        {viewNowLines(view, at, words).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {view.samples.length > 0 && (
        <ViewLineChart
          key={`behind-${i18n.language}`}
          title={t('panel.behindTitle', { worst: seconds(view.maxBehindMs) })}
          summary={t('panel.behindSummary', {
            dashboard,
            refreshes: count(refreshes),
            span: seconds(endMs),
            worst: seconds(view.maxBehindMs),
          })}
          points={behind}
          spanMs={endMs}
          t={time}
          height={112}
          minLeft={CHART_LEFT}
          yTicks={durationTicks}
          yLabel={tickWords}
          valueText={(v) => (v === null ? t('panel.noRefreshYet') : t('panel.behindNow', { behind: seconds(v) }))}
          testId={`views-behind-${view.dashboard}`}
        />
      )}
      {view.maxDoubleCounted > 0 && (
        <ViewLineChart
          key={`twice-${i18n.language}`}
          className="views-twice"
          title={t('panel.twiceTitle', { events, worst: count(view.maxDoubleCounted) })}
          summary={t('panel.twiceSummary', { events, dashboard, worst: countOf(view.maxDoubleCounted, words) })}
          points={twice}
          spanMs={endMs}
          t={time}
          height={84}
          minLeft={CHART_LEFT}
          yTicks={countTicks}
          yLabel={count}
          valueText={(v) => (v === null ? t('panel.noRefreshYet') : t('panel.twiceNow', { twice: countOf(v, words) }))}
          steps
          testId={`views-twice-${view.dashboard}`}
        />
      )}
      <FinalCountsTable view={view} words={words} endMs={endMs} t={time} />
    </section>
  );
}

/** The dashboards down at t, and since when (the timeline's sample when the events kept stop before t). */
function boardsDown(result: PipelineViewsPanelProps['result'], t: number): Map<string, number> {
  const at = pipelineAt(result, t);
  const down = new Map<string, number>();
  for (const v of result.views) {
    const p = at.parts.get(v.dashboard);
    if (p && !p.up) down.set(v.dashboard, p.downSince ?? at.sampleT);
  }
  return down;
}

/** Room for the y labels of both charts, so that their time axes line up. */
const CHART_LEFT = 58;

export function PipelineViewsPanel({ result, t: time, words }: PipelineViewsPanelProps) {
  // Read in the page's language: the lab's words in it, and the sentences of the helpers.
  const { t, i18n } = useTranslation('views');
  if (result.views.length === 0) return null;
  const language = parseLanguage(i18n.language) ?? 'en';
  return (
    <section className="views-panel" aria-labelledby="views-panel-title" data-testid="pipeline-views">
      <h3 id="views-panel-title">{t('panel.title')}</h3>
      <TrendingRows
        views={result.views}
        parts={result.parts}
        t={time}
        words={words}
        downSince={boardsDown(result, time)}
      />
      {result.views.map((view) => (
        <BoardView
          key={view.dashboard}
          view={view}
          t={time}
          endMs={result.simulatedMs}
          words={wordsFor(view, words, language)}
        />
      ))}
    </section>
  );
}
