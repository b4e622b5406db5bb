/**
 * The free sandbox's job runner: any MapReduce or Spark job on a cluster of your choice, with
 * the built-in sample data, the same pictures and fault injection as the labs, and no checks.
 */
import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FaultSpec } from '../../../engine/cluster';
import { codeNamesSql } from '../../../engine/sandbox';
import { engineClient, RunStoppedError, warmSandboxSoon } from '../../bridge/engineClient';
import type { JobRunResult, RunProgress } from '../../bridge/engineProtocol';
import { useAppStore } from '../../state/store';
import { useFollowSaved } from '../../state/useFollowSaved';
import { LazyCodeEditor } from '../editor/LazyCodeEditor';
import { RunArea } from '../lab/RunArea';
import { useLatestCallback } from '../../app/useLatestCallback';
import { RunStatus, StopButton } from '../lab/RunStatus';
import { currentTimeLimit, NOTHING_PRINTED, withPrinted, type Printed } from '../lab/useStepRun';
import { ConsolePanel, consoleFirst } from '../run/ConsolePanel';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import { saveProgressNow } from '../../state/persistence';
import { runEnded, runStarting } from '../../state/runMarker';
import {
  BLOCK_SIZES,
  CLUSTERS,
  EXAMPLES,
  restoreChoice,
  settingOf,
  type ExampleJob,
  type SandboxChoice,
} from './examples';
import type { SandboxSetting } from '../../state/progress';
import { SANDBOX_RUNS, useRunHistory } from '../../state/runHistory';
import { activeLanguage } from '../../i18n/activeLocale';
import { runErrorText } from '../../i18n/runErrorText';

const MB = 1024 * 1024;

