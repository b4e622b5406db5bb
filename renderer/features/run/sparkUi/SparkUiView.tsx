/**
 * The "Spark UI" run tab: Spark's own pages for the run at the playback instant, as keyboard tabs
 * (arrow keys, Home, End): Jobs, Stages (a stage id opens its stage page; "All stages" or Escape
 * comes back to the stage's link) and Executors.
 */
import { useTranslation } from 'react-i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { TabList } from '../../tabs/TabList';
import type { JobRunReport } from '../../../../engine/api';
import { sparkUiModel } from '../../../viz/run/sparkUi/sparkUiModel';
import { JobsPage } from './JobsPage';
import { StagesPage } from './StagesPage';
import { StagePage } from './StagePage';
import { ExecutorsPage } from './ExecutorsPage';
import './sparkUi.css';

type SparkPage = 'jobs' | 'stages' | 'executors';
const PAGES: readonly SparkPage[] = ['jobs', 'stages', 'executors'];

export function SparkUiView({ report, t }: { report: JobRunReport; t: number }) {
  const { t: text, i18n } = useTranslation('run');
  const language = i18n.language;
  const model = useMemo(
    () => sparkUiModel(report),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- its words are read inside (i18n.t) in the page's language
    [report, language],
  );
  const [page, setPage] = useState<SparkPage>('jobs');
  const [stageKey, setStageKey] = useState<string | null>(null);
  /** The stage whose page was just closed: its link gets the focus back. */
  const returnTo = useRef<string | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const stage = stageKey === null ? undefined : model.stages.find((s) => s.key === stageKey);
  const select = (p: SparkPage) => {
    setPage(p);
    setStageKey(null);
  };
  const back = () => {
    returnTo.current = stageKey;
    setStageKey(null);
  };
  useEffect(() => {
    const key = returnTo.current;
    if (stageKey !== null || key === null) return;
    panel.current?.querySelector<HTMLButtonElement>(`[data-stage-key="${CSS.escape(key)}"]`)?.focus();
    returnTo.current = null;
  }, [stageKey]);
  return (
    <div className="spark-ui" data-testid="spark-ui">
      <TabList
        tabs={PAGES.map((id) => ({ id, label: text(`spark.${id}`) }))}
        selected={page}
        onSelect={select}
        label={text('spark.pages')}
        idPrefix="spark-ui"
        className="spark-ui-tabs"
        tabClassName="btn small"
      />
      <div
        ref={panel}
        role="tabpanel"
        id={`spark-ui-panel-${page}`}
        aria-labelledby={`spark-ui-tab-${page}`}
        className="spark-ui-panel"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && stage) {
            e.preventDefault();
            back();
          }
        }}
      >
        {page === 'jobs' && <JobsPage model={model} t={t} />}
        {page === 'stages' &&
          (stage ? (
            <StagePage model={model} stage={stage} t={t} onBack={back} />
          ) : (
            <StagesPage model={model} t={t} open={setStageKey} />
          ))}
        {page === 'executors' && <ExecutorsPage model={model} t={t} />}
      </div>
    </div>
  );
}
