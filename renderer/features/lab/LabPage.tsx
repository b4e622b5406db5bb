/**
 * A lab step: instructions (with the cookbook chapter), hints and checks on the left; the
 * editor with Run (Ctrl/Cmd+Enter) and Reset, and the run's pictures on the right. The code is
 * saved as it is typed; a step whose checks all pass is marked done.
 */
import { useEffect, useRef, useState } from 'react';
import type { FaultSpec } from '../../../engine/cluster';
import { findLab as labById } from '../../../labs/labRegistry';
import { withCurrentStep, withStep } from '../../state/progress';
import { useAppStore } from '../../state/store';
import { ChecksList } from './ChecksList';
import { HintsPanel } from './HintsPanel';
import { Markdown } from './Markdown';
import { LazyCodeEditor } from '../editor/LazyCodeEditor';
import { RunArea } from './RunArea';
import { RunStatus, StopButton } from './RunStatus';
import { useStepRun } from './useStepRun';

export function LabPage({ labId, step: stepIndex }: { labId: string; step: number }) {
  const lab = labById(labId);
  const navigate = useAppStore((s) => s.navigate);
  if (!lab) {
    return (
      <div className="panel">
        <h2>There is no lab called “{labId}”.</h2>
        <button type="button" className="btn" onClick={() => navigate({ name: 'home' })}>
          Back to the labs
        </button>
      </div>
    );
  }
  const index = Math.min(stepIndex, lab.steps.length - 1);
  return <LabStepView labId={lab.id} stepIndex={index} fixUrl={index !== stepIndex} />;
}