/** `onResult` hears every run's answer (the SQL console turns its outputs into tables). */
export function SandboxJobPanel({ onResult }: { onResult?: (result: JobRunResult) => void } = {}) {
  const saved = useAppStore((s) => s.progress.sandboxCode);
  const { t } = useTranslation('sandbox');
  const clusterName = (value: ExampleJob['cluster']) => t(`clusters.${String(value)}`);
  const blockName = (value: number) =>
    value === 128 * MB
      ? t('blocks.128mb')
      : value % MB === 0
        ? `${value / MB} MB`
        : value % 1024 === 0
          ? `${value / 1024} KB`
          : t('bytes', { n: value });
  const updateProgress = useAppStore((s) => s.updateProgress);
  // The example, cluster and block size are saved with the code: a reload shows what was picked.
  const savedSetting = useAppStore((s) => s.progress.sandboxSetting);
  const [choice, setChoice] = useState<SandboxChoice>(() => restoreChoice(savedSetting));
  const { example, cluster, blockSize } = choice;
  const [code, setCode] = useState(saved ?? choice.example.code);
  useFollowSaved(saved, code, setCode);
  useFollowSetting(savedSetting, choice, setChoice);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [stopped, setStopped] = useState(false);
  const [result, setResult] = useState<JobRunResult | null>(null);
  const [printed, setPrinted] = useState<Printed | null>(null);
  const [version, setVersion] = useState(0);
  const [startAt, setStartAt] = useState(0);

  const onChange = (value: string) => {
    setCode(value);
    updateProgress((p) => ({ ...p, sandboxCode: value }));
  };
  /** A new choice, saved; with `nextCode`, the editor's text too (an example picked). */
  const choose = (next: SandboxChoice, nextCode?: string) => {
    setChoice(next);
    if (nextCode !== undefined) setCode(nextCode);
    updateProgress((p) => ({
      ...p,
      sandboxSetting: settingOf(next),
      ...(nextCode !== undefined ? { sandboxCode: nextCode } : {}),
    }));
  };
  const pick = (id: string) => {
    const next = EXAMPLES.find((e) => e.id === id)!;
    choose({ example: next, cluster: next.cluster, blockSize: next.blockSize }, next.code);
  };
  const generation = useRef(0);
  const run = async (faults: FaultSpec[] = [], at = 0) => {
    // Run while a run is going on (Ctrl/Cmd+Enter in the editor): the newer code wins.
    if (running) engineClient().stop();
    const mine = ++generation.current;
    setRunning(true);
    setProgress(null);
    setStopped(false);
    setPrinted(NOTHING_PRINTED);
    // If this run takes the page down, the reloaded page says so (runMarker.ts); the code is saved first.
    saveProgressNow();
    const marker = runStarting({ kind: 'sandbox' });
    let ended: 'finished' | 'failed' = 'failed';
    try {
      const fileName = /:\s*(string|number)\b|interface\s/.test(code)
        ? example.fileName.replace(/\.js$/, '.ts')
        : example.fileName.replace(/\.ts$/, '.js');
      const request = {
        source: code,
        fileName,
        cluster,
        blockSize,
        seed: 1,
        faults,
        timeLimitSeconds: currentTimeLimit(),
      };
      const answer = await engineClient().runJob(
        request,
        (p) => generation.current === mine && setProgress(p),
        (lines, dropped) =>
          generation.current === mine && setPrinted((p) => withPrinted(p ?? NOTHING_PRINTED, lines, dropped)),
      );
      if (answer.error === null) ended = 'finished';
      if (generation.current !== mine) return;
      // Kept for the compare view (features/compare): this session's sandbox runs.
      if (answer.report)
        useRunHistory.getState().keep(SANDBOX_RUNS, {
          at: Date.now(),
          source: code,
          setting: t('setting', { cluster: clusterName(cluster), blocks: blockName(blockSize) }),
          report: answer.report,
          nodes: answer.nodes,
          faults: answer.faults,
        });
      setResult(answer);
      setPrinted({ lines: answer.console ?? [], more: answer.consoleMore ?? 0 });
      onResult?.(answer);
      setStartAt(at);
      setVersion((v) => v + 1);
    } catch (error) {
      if (generation.current !== mine) return;
      if (error instanceof RunStoppedError) setStopped(true);
      else setResult({ report: null, error: (error as Error).message, nodes: [], faults });
    } finally {
      runEnded(marker, ended);
      if (generation.current === mine) setRunning(false);
    }
  };
  // The same function from render to render (the editor's Ctrl/Cmd+Enter and RunArea, memoised,
  // which then skips this panel's re-renders), always the latest run.
  const runLatest = useLatestCallback(run);
  const injectFaults = useCallback((faults: FaultSpec[], at: number) => void runLatest(faults, at), [runLatest]);
  const stop = useCallback(() => engineClient().stop(), []);
  // The sandbox's workers start while the learner reads or types, not when Run is pressed: with
  // DuckDB if the code shown then names sql.
  const namesSql = useLatestCallback(() => codeNamesSql(code));
  useEffect(() => warmSandboxSoon(namesSql), [namesSql]);
  // Leaving the Jobs tab while a job runs stops it.
  const runningRef = useRef(running);
  useEffect(() => {
    runningRef.current = running;
  }, [running]);
  useEffect(
    () => () => {
      if (runningRef.current) engineClient().stop();
    },
    [],
  );

  const language = /:\s*(string|number)\b|interface\s/.test(code) ? 'typescript' : 'javascript';
  return (
    <div className="sandbox-job">
      <div className="toolbar">
        <label>
          {t('example')}{' '}
          <select value={example.id} onChange={(e) => pick(e.target.value)} aria-label={t('exampleJob')}>
            {EXAMPLES.map((e) => (
              <option key={e.id} value={e.id}>
                {t(`examples.${e.id}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('cluster')}{' '}
          <select
            value={String(cluster)}
            onChange={(e) =>
              choose({
                ...choice,
                cluster: /^\d+$/.test(e.target.value)
                  ? Number(e.target.value)
                  : (e.target.value as ExampleJob['cluster']),
              })
            }
            aria-label={t('cluster')}
          >
            {CLUSTERS.map((c) => (
              <option key={String(c.value)} value={String(c.value)}>
                {clusterName(c.value)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('blockSize')}{' '}
          <select
            value={blockSize}
            onChange={(e) => choose({ ...choice, blockSize: Number(e.target.value) })}
            aria-label={t('blockSize')}
          >
            {BLOCK_SIZES.map((b) => (
              <option key={b.value} value={b.value}>
                {blockName(b.value)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn primary"
          disabled={running}
          onClick={() => void run()}
          aria-keyshortcuts="Control+Enter Meta+Enter"
        >
          {t('run')}
        </button>
        <StopButton running={running} onStop={stop} />
        <span className="muted kbd-hint">{t('runShortcut')}</span>
        <span className="spacer" />
        <a className="btn" href="#/api">
          {t('apiReference')}
        </a>
      </div>
      <p className="muted small-print">{t('inputs')}</p>
      <div className="editor-host sandbox-editor">
        <LazyCodeEditor
          value={code}
          onChange={onChange}
          onRun={() => void runLatest()}
          language={language}
          path={language === 'typescript' ? 'file:///sandbox/job.ts' : 'file:///sandbox/job.js'}
          ariaLabel={t('jobCode')}
        />
      </div>
      <div className="run-panel" aria-live="polite">
        <RunStatus running={running} stopped={stopped} progress={progress} what="job" />
        {result?.error && (
          <p className="error" role="alert" data-testid="run-error">
            {runErrorText(result.error, activeLanguage())}
          </p>
        )}
        {printed && consoleFirst(printed.lines, printed.more) && (
          <ConsolePanel lines={printed.lines} more={printed.more} running={running} />
        )}
        {result?.report && (
          <ErrorBoundary key={version} what={t('runPictures')} part="run-area">
            <RunArea
              runsKey={SANDBOX_RUNS}
              report={result.report}
              nodes={result.nodes}
              faults={result.faults}
              startAt={startAt}
              busy={running}
              onInjectFault={injectFaults}
            />
          </ErrorBoundary>
        )}
        {printed && !consoleFirst(printed.lines, printed.more) && (
          <ConsolePanel lines={printed.lines} more={printed.more} running={running} />
        )}
      </div>
    </div>
  );
}

/** Like useFollowSaved, for the example, cluster and block size: another tab's newer pick shows here too. */
function useFollowSetting(
  saved: SandboxSetting | undefined,
  current: SandboxChoice,
  setCurrent: (c: SandboxChoice) => void,
): void {
  const last = useRef(saved);
  const latest = useRef(current);
  useEffect(() => {
    latest.current = current;
  });
  useEffect(() => {
    if (saved === last.current) return;
    last.current = saved;
    if (saved === undefined) return;
    const next = restoreChoice(saved);
    const now = latest.current;
    if (next.example !== now.example || next.cluster !== now.cluster || next.blockSize !== now.blockSize)
      setCurrent(next);
  }, [saved, setCurrent]);
}
