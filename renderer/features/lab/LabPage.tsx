/**
 * A lab step, laid out to fill the window below the header: instructions (with the cookbook
 * chapter) and hints on the left; on the right the editor with Run (Ctrl/Cmd+Enter) and Reset
 * above the checks and the run's pictures, split by a divider, each pane scrolling on its own.
 * The code is saved as it is typed; a step whose checks all pass is marked done, and its last
 * run's verdicts are saved with it and shown again after a reload.
 */
import { PipelinePanel } from '../pipeline/PipelinePanel';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useLabTexts } from '../../i18n/labTexts';
import type { FaultSpec } from '../../../engine/cluster';
import type { KafkaFault } from '../../../engine/streaming';
import type { PipelineFault } from '../../../engine/pipeline';
import { findLab as labById } from '../../../labs/labRegistry';
import { notJudgedReason } from '../../../labs/notJudgedReason';
import { toLastRun, withCurrentStep, withStep } from '../../state/progress';
import { useAppStore } from '../../state/store';
import { useFollowSaved } from '../../state/useFollowSaved';
import { ChecksList } from './ChecksList';
import { HintsPanel } from './HintsPanel';
import { LabStepNav } from './LabStepNav';
import { Markdown } from './Markdown';
import { PaneSplitter } from './PaneSplitter';
import { LazyCodeEditor } from '../editor/LazyCodeEditor';
import { RunArea } from './RunArea';
import { StreamRunView } from '../stream/StreamRunView';
import { ConsolePanel, consoleFirst } from '../run/ConsolePanel';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import { RunStatus, StopButton } from './RunStatus';
import { StepDone } from './StepDone';
import { useStepRun } from './useStepRun';
import { settingsStep } from '../../../labs/runStep';
import { ServerRunArea } from '../server/ServerRunArea';
import { labRunsKey } from '../../state/runHistory';
import { CompareButton } from '../compare/CompareButton';
import { CookbookFigurePanel } from '../figures/CookbookFigurePanel';
import { stepFigures } from '../figures/stepFigures';
import { useStudentStep, StudentDataNote } from '../handIn/useStudentStep';
import './labPage.css';

export function LabPage({ labId, step: stepIndex }: { labId: string; step: number }) {
  const lab = labById(labId);
  const navigate = useAppStore((s) => s.navigate);
  const { t } = useTranslation('lab');
  if (!lab) {
    return (
      <div className="panel">
        <h2>{t('noSuchLab', { id: labId })}</h2>
        <button type="button" className="btn" onClick={() => navigate({ name: 'home' })}>
          {t('backToLabs')}
        </button>
      </div>
    );
  }
  const index = Math.min(stepIndex, lab.steps.length - 1);
  return <LabStepView labId={lab.id} stepIndex={index} fixUrl={index !== stepIndex} />;
}