function LabStepView({ labId, stepIndex, fixUrl }: { labId: string; stepIndex: number; fixUrl: boolean }) {
  const lab = labById(labId)!;
  const step = lab.steps[stepIndex]!;
  const stepId = step.id;
  const navigate = useAppStore((s) => s.navigate);
  const updateProgress = useAppStore((s) => s.updateProgress);
  const saved = useAppStore((s) => s.progress.labs[labId]?.steps[step.id]);
  const passedSteps = useAppStore((s) => s.progress.labs[labId]?.steps);
  const [source, setSource] = useState(saved?.code ?? step.starter);
  const { state, run, stop } = useStepRun(labId, stepIndex);
  const [resultVersion, setResultVersion] = useState(0);
  const [startAt, setStartAt] = useState(0);
  const runPanelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    updateProgress((p) => withCurrentStep(p, labId, stepIndex));
    // A step number past the end (an old link) shows the last step: say so in the address too.
    if (fixUrl) window.history.replaceState(null, '', `#/lab/${encodeURIComponent(labId)}/${stepIndex + 1}`);
  }, [labId, stepIndex, fixUrl, updateProgress]);

  const onChange = (value: string) => {
    setSource(value);
    updateProgress((p) => withStep(p, labId, step.id, (s) => ({ ...s, code: value })));
  };

  const runWith = async (faults: FaultSpec[], at: number) => {
    const result = await run(source, faults);
    if (!result) return;
    setStartAt(at);
    setResultVersion((v) => v + 1);
    runPanelRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    updateProgress((p) =>
      withStep(p, labId, stepId, (s) => ({
        ...s,
        code: source,
        runs: (s.runs ?? 0) + 1,
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
    if (
      source !== step.starter &&
      !window.confirm('Reset this step to its starting code? Your changes to this step will be lost.')
    )
      return;
    onChange(step.starter);
  };

  const shown =
    state.status === 'done'
      ? state.result
      : state.status === 'running' || state.status === 'stopped'
        ? state.previous
        : null;
  const checks = shown?.outcome.checks ?? null;
  const error = shown?.outcome.error;
  const language =
    step.kind === 'hdfs'
      ? 'json'
      : /:\s*(string|number|SparkContext|MapReduceJob)\b|satisfies\s/.test(step.starter)
        ? 'typescript'
        : 'javascript';

  return (
    <div className="lab-page">
      <nav className="lab-header" aria-label="Lab steps">
        <div>
          <h1 className="lab-title">{lab.title}</h1>
          <span className="muted">
            Cookbook {lab.chapters.join(', ')} · step {stepIndex + 1} of {lab.steps.length}
          </span>
        </div>
        <ol className="step-nav">
          {lab.steps.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                className="btn small"
                aria-current={i === stepIndex ? 'step' : undefined}
                onClick={() => navigate({ name: 'lab', labId, step: i })}
                title={s.title}
              >
                {passedSteps?.[s.id]?.passed ? '✓ ' : ''}
                {i + 1}. {s.title}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div className="lab-grid">
        <aside className="panel lab-side" aria-labelledby="step-heading">
          <h2 id="step-heading">
            {stepIndex + 1}. {step.title}
          </h2>
          {stepIndex === 0 && <Markdown source={lab.intro} />}
          <Markdown source={step.instructions} />
          <HintsPanel key={step.id} hints={step.hints} />
        </aside>
        <section className="lab-work" aria-label="Your code and its run">
          <div className="panel editor-panel">
            <div className="toolbar">
              <button
                type="button"
                className="btn primary"
                onClick={onRun}
                disabled={state.status === 'running'}
                aria-keyshortcuts="Control+Enter Meta+Enter"
              >
                ▶ Run
              </button>
              <StopButton running={state.status === 'running'} onStop={stop} />
              <span className="muted kbd-hint">Ctrl/Cmd+Enter</span>
              <button type="button" className="btn" onClick={reset}>
                Reset step
              </button>
              <span className="spacer" />
              <span
                className="muted kbd-hint"
                title="Monaco's tab-focus mode: Ctrl+M on Windows and Linux, Ctrl+Shift+M on macOS"
              >
                In the editor Tab indents; Ctrl+M makes Tab move focus
              </span>
              <span className="muted">
                {step.kind === 'hdfs' ? 'Settings (JSON)' : step.kind === 'spark' ? 'Spark job' : 'MapReduce job'}
              </span>
            </div>
            <div className="editor-host lab-editor">
              <LazyCodeEditor
                value={source}
                onChange={onChange}
                onRun={onRun}
                language={language}
                ariaLabel={`${step.title}: code`}
              />
            </div>
          </div>
          <div className="panel run-panel" aria-live="polite" ref={runPanelRef}>
            <ChecksList titles={step.checks.map((c) => ({ id: c.id, title: c.title }))} results={checks} />
            {shown?.outcome.passed && (
              <div className="step-done" role="status">
                <strong>Step passed.</strong>{' '}
                {stepIndex + 1 < lab.steps.length ? (
                  <button
                    type="button"
                    className="btn primary small"
                    onClick={() => navigate({ name: 'lab', labId, step: stepIndex + 1 })}
                  >
                    Next step →
                  </button>
                ) : (
                  <span>You finished the lab.</span>
                )}
              </div>
            )}
            <RunStatus
              running={state.status === 'running'}
              stopped={state.status === 'stopped'}
              progress={state.status === 'running' ? state.progress : null}
              what={step.kind === 'hdfs' ? 'settings' : 'job'}
            />
            {state.status === 'failed' && (
              <p className="error" role="alert">
                {state.message}
              </p>
            )}
            {error && state.status !== 'running' && (
              <p className="error" role="alert" data-testid="run-error">
                {error.message}
              </p>
            )}
            {state.status === 'idle' && (
              <p className="muted">
                Press Run to run your {step.kind === 'hdfs' ? 'settings' : 'job'} on the simulated cluster.
              </p>
            )}
            {shown?.outcome.report && (
              <RunArea
                key={resultVersion}
                report={shown.outcome.report}
                nodes={shown.nodes}
                faults={shown.faults}
                startAt={startAt}
                busy={state.status === 'running'}
                onInjectFault={(faults, at) => void runWith(faults, at)}
              />
            )}
          </div>
        </section>
      </div>
    </div>
  );
}
