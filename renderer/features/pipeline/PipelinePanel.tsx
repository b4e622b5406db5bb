/**
 * A pipeline step's diagram and editor helpers, drawn from the learner's file as they type (the
 * last version that parsed stays on screen, with a note, while the file does not parse), and once
 * there is a run, its playback on the same diagram.
 */
import { useTranslation } from 'react-i18next';
import { useEffect, useMemo, useState } from 'react';
import type { PresetName } from '../../../engine/cluster';
import type { PipelineFault } from '../../../engine/pipeline';
import type { PipelineRunReport, PipelineWords } from '../../../labs/labTypes';
import { pipelineLayout } from '../../viz/pipeline/pipelineLayout';
import type { PipelineInstant } from '../../viz/pipeline/pipelineAt';
import { readPipelineText, type DrawnPipeline } from '../../viz/pipeline/readPipelineText';
import { faultsThatFit } from '../../viz/pipeline/pipelineFaults';
import { clusterMachines } from './clusterMachines';
import { diagramBoxHeight } from './boxText';
import { PipelineDiagram } from './PipelineDiagram';
import { PipelineEditorForm } from './PipelineEditorForm';
import { PipelineFaultBar } from './PipelineFaultBar';
import { PipelinePlayback } from './PipelinePlayback';
import { runDiffers } from './runDiffers';
import './pipeline.css';

export interface PipelinePanelProps {
  text: string;
  onText(text: string): void;
  cluster: PresetName;
  report: PipelineRunReport | null;
  busy: boolean;
  /** Faults injected from the UI into the run shown (the step's own are `stepFaults`). */
  injected?: readonly PipelineFault[];
  /** The step's own faults: part of every run. */
  stepFaults?: readonly PipelineFault[];
  /** Runs the step again with these injected faults; the playback resumes at `atMs`. */
  onInjectFault?(faults: PipelineFault[], atMs: number): void;
  /** Where the playback starts (a fault re-run resumes at the fault). */
  startAt?: number;
  /** What the step calls its keys and events. */
  words?: PipelineWords;
  /** The last version of the file that parsed, drawn before this panel was made (a run renews the panel). */
  lastDrawn?: DrawnPipeline | null;
  /** Hears each version of the file that parsed, so that a renewed panel can start from it. */
  onDrawn?(pipeline: DrawnPipeline): void;
}

const NONE: readonly PipelineFault[] = [];

export function PipelinePanel({
  text,
  onText,
  cluster,
  report,
  busy,
  injected = NONE,
  stepFaults = NONE,
  onInjectFault,
  startAt = 0,
  words,
  lastDrawn = null,
  onDrawn,
}: PipelinePanelProps) {
  const { t: tr, i18n } = useTranslation('pipeline');
  // Why a file cannot be drawn is said in the page's language: read again when it changes.
  const language = i18n.language;
  const read = useMemo(
    () => readPipelineText(text),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the reason's words are read inside (i18n.t)
    [text, language],
  );
  // A run renews the panel: while the file does not parse, it starts from the drawing it had before.
  const [lastGood, setLastGood] = useState<DrawnPipeline | null>(read.ok ? read.pipeline : lastDrawn);
  if (read.ok && read.pipeline !== lastGood) setLastGood(read.pipeline);
  useEffect(() => {
    if (lastGood) onDrawn?.(lastGood);
  }, [lastGood, onDrawn]);
  const drawn = read.ok ? read.pipeline : lastGood;
  // Boxes as tall as their lines, the run's statuses included, in the page's language.
  const layout = useMemo(
    () => (drawn ? pipelineLayout(drawn, diagramBoxHeight(drawn, report?.result ?? null)) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the boxes' words are read inside (i18n.t)
    [drawn, report, language],
  );
  const [selected, setSelected] = useState<string | null>(null);
  const machines = useMemo(
    () => (report ? report.result.nodes.map((node) => node.id) : clusterMachines(cluster)),
    [report, cluster],
  );

  // A part the file no longer has cannot be stopped in the next run: its faults are left out.
  const inject = (faults: PipelineFault[], atMs: number) =>
    onInjectFault?.(read.ok ? faultsThatFit(faults, new Set(read.pipeline.parts.map((p) => p.id))) : faults, atMs);

  const body = (at: PipelineInstant | null) => (
    <>
      {report && at && onInjectFault && (
        <PipelineFaultBar
          result={report.result}
          t={at.t}
          injected={injected}
          stepFaults={stepFaults}
          busy={busy}
          selected={selected}
          onInject={inject}
        />
      )}
      <div className="pipeline-work">
        <div className="pipeline-picture">
          {!read.ok && (
            <p className="error" role="status" data-testid="pipeline-parse">
              {tr('panel.parse', { reason: read.reason })}
              {drawn ? tr('panel.lastGood') : ''}
            </p>
          )}
          {report && drawn && runDiffers(drawn, report.result) && (
            <p className="muted" data-testid="pipeline-changed">
              {tr('panel.changed')}
            </p>
          )}
          {layout && layout.strays.length > 0 && (
            <p className="error">
              {tr('panel.strays', { wires: layout.strays.map((w) => `${w.from} → ${w.to}`).join(', ') })}
            </p>
          )}
          {layout && (
            <div className="pipeline-scroll">
              <PipelineDiagram layout={layout} at={at} selected={selected} onSelect={setSelected} />
            </div>
          )}
        </div>
        <PipelineEditorForm
          pipeline={read.ok ? read.pipeline : null}
          text={text}
          onText={onText}
          machines={machines}
          selected={selected}
          onSelect={setSelected}
        />
      </div>
    </>
  );

  return (
    <div className="pipeline-panel" data-testid="pipeline-panel">
      {report ? (
        <PipelinePlayback report={report} busy={busy} startAt={startAt} {...(words ? { words } : {})}>
          {body}
        </PipelinePlayback>
      ) : (
        body(null)
      )}
    </div>
  );
}
