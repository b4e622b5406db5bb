/**
 * The cookbook's figures a lab step cites, drawn beside its run: collapsible (the choice is
 * remembered), one figure at a time with a button per figure, lit on the run's playback clock
 * (unlit before a run); a pipeline run is played by its run view (features/pipeline), as the other runs are.
 */
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n';
import { useId, useMemo, useState } from 'react';
import type { JobRunReport } from '../../../engine/api';
import type { CookbookFigureId, HdfsRunReport, PipelineRunReport, ServerRunReport } from '../../../labs/labTypes';
import { figureCaption } from '../../viz/figures/figureCatalog';
import { litParts } from '../../viz/figures/figureLights';
import { toFigureRun, type FigureNode } from '../../viz/figures/figureRun';
import { lightsForFigure } from '../../viz/figures/lightsForFigure';
import { FIGURE_DRAWINGS } from './figureDrawings';
import { usePlaybackClock } from '../../state/playbackClock';
import './figures.css';

const OPEN_KEY = 'clusterlab.figures.open';

function savedOpen(): boolean {
  try {
    return window.localStorage?.getItem(OPEN_KEY) !== 'false';
  } catch {
    return true;
  }
}

export interface CookbookFigurePanelProps {
  figures: readonly CookbookFigureId[];
  /** The run shown beside the figure, or null before one. */
  report: JobRunReport | HdfsRunReport | ServerRunReport | PipelineRunReport | null;
  nodes: readonly FigureNode[];
}

export function CookbookFigurePanel({ figures, report, nodes }: CookbookFigurePanelProps) {
  const uid = useId();
  const [open, setOpen] = useState(savedOpen);
  const [chosen, setChosen] = useState<CookbookFigureId | null>(null);
  const figure = chosen !== null && figures.includes(chosen) ? chosen : figures[0];
  // The run's playback instant (RunArea writes it): the figure lights on the run's own clock.
  const clock = usePlaybackClock((s) => s.t);
  const run = useMemo(() => (report ? toFigureRun(report, nodes) : null), [report, nodes]);
  const lights = useMemo(() => (run && figure ? lightsForFigure(figure, run) : []), [run, figure]);
  const { t: text } = useTranslation('figures');
  if (!figure) return null;
  const t = run ? clock : null;
  const lit = litParts(lights, t);
  const Drawing = FIGURE_DRAWINGS[figure];
  const toggle = () => {
    setOpen(!open);
    try {
      window.localStorage?.setItem(OPEN_KEY, String(!open));
    } catch {
      // Storage refused (private mode): the choice lasts for this page only.
    }
  };
  return (
    <section className="figure-panel" aria-label={text('panel')} data-testid="figure-panel">
      <div className="figure-panel-head">
        <button
          type="button"
          className="btn small figure-toggle"
          aria-expanded={open}
          aria-controls={`${uid}-body`}
          onClick={toggle}
        >
          {open ? '▾' : '▸'} {figures.length > 1 ? text('toggleMany') : text('toggleOne', { id: figure })}
        </button>
        {figures.length > 1 && (
          <span className="figure-choice" role="group" aria-label={text('choice')}>
            {figures.map((f) => (
              <button
                key={f}
                type="button"
                className={`btn small${f === figure ? ' primary' : ''}`}
                aria-pressed={f === figure}
                title={text('choiceTitle', { id: f, caption: figureCaption(f) })}
                onClick={() => {
                  setChosen(f);
                  if (!open) toggle();
                }}
              >
                {f}
              </button>
            ))}
          </span>
        )}
      </div>
      <div id={`${uid}-body`} hidden={!open}>
        {/* Keyed by the language: the drawings read their words outside React's hooks (i18n/figureText.ts). */}
        {open && <Drawing key={i18n.language} run={run} t={t} lit={lit} />}
      </div>
    </section>
  );
}
