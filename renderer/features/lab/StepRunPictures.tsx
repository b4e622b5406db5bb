/**
 * The pictures of a lab step's run, below its checks: a job's or an HDFS run's (RunArea), a
 * stream's, a server's, or a pipeline's diagram (shown before any run, as it is also where the
 * pipeline is edited). Each sits in its own error boundary, renewed with every run (`version`);
 * the pipeline's last drawing that parsed is kept across runs, so a run of a file that does not
 * parse leaves it on screen with its note.
 * The fault buttons ask the page for a re-run with the faults added.
 */
import { useTranslation } from 'react-i18next';
import { useCallback, useState } from 'react';
import type { FaultSpec } from '../../../engine/cluster';
import type { KafkaFault } from '../../../engine/streaming';
import type { PipelineFault } from '../../../engine/pipeline';
import type { LabStep } from '../../../labs/labTypes';
import type { StepRunResult } from '../../bridge/engineProtocol';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import { PipelinePanel } from '../pipeline/PipelinePanel';
import { ServerRunArea } from '../server/ServerRunArea';
import { StreamRunView } from '../stream/StreamRunView';
import { RunArea } from './RunArea';
import type { DrawnPipeline } from '../../viz/pipeline/readPipelineText';

const NO_FAULTS: never[] = [];

export function StepRunPictures({
  shown,
  step,
  version,
  busy,
  source,
  onSource,
  startAt,
  onJobFaults,
  onStreamFaults,
  onPipelineFaults,
}: {
  /** The run shown (this session's, or the one before a run in progress), or null. */
  shown: StepRunResult | null;
  step: LabStep;
  version: number;
  busy: boolean;
  /** The step's text (a pipeline step's is its diagram's). */
  source: string;
  onSource: (text: string) => void;
  startAt: number;
  onJobFaults: (faults: FaultSpec[], at: number) => void;
  onStreamFaults: (faults: KafkaFault[]) => void;
  onPipelineFaults: (faults: PipelineFault[], at: number) => void;
}) {
  const { t } = useTranslation('lab');
  const report = shown?.outcome.report ?? null;
  // The pipeline panel is renewed with every run; the last drawing that parsed outlives it (for this step).
  const [drawn, setDrawn] = useState<{ step: LabStep; pipeline: DrawnPipeline } | null>(null);
  const onDrawn = useCallback(
    (pipeline: DrawnPipeline) =>
      setDrawn((was) => (was?.step === step && was.pipeline === pipeline ? was : { step, pipeline })),
    [step],
  );
  return (
    <>
      {shown && report?.kind === 'stream' && (
        <ErrorBoundary key={version} what={t('parts.runPictures')} part="run-area">
          <StreamRunView
            report={report}
            faults={shown.streamFaults}
            busy={busy}
            consumers={step.kind === 'stream' ? step.run.consumers : 0}
            onInjectFault={onStreamFaults}
          />
        </ErrorBoundary>
      )}
      {report?.kind === 'server' && (
        <ErrorBoundary key={version} what={t('parts.runPictures')} part="run-area">
          <ServerRunArea report={report} busy={busy} />
        </ErrorBoundary>
      )}
      {step.kind === 'pipeline' && (
        <ErrorBoundary key={version} what={t('parts.pipelineDiagram')} part="run-area">
          <PipelinePanel
            text={source}
            onText={onSource}
            cluster={step.run.cluster}
            report={report?.kind === 'pipeline' ? report : null}
            busy={busy}
            injected={shown?.pipelineFaults ?? NO_FAULTS}
            stepFaults={step.run.faults ?? NO_FAULTS}
            startAt={startAt}
            {...(step.run.words ? { words: step.run.words } : {})}
            onInjectFault={onPipelineFaults}
            lastDrawn={drawn?.step === step ? drawn.pipeline : null}
            onDrawn={onDrawn}
          />
        </ErrorBoundary>
      )}
      {shown && report && report.kind !== 'stream' && report.kind !== 'server' && report.kind !== 'pipeline' && (
        <ErrorBoundary key={version} what={t('parts.runPictures')} part="run-area">
          <RunArea
            report={report}
            nodes={shown.nodes}
            faults={shown.faults}
            startAt={startAt}
            busy={busy}
            onInjectFault={onJobFaults}
          />
        </ErrorBoundary>
      )}
    </>
  );
}