function LabStepView({ labId, stepIndex, fixUrl }: { labId: string; stepIndex: number; fixUrl: boolean }) {
  const { t } = useTranslation('lab');
  // The lab's texts in the chosen language (i18n/labTexts.ts is where labs/ plugs its translations in).
  const lab = useLabTexts().lab(labById(labId)!);
  const step = lab.steps[stepIndex]!;
  const stepId = step.id;
  const updateProgress = useAppStore((s) => s.updateProgress);
  const saved = useAppStore((s) => s.progress.labs[labId]?.steps[step.id]);
  const editorShare = useAppStore((s) => s.labEditorShare);
  const setEditorShare = useAppStore((s) => s.setLabEditorShare);
  // A step that varies per student shows and starts from the student's own values (features/handIn).
  const student = useStudentStep(labId, stepIndex, step);
  const [source, setSource] = useState(saved?.code ?? student.starter);
  // Another tab's newer code for this step replaces the editor's text (mergeProgress.ts).
  useFollowSaved(saved?.code, source, setSource);
  const { state, printed, run, stop } = useStepRun(labId, stepIndex);
  const [resultVersion, setResultVersion] = useState(0);
  const [startAt, setStartAt] = useState(0);
  const runPanelRef = useRef<HTMLDivElement>(null);
  const workRef = useRef<HTMLElement>(null);
  const editorPanelRef = useRef<HTMLDivElement>(null);
  const showTopOnResult = useRef(false);
  useEffect(() => {
    // After the new result is on the page, so a small window scrolls to where it really is.
    if (!showTopOnResult.current) return;
    showTopOnResult.current = false;
    showRunTop(runPanelRef.current);
  }, [resultVersion]);

  useEffect(() => {
    updateProgress((p) => withCurrentStep(p, labId, stepIndex));
    // A step number past the end (an old link) shows the last step: say so in the address too.
    if (fixUrl) window.history.replaceState(null, '', `#/lab/${encodeURIComponent(labId)}/${stepIndex + 1}`);
  }, [labId, stepIndex, fixUrl, updateProgress]);

  const onChange = (value: string) => {
    setSource(value);
    updateProgress((p) => withStep(p, labId, step.id, (s) => ({ ...s, code: value })));
  };

  const runWith = async (
    faults: FaultSpec[],
    at: number,
    streamFaults: KafkaFault[] = [],
    pipelineFaults: PipelineFault[] = [],
  ) => {
    const result = await run(source, faults, streamFaults, pipelineFaults);
    if (!result) return;
    setStartAt(at);
    // A new run shows its checks from the top; a fault re-run keeps the learner where they are.
    showTopOnResult.current = faults.length === 0 && streamFaults.length === 0 && pipelineFaults.length === 0;
    setResultVersion((v) => v + 1);
    const { checks: verdicts, error: failure } = result.outcome;
    updateProgress((p) =>
      withStep(p, labId, stepId, (s) => ({
        ...s,
        code: source,
        runs: (s.runs ?? 0) + 1,
        lastRun: toLastRun(verdicts, failure ? notJudgedReason(failure) : null, Date.now(), failure),
        ...(result.outcome.passed ? { passed: true } : {}),
      })),
    );
  };
  const onRun = () => void runWith([], 0);
  // The shortcut listener is installed once and calls the latest onRun through this ref.
  const onRunRef = useRef(onRun);
  useEffect(() => {
    onRunRef.current = onRun;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (
        (e.ctrlKey || e.metaKey) &&
        e.key === 'Enter' &&
        !(e.target instanceof Element && e.target.closest('.monaco-editor'))
      ) {
        e.preventDefault();
        onRunRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const reset = () => {
    if (source !== student.starter && !window.confirm(t('resetConfirm'))) return;
    onChange(student.starter);
  };

  const shown =
    state.status === 'done'
      ? state.result
      : state.status === 'running' || state.status === 'stopped'
        ? state.previous
        : null;
  // This session's run, or else the last run saved with the step (after a reload), until the next run.
  const lastRun = useMemo(() => {
    if (!shown) return state.status === 'failed' ? null : (saved?.lastRun ?? null);
    const failure = shown.outcome.error;
    return toLastRun(shown.outcome.checks, failure ? notJudgedReason(failure) : null, 0, failure);
  }, [shown, saved?.lastRun, state.status]);
  const fromSave = !shown && lastRun !== null;
  const error = lastRun?.error ?? null;
  const markers = useMemo(
    () => (error?.line ? [{ line: error.line, column: error.column, message: error.message }] : []),
    [error],
  );
  const allPassed = lastRun !== null && !lastRun.notJudged && lastRun.checks.every((c) => c.state === 'pass');
  const settings = settingsStep(step);
  const language = settings
    ? 'json'
    : /:\s*(string|number|SparkContext|MapReduceJob)\b|satisfies\s/.test(step.starter)
      ? 'typescript'
      : 'javascript';

  const showConsole = !settings && state.status !== 'idle';
  const consolePanel = <ConsolePanel lines={printed.lines} more={printed.more} running={state.status === 'running'} />;

  return (
    <div className="lab-page">
      <LabStepNav lab={lab} stepIndex={stepIndex} />
      <div className="lab-grid">
        <aside className="panel lab-side" aria-labelledby="step-heading" tabIndex={0}>
          <h2 id="step-heading">
            {stepIndex + 1}. {step.title}
          </h2>
          {student.own && <StudentDataNote />}
          {stepFigures(lab, stepIndex).length > 0 && (
            <ErrorBoundary what={t('parts.figure')} part="cookbook-figure">
              <CookbookFigurePanel
                key={step.id}
                figures={stepFigures(lab, stepIndex)}
                report={shown?.outcome.report?.kind === 'stream' ? null : (shown?.outcome.report ?? null)}
                nodes={shown?.nodes ?? NO_NODES}
              />
            </ErrorBoundary>
          )}
          {stepIndex === 0 && <Markdown source={lab.intro} />}
          <Markdown source={student.instructions} />
          <HintsPanel key={step.id} hints={step.hints} />
          {!settings && (
            <p className="muted">
              {step.kind === 'stream' ? (
                <Trans t={t} i18nKey="apiReferenceStream" components={[<a key="api" href="#/api" />]} />
              ) : (
                <Trans t={t} i18nKey="apiReferenceJob" components={[<a key="api" href="#/api" />]} />
              )}
            </p>
          )}
        </aside>
        <section
          className={`lab-work${editorShare === null ? '' : ' sized'}`}
          aria-label={t('workRegion')}
          ref={workRef}
          style={editorShare === null ? undefined : { gridTemplateRows: `${editorShare * 100}% auto minmax(0, 1fr)` }}
        >
          <div className="panel editor-panel" id="editor-pane" ref={editorPanelRef}>
            <div className="toolbar">
              <button
                type="button"
                className="btn primary"
                onClick={onRun}
                disabled={state.status === 'running'}
                aria-keyshortcuts="Control+Enter Meta+Enter"
              >
                {t('run')}
              </button>
              <StopButton running={state.status === 'running'} onStop={stop} />
              <span className="muted kbd-hint">Ctrl/Cmd+Enter</span>
              <button type="button" className="btn" onClick={reset}>
                {t('resetStep')}
              </button>
              <span className="spacer" />
              <span className="muted kbd-hint" title={t('tabFocusHint')}>
                {t('tabFocus')}
              </span>
              <span className="muted editor-kind">
                {/* A stream step whose consumer is a Spark query says so. */}
                {step.kind === 'stream' && /\breadStream\b/.test(step.starter)
                  ? t('editorKind.structured')
                  : t(`editorKind.${step.kind}`)}
              </span>
            </div>
            {error && state.status !== 'running' && (
              <p className="error editor-error" role="alert" data-testid="run-error">
                {fromSave ? t('lastRunPrefix') : ''}
                {error.message}
              </p>
            )}
            <div className="editor-host lab-editor">
              <LazyCodeEditor
                value={source}
                onChange={onChange}
                onRun={onRun}
                language={language}
                ariaLabel={t('codeLabel', { title: step.title })}
                markers={markers}
              />
            </div>
          </div>
          <PaneSplitter
            container={workRef}
            above={editorPanelRef}
            aboveId="editor-pane"
            share={editorShare}
            onChange={setEditorShare}
          />
          <div
            className="panel run-panel"
            role="region"
            aria-label={t('checksRegion')}
            aria-live="polite"
            ref={runPanelRef}
            tabIndex={0}
          >
            <ChecksList
              titles={step.checks.map((c) => ({ id: c.id, title: c.title }))}
              verdicts={lastRun?.checks ?? null}
              notJudged={lastRun?.notJudged ?? null}
              savedAt={fromSave ? lastRun.at : null}
              action={
                <>
                  {allPassed && state.status !== 'running' && <StepDone lab={lab} stepIndex={stepIndex} />}
                  {/* This session's runs of the step, side by side; there even when the step was left and opened again. */}
                  {shown?.outcome.report?.kind !== 'stream' &&
                    shown?.outcome.report?.kind !== 'server' &&
                    shown?.outcome.report?.kind !== 'pipeline' &&
                    step.kind !== 'stream' &&
                    step.kind !== 'server' &&
                    step.kind !== 'pipeline' && (
                      <CompareButton runsKey={labRunsKey(lab.id, stepIndex)} current={shown?.outcome.report ?? null} />
                    )}
                </>
              }
            />
            <RunStatus
              running={state.status === 'running'}
              stopped={state.status === 'stopped'}
              progress={state.status === 'running' ? state.progress : null}
              what={settings ? 'settings' : step.kind === 'stream' ? 'program' : 'job'}
            />
            {state.status === 'failed' && (
              <p className="error" role="alert">
                {state.message}
              </p>
            )}
            {showConsole && consoleFirst(printed.lines, printed.more) && consolePanel}
            {state.status === 'idle' && (
              <p className="muted">
                {step.kind === 'stream'
                  ? t('pressRun.stream')
                  : step.kind === 'server'
                    ? t('pressRun.server')
                    : step.kind === 'pipeline'
                      ? t('pressRun.pipeline')
                      : settings
                        ? t('pressRun.settings')
                        : t('pressRun.job')}
                {fromSave ? t('pressRun.again') : t('pressRun.end')}
              </p>
            )}
            {shown?.outcome.report?.kind === 'stream' && (
              <ErrorBoundary key={resultVersion} what={t('parts.runPictures')} part="run-area">
                <StreamRunView
                  report={shown.outcome.report}
                  faults={shown.streamFaults}
                  busy={state.status === 'running'}
                  consumers={step.kind === 'stream' ? step.run.consumers : 0}
                  onInjectFault={(faults) => void runWith([], 0, faults)}
                />
              </ErrorBoundary>
            )}
            {shown?.outcome.report?.kind === 'server' && (
              <ErrorBoundary key={resultVersion} what={t('parts.runPictures')} part="run-area">
                <ServerRunArea report={shown.outcome.report} busy={state.status === 'running'} />
              </ErrorBoundary>
            )}
            {step.kind === 'pipeline' && (
              <ErrorBoundary key={resultVersion} what={t('parts.pipelineDiagram')} part="run-area">
                <PipelinePanel
                  text={source}
                  onText={onChange}
                  cluster={step.run.cluster}
                  report={shown?.outcome.report?.kind === 'pipeline' ? shown.outcome.report : null}
                  busy={state.status === 'running'}
                  injected={shown?.pipelineFaults ?? NO_FAULTS}
                  stepFaults={step.run.faults ?? NO_FAULTS}
                  startAt={startAt}
                  {...(step.run.words ? { words: step.run.words } : {})}
                  onInjectFault={(faults, at) => void runWith([], at, [], faults)}
                />
              </ErrorBoundary>
            )}
            {shown?.outcome.report &&
              shown.outcome.report.kind !== 'stream' &&
              shown.outcome.report.kind !== 'server' &&
              shown.outcome.report.kind !== 'pipeline' && (
                <ErrorBoundary key={resultVersion} what={t('parts.runPictures')} part="run-area">
                  <RunArea
                    report={shown.outcome.report}
                    nodes={shown.nodes}
                    faults={shown.faults}
                    startAt={startAt}
                    busy={state.status === 'running'}
                    onInjectFault={(faults, at) => void runWith(faults, at)}
                  />
                </ErrorBoundary>
              )}
            {showConsole && !consoleFirst(printed.lines, printed.more) && consolePanel}
          </div>
        </section>
      </div>
    </div>
  );
}

const NO_NODES: never[] = [];
const NO_FAULTS: never[] = [];

/** After a run: the run pane shows its top (the checks); in a small window the main area scrolls to it (the header stays). */
function showRunTop(panel: HTMLElement | null) {
  if (!panel) return;
  if (getComputedStyle(panel).overflowY === 'auto') panel.scrollTop = 0;
  else panel.scrollIntoView({ block: 'start' });
}
