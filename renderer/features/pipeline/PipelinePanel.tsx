/**
 * A pipeline step's diagram and editor helpers, drawn from the learner's file as they type (the
 * last version that parsed stays on screen, with a note, while the file does not parse), and once
 * there is a run, its playback on the same diagram.
 */
import { useMemo, useState } from 'react';
import type { PresetName } from '../../../engine/cluster';
import type { PipelineRunReport } from '../../../labs/labTypes';
import { pipelineLayout } from '../../viz/pipeline/pipelineLayout';
import type { PipelineInstant } from '../../viz/pipeline/pipelineAt';
import { readPipelineText, type DrawnPipeline } from '../../viz/pipeline/readPipelineText';
import { clusterMachines } from './clusterMachines';
import { PipelineDiagram } from './PipelineDiagram';
import { PipelineEditorForm } from './PipelineEditorForm';
import { PipelinePlayback } from './PipelinePlayback';
import { runDiffers } from './runDiffers';
import './pipeline.css';

export interface PipelinePanelProps {
  text: string;
  onText(text: string): void;
  cluster: PresetName;
  report: PipelineRunReport | null;
  busy: boolean;
}

export function PipelinePanel({ text, onText, cluster, report, busy }: PipelinePanelProps) {
  const read = useMemo(() => readPipelineText(text), [text]);
  const [lastGood, setLastGood] = useState<DrawnPipeline | null>(read.ok ? read.pipeline : null);
  if (read.ok && read.pipeline !== lastGood) setLastGood(read.pipeline);
  const drawn = read.ok ? read.pipeline : lastGood;
  const layout = useMemo(() => (drawn ? pipelineLayout(drawn) : null), [drawn]);
  const [selected, setSelected] = useState<string | null>(null);
  const machines = useMemo(
    () => (report ? report.result.nodes.map((node) => node.id) : clusterMachines(cluster)),
    [report, cluster],
  );

  const body = (at: PipelineInstant | null) => (
    <div className="pipeline-work">
      <div className="pipeline-picture">
        {!read.ok && (
          <p className="error" role="status" data-testid="pipeline-parse">
            The file does not parse: {read.reason}. {drawn ? 'The diagram shows the last version that did.' : ''}
          </p>
        )}
        {report && drawn && runDiffers(drawn, report.result) && (
          <p className="muted" data-testid="pipeline-changed">
            The file has changed since this run: the figures on the boxes are the run&rsquo;s. Run again to see the new
            pipeline work.
          </p>
        )}
        {layout && layout.strays.length > 0 && (
          <p className="error">
            {layout.strays.map((w) => `${w.from} → ${w.to}`).join(', ')}: a wire names a part the file does not have.
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
  );

  return (
    <div className="pipeline-panel" data-testid="pipeline-panel">
      {report ? (
        <PipelinePlayback report={report} busy={busy}>
          {body}
        </PipelinePlayback>
      ) : (
        body(null)
      )}
    </div>
  );
}
