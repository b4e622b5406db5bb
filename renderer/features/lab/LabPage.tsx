/**
 * A lab step, laid out to fill the window below the header: instructions (with the cookbook
 * chapter) and hints on the left; on the right the editor with Run (Ctrl/Cmd+Enter) and Reset
 * above the checks and the run's pictures, split by a divider, each pane scrolling on its own.
 * The code is saved as it is typed; a step whose checks all pass is marked done, and its last
 * run's verdicts are saved with it and shown again after a reload.
 *
 * The same page shows a lab in practice mode (features/practice: the exercises without the story,
 * fresh data on every attempt, nothing of the lesson's progress changed) and, once the lab is
 * done, its reference solutions (read only, run on request).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabTexts } from '../../i18n/labTexts';
import type { FaultSpec } from '../../../engine/cluster';
import { codeNamesSql } from '../../../engine/sandbox';
import { useLatestCallback } from '../../app/useLatestCallback';
import type { KafkaFault } from '../../../engine/streaming';
import type { PipelineFault } from '../../../engine/pipeline';
import { findAnyLab as labById } from '../packs/findAnyLab';
import { useKeptPacksLoaded } from '../packs/PackEnglishNote';
import { notJudgedReason } from '../../../labs/notJudgedReason';
import { localizeCheckResults } from '../../../labs/labLocale';
import { toLastRun, withCurrentStep, withStep } from '../../state/progress';
import { useAppStore } from '../../state/store';
import { ChecksList } from './ChecksList';
import { LabStepNav } from './LabStepNav';
import { PaneSplitter } from './PaneSplitter';
import { ConsolePanel, consoleFirst } from '../run/ConsolePanel';
import { RunStatus } from './RunStatus';
import { LabEditorPanel } from './LabEditorPanel';
import { useFollowedCode } from './useFollowedCode';
import { StepDone } from './StepDone';
import { StepRunPictures } from './StepRunPictures';
import { useStepRun, type RunInput } from './useStepRun';
import type { LabMode } from '../../state/router';
import { labFinished } from '../../state/progress';
import { variantStarter } from '../../../labs/variant';
import { currentAttempt, nextAttempt, savePracticeCode, type PracticeAttempt } from '../practice/practiceStore';
import { settingsStep } from '../../../labs/runStep';
import { labRunsKey } from '../../state/runHistory';
import { CompareButton } from '../compare/CompareButton';
import { useStudentStep } from '../handIn/useStudentStep';
import { LabStepSide } from './LabStepSide';
import { ranAsOf } from '../handIn/otherNameRuns';
import { handlerSavedError } from '../stream/StreamHandlerErrors';
import './labPage.css';

export function LabPage({
  labId,
  step: stepIndex,
  mode = null,
}: {
  labId: string;
  step: number;
  mode?: LabMode | null;
}) {
  const lab = labById(labId);
  const navigate = useAppStore((s) => s.navigate);
  const { t } = useTranslation('lab');
  const { t: tp } = useTranslation('practice');
  const finished = useAppStore((s) =>
    lab
      ? labFinished(
          s.progress,
          lab.id,
          lab.steps.map((st) => st.id),
        )
      : false,
  );
  // A lab pack's lab is known once the kept packs are loaded (features/packs).
  const packsLoaded = useKeptPacksLoaded();
  if (!lab && !packsLoaded) return null;
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
  if (mode === 'reference' && !finished)
    return (
      <div className="panel" data-testid="reference-locked">
        <h2>{tp('reference.locked')}</h2>
        <button type="button" className="btn" onClick={() => navigate({ name: 'lab', labId: lab.id, step: index })}>
          {tp('reference.toLesson')}
        </button>
      </div>
    );
  return <LabStepView labId={lab.id} stepIndex={index} fixUrl={index !== stepIndex} mode={mode} />;
}

function LabStepView({
  labId,
  stepIndex,
  fixUrl,
  mode,
}: {
  labId: string;
  stepIndex: number;
  fixUrl: boolean;
  mode: LabMode | null;
}) {
  const { t } = useTranslation('lab');
  const { t: tp } = useTranslation('practice');
  // The lab's texts in the chosen language (i18n/labTexts.ts is where labs/ plugs its translations in).
  const lab = useLabTexts().lab(labById(labId)!);
  const step = lab.steps[stepIndex]!;
  const stepId = step.id;
  const uiLanguage = useAppStore((s) => s.language);
  const practice = mode === 'practice';
  const reference = mode === 'reference';
  const lesson = mode === null;
  // Practice: the attempt (its data seed) and its code, kept apart from the lesson's progress.
  const [attempt, setAttempt] = useState<PracticeAttempt | null>(() =>
    practice ? currentAttempt(labId, stepId) : null,
  );
  const attemptSeed = practice && attempt ? attempt.seed : null;
  // A step that varies per student shows and starts from the student's own values (features/handIn).
  const student = useStudentStep(labId, stepIndex, step);
  const starter = practice
    ? attemptSeed === null
      ? step.starter
      : variantStarter(step, attemptSeed)
    : student.starter;
  const updateProgress = useAppStore((s) => s.updateProgress);
  const saved = useAppStore((s) => s.progress.labs[labId]?.steps[step.id]);
  const editorShare = useAppStore((s) => s.labEditorShare);
  const setEditorShare = useAppStore((s) => s.setLabEditorShare);
  const [source, setSource] = useState(() =>
    reference ? step.solution : practice ? (attempt?.code ?? starter) : (saved?.code ?? starter),
  );
  const { state, printed, run, stop, clear } = useStepRun(labId, stepIndex, mode ? `${labId}:${mode}` : labId, () =>
    codeNamesSql(source),
  );
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
    if (mode === null) updateProgress((p) => withCurrentStep(p, labId, stepIndex));
    // A step number past the end (an old link) shows the last step: say so in the address too.
    if (fixUrl)
      window.history.replaceState(
        null,
        '',
        `#/lab/${encodeURIComponent(labId)}/${stepIndex + 1}${mode === null ? '' : `/${mode}`}`,
      );
  }, [labId, stepIndex, fixUrl, updateProgress, mode]);

  const onChange = (value: string) => {
    if (reference) return;
    setSource(value);
    if (practice) savePracticeCode(labId, step.id, value);
    else updateProgress((p) => withStep(p, labId, step.id, (s) => ({ ...s, code: value })));
  };
  // Another tab's newer code for this step replaces the editor's text, and this tab's is offered back.
  const replaced = useFollowedCode(lesson ? saved?.code : undefined, source, setSource, clear, onChange);

  /** Practice: the next attempt draws fresh data; the code stays if the learner wants it to. */
  const newAttempt = () => {
    const keep = source !== starter && window.confirm(tp('goal.keepCode'));
    const next = nextAttempt(labId, step.id, keep);
    setAttempt(next);
    clear();
    const nextStarter = variantStarter(step, next.seed);
    setSource(keep ? source : nextStarter);
  };

  const shown =
    state.status === 'done'
      ? state.result
      : state.status === 'running' || state.status === 'stopped'
        ? state.previous
        : null;
  /**
   * Runs `input` with the faults: the editor's code (Run), or the run on screen again with faults
   * injected into it (`rerun`), whose code the step's saved code is never replaced by.
   */
  const runWith = async (
    input: RunInput,
    rerun: boolean,
    faults: FaultSpec[],
    at: number,
    streamFaults: KafkaFault[] = [],
    pipelineFaults: PipelineFault[] = [],
  ) => {
    // The name this run's data is drawn for, saved with a varying step's run (handIn/otherNameRuns.ts).
    const ranAs = ranAsOf(labById(labId), stepIndex, useAppStore.getState().progress.studentName);
    const result = await run(input.source, faults, streamFaults, pipelineFaults, input.options);
    if (!result) return;
    setStartAt(at);
    // A new run shows its checks from the top; a fault re-run keeps the learner where they are.
    showTopOnResult.current = !rerun;
    setResultVersion((v) => v + 1);
    const { checks: verdicts, error: failure } = result.outcome;
    // Practice and the reference change nothing of the lesson's progress.
    if (!lesson) return;
    // A re-run's verdicts are saved with the step only when they are those of its code (the editor's, saved as typed).
    const savedCode = useAppStore.getState().progress.labs[labId]?.steps[stepId]?.code ?? starter;
    const ofSavedCode = !rerun || input.source === savedCode;
    updateProgress((p) =>
      withStep(p, labId, stepId, (s) => ({
        ...s,
        ...(rerun ? {} : { code: input.source }),
        runs: (s.runs ?? 0) + 1,
        ...(ofSavedCode
          ? {
              lastRun: toLastRun(
                localizeCheckResults(step, verdicts, uiLanguage),
                failure ? notJudgedReason(failure, uiLanguage, step.kind) : null,
                Date.now(),
                failure ?? handlerSavedError(result.outcome.report, true),
              ),
            }
          : {}),
        ...(result.outcome.passed ? { passed: true } : {}),
        ...ranAs,
      })),
    );
  };
  const onRun = () =>
    void runWith({ source, options: attemptSeed === null ? {} : { practiceSeed: attemptSeed } }, false, [], 0);
  /** Re-runs the run on screen (its own code and data, not the editor's) with the faults injected into it. */
  const rerunShown = (faults: FaultSpec[], at: number, streamFaults: KafkaFault[], pipelineFaults: PipelineFault[]) => {
    if (shown) void runWith(shown.ran, true, faults, at, streamFaults, pipelineFaults);
  };
  // The same function from render to render: the run's pictures (RunArea, memoised) skip the page's re-renders.
  const injectJobFaults = useLatestCallback((faults: FaultSpec[], at: number) => rerunShown(faults, at, [], []));
  const reset = () => {
    if (source !== starter && !window.confirm(t('resetConfirm'))) return;
    onChange(starter);
  };

  // This session's run, or else the last run saved with the step (after a reload), until the next run.
  const lastRun = useMemo(() => {
    if (!shown) return state.status === 'failed' || !lesson ? null : (saved?.lastRun ?? null);
    const failure = shown.outcome.error;
    return toLastRun(
      localizeCheckResults(step, shown.outcome.checks, uiLanguage),
      failure ? notJudgedReason(failure, uiLanguage, step.kind) : null,
      0,
      failure,
    );
  }, [shown, saved?.lastRun, state.status, step, uiLanguage, lesson]);
  const fromSave = !shown && lastRun !== null;
  // A stream run whose consumer's handler threw has no run error, but the learner's line is told
  // and marked as a job's error is (the run view below says what KafkaJS did about it).
  const error = lastRun?.error ?? handlerSavedError(shown?.outcome.report);
  const allPassed = lastRun !== null && !lastRun.notJudged && lastRun.checks.every((c) => c.state === 'pass');
  const settings = settingsStep(step);
  const showConsole = !settings && state.status !== 'idle';
  const consolePanel = <ConsolePanel lines={printed.lines} more={printed.more} running={state.status === 'running'} />;

  return (
    <div className="lab-page">
      <LabStepNav lab={lab} stepIndex={stepIndex} mode={mode} />
      <div className="lab-grid">
        <LabStepSide
          lab={lab}
          stepIndex={stepIndex}
          mode={mode}
          attempt={attempt}
          onNewAttempt={newAttempt}
          student={student}
          report={shown?.outcome.report?.kind === 'stream' ? null : (shown?.outcome.report ?? null)}
          nodes={shown?.nodes ?? NO_NODES}
          settings={settings}
        />
        <section
          className={`lab-work${editorShare === null ? '' : ' sized'}`}
          aria-label={t('workRegion')}
          ref={workRef}
          style={editorShare === null ? undefined : { gridTemplateRows: `${editorShare * 100}% auto minmax(0, 1fr)` }}
        >
          <LabEditorPanel
            step={step}
            reference={reference}
            settings={settings}
            running={state.status === 'running'}
            source={source}
            onChange={onChange}
            onRun={onRun}
            onStop={stop}
            onReset={reset}
            error={error}
            fromSave={fromSave}
            panelRef={editorPanelRef}
            replaced={replaced}
          />
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
                  {allPassed && state.status !== 'running' && lesson && <StepDone lab={lab} stepIndex={stepIndex} />}
                  {allPassed && state.status !== 'running' && practice && (
                    <div className="step-done" role="status" data-testid="practice-done">
                      <strong>{tp('goal.passed')}</strong>
                      <button type="button" className="btn primary small" onClick={newAttempt}>
                        {tp('goal.newAttempt')}
                      </button>
                    </div>
                  )}
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
            <StepRunPictures
              shown={shown}
              step={step}
              version={resultVersion}
              busy={state.status === 'running'}
              source={source}
              onSource={onChange}
              startAt={startAt}
              onJobFaults={injectJobFaults}
              onStreamFaults={(faults) => rerunShown([], 0, faults, [])}
              onPipelineFaults={(faults, at) => rerunShown([], at, [], faults)}
            />
            {showConsole && !consoleFirst(printed.lines, printed.more) && consolePanel}
          </div>
        </section>
      </div>
    </div>
  );
}

const NO_NODES: never[] = [];

/** After a run: the run pane shows its top (the checks); in a small window the main area scrolls to it (the header stays). */
function showRunTop(panel: HTMLElement | null) {
  if (!panel) return;
  if (getComputedStyle(panel).overflowY === 'auto') panel.scrollTop = 0;
  else panel.scrollIntoView({ block: 'start' });
}
