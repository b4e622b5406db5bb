/**
 * The run visualisations for one job run at playback time t: Timeline, DAG, Data flow, Spark's
 * UI (Spark runs) or Hadoop's Job history (MapReduce runs), Counters, Output, and YARN's and
 * HDFS's views, as keyboard-accessible tabs (arrow keys, Home, End). The RunView is derived once
 * per report; the panels redraw on t.
 */
import { useTranslation } from 'react-i18next';
import { useMemo, useState } from 'react';
import { TabList } from '../tabs/TabList';
import type { JobRunReport } from '../../../engine/api';
import { toRunView } from '../../viz/run/runView';
import { onWarmUpReport } from '../../bridge/warmUpViews';
import { TimelineView } from './TimelineView';
import { DagView } from './DagView';
import { DataFlowView } from './DataFlowView';
import { CountersView } from './CountersView';
import { OutputTable } from './OutputTable';
import { SparkUiView } from './sparkUi/SparkUiView';
import { JobHistoryView } from './hadoopUi/JobHistoryView';
import { YarnView } from './hadoopUi/YarnView';
import { NameNodeView } from './hadoopUi/NameNodeView';
import './run.css';

export type RunTab = 'timeline' | 'dag' | 'flow' | 'sparkUi' | 'history' | 'counters' | 'output' | 'yarn' | 'hdfs';
/** The tabs, in order; `only`: shown for that kind of run alone. */
const ALL_TABS: { id: RunTab; only?: 'spark' | 'mapreduce' }[] = [
  { id: 'timeline' },
  { id: 'dag' },
  { id: 'flow' },
  { id: 'sparkUi', only: 'spark' },
  { id: 'history', only: 'mapreduce' },
  { id: 'counters' },
  { id: 'output' },
  { id: 'yarn' },
  { id: 'hdfs' },
];

// The warm-up's reports go through the same view code the first run's will (warmUpViews.ts).
onWarmUpReport((report) => toRunView(report, []));

export interface RunPanelsProps {
  report: JobRunReport;
  nodes: { id: string; rack: string }[];
  t: number;
  initialTab?: RunTab;
}

export function RunPanels({ report, nodes, t, initialTab = 'timeline' }: RunPanelsProps) {
  const { t: text, i18n } = useTranslation('run');
  // The view's words (markers, stage names, start-up rows) are in the page's language: made again when it changes.
  const language = i18n.language;
  const view = useMemo(
    () => toRunView(report, nodes),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- its words are read inside (i18n.t) in the page's language
    [report, nodes, language],
  );
  const TABS = ALL_TABS.filter((x) => !x.only || x.only === report.kind).map((x) => ({
    ...x,
    label: text(`panels.${x.id}`),
  }));
  const [wanted, setTab] = useState<RunTab>(initialTab);
  // A tab the run does not have (the Spark UI of a MapReduce run): its timeline shows instead.
  const tab = TABS.some((x) => x.id === wanted) ? wanted : 'timeline';
  const clampT = Math.max(0, Math.min(t, view.durationMs));
  return (
    <section className="run-panels" aria-label={text('panels.label')}>
      <TabList<RunTab>
        tabs={TABS}
        selected={tab}
        onSelect={setTab}
        label={text('panels.views')}
        idPrefix="run"
        className="run-tabs"
        tabClassName="run-tab"
      />
      <div role="tabpanel" id={`run-panel-${tab}`} aria-labelledby={`run-tab-${tab}`} className="run-panel">
        {tab === 'timeline' && <TimelineView view={view} t={clampT} />}
        {tab === 'dag' && <DagView view={view} t={clampT} />}
        {tab === 'flow' && <DataFlowView view={view} t={clampT} />}
        {tab === 'sparkUi' && report.kind === 'spark' && <SparkUiView report={report} t={clampT} />}
        {tab === 'counters' && <CountersView view={view} report={report} t={clampT} />}
        {tab === 'output' && <OutputTable result={report.result} kind={report.kind} />}
        {tab === 'history' && <JobHistoryView report={report} view={view} t={clampT} />}
        {tab === 'yarn' && <YarnView report={report} nodes={nodes} t={clampT} />}
        {tab === 'hdfs' && (
          <NameNodeView
            trace={report.trace}
            nodes={nodes}
            t={clampT}
            blockSize={report.snapshots[report.snapshots.length - 1]?.hdfs.blockSize ?? 128 * 1024 * 1024}
          />
        )}
      </div>
    </section>
  );
}
