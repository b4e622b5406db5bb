/**
 * What the dashboards of a pipeline run showed of their stores' counts by key, at the playback's
 * instant (engine/pipeline viewTracker.ts): for each dashboard, how far behind it was and how many
 * events it counted twice at its last refresh (and at worst so far), both over the run's time
 * with the playback's cursor, a trending row beside the true one when it shows one, and at the
 * end of the run its counts per key beside a full recomputation. Nothing when no dashboard reads
 * such a store.
 */
import { useMemo } from 'react';
import type { PipelineResult, ViewReport } from '../../../engine/pipeline';
import { seconds } from '../../../labs/checkKit';
import { tickWords } from '../../viz/views/durationWords';
import { countTicks, durationTicks } from '../../viz/views/lineChartLayout';
import { viewAt, viewNowLines } from '../../viz/views/viewAt';
import { count, countOf, wordsFor, type ViewWords } from '../../viz/views/viewWords';
import { FinalCountsTable } from './FinalCountsTable';
import { TrendingRows } from './TrendingRows';
import { ViewLineChart } from './ViewLineChart';
import './views.css';

export interface PipelineViewsPanelProps {
  result: PipelineResult;
  /** The playback's time, ms of the run. */
  t: number;
  /** The lab's words for a key and an event ("article", "page view", "page views"). */
  words?: Partial<ViewWords>;
}

function BoardView({ view, t, endMs, words }: { view: ViewReport; t: number; endMs: number; words: ViewWords }) {
  const behind = useMemo(() => view.samples.map((s) => ({ t: s.t, v: s.behindMs })), [view]);
  const twice = useMemo(() => view.samples.map((s) => ({ t: s.t, v: s.doubleCounted })), [view]);
  const at = viewAt(view, t);
  const id = `views-board-${view.dashboard}`;
  const refreshes = view.samples.length + view.samplesLeftOut;
  return (
    <section className="views-board" aria-labelledby={id} data-testid={`views-board-${view.dashboard}`}>
      <h4 id={id}>
        {view.dashboard} <span className="views-sub">reads {view.store}</span>
      </h4>
      <ul className="views-now" data-testid={`views-now-${view.dashboard}`}>
        {viewNowLines(view, at, words).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {view.samples.length > 0 && (
        <ViewLineChart
          title={`How far behind at each refresh, over the whole run (at worst ${seconds(view.maxBehindMs)})`}
          summary={`How far behind ${view.dashboard} was at each of its ${count(refreshes)} refreshes over ${seconds(endMs)}: at worst ${seconds(view.maxBehindMs)}.`}
          points={behind}
          spanMs={endMs}
          t={t}
          height={112}
          minLeft={CHART_LEFT}
          yTicks={durationTicks}
          yLabel={tickWords}
          valueText={(v) => (v === null ? 'no refresh yet' : `${seconds(v)} behind`)}
          testId={`views-behind-${view.dashboard}`}
        />
      )}
      {view.maxDoubleCounted > 0 && (
        <ViewLineChart
          className="views-twice"
          title={`${capital(words.events)} counted twice at each refresh, over the whole run (at worst ${count(view.maxDoubleCounted)})`}
          summary={`${capital(words.events)} ${view.dashboard} counted twice at each refresh: at worst ${countOf(view.maxDoubleCounted, words)}.`}
          points={twice}
          spanMs={endMs}
          t={t}
          height={84}
          minLeft={CHART_LEFT}
          yTicks={countTicks}
          yLabel={count}
          valueText={(v) => (v === null ? 'no refresh yet' : `${countOf(v, words)} counted twice`)}
          steps
          testId={`views-twice-${view.dashboard}`}
        />
      )}
      <FinalCountsTable view={view} words={words} endMs={endMs} t={t} />
    </section>
  );
}

/** Room for the y labels of both charts, so that their time axes line up. */
const CHART_LEFT = 58;

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function PipelineViewsPanel({ result, t, words }: PipelineViewsPanelProps) {
  if (result.views.length === 0) return null;
  return (
    <section className="views-panel" aria-labelledby="views-panel-title" data-testid="pipeline-views">
      <h3 id="views-panel-title">What the dashboards showed</h3>
      <TrendingRows views={result.views} parts={result.parts} t={t} words={words} />
      {result.views.map((view) => (
        <BoardView key={view.dashboard} view={view} t={t} endMs={result.simulatedMs} words={wordsFor(view, words)} />
      ))}
    </section>
  );
}
