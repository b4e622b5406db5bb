/**
 * The sandbox's Streaming tab: a KafkaJS program (the code a JavaScript developer runs against a
 * real Kafka) run against the simulated Kafka, with sample card payments for `produce` and as
 * many `consume` calls as consumers; then played back (StreamRunView) with faults to inject.
 */
import { Trans, useTranslation } from 'react-i18next';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KafkaFault } from '../../../engine/streaming';
import { engineClient, RunStoppedError, warmSandboxSoon } from '../../bridge/engineClient';
import type { RunProgress, StreamRunResult } from '../../bridge/engineProtocol';
import { useAppStore } from '../../state/store';
import { useFollowSaved } from '../../state/useFollowSaved';
import { LazyCodeEditor } from '../editor/LazyCodeEditor';
import { RunStatus, StopButton } from '../lab/RunStatus';
import { currentTimeLimit, NOTHING_PRINTED, withPrinted, type Printed } from '../lab/useStepRun';
import { ConsolePanel } from '../run/ConsolePanel';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import { useLatestCallback } from '../../app/useLatestCallback';
import { saveProgressNow } from '../../state/persistence';
import { runEnded, runStarting } from '../../state/runMarker';
import { StreamRunView } from './StreamRunView';
import { handlerMarkers } from './StreamHandlerErrors';
import { useStreamSession } from './streamSession';
import cardPaymentsProgram from '../../../labs/examples/streaming/kafkajs/card-payments.js?raw';
import './stream.css';

const PARTITIONS = [1, 2, 3, 4, 6, 12, 48];
const CONSUMERS = [0, 1, 2, 3, 4, 6];
const RECORDS = [40, 200, 1000, 5000];

/** A labelled choice among a few numbers. */
function NumberChoice(props: {
  label: string;
  aria: string;
  value: number;
  choices: readonly number[];
  onChange(n: number): void;
}) {
  return (
    <label>
      {props.label}{' '}
      <select value={props.value} onChange={(e) => props.onChange(Number(e.target.value))} aria-label={props.aria}>
        {props.choices.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}

export function StreamJobPanel() {
  const saved = useAppStore((s) => s.progress.streamCode);
  const updateProgress = useAppStore((s) => s.updateProgress);
  const [code, setCode] = useState(saved ?? cardPaymentsProgram);
  useFollowSaved(saved, code, setCode);
  // Kept for the session: leaving the tab and coming back finds the choices and the last run.
  const session = useStreamSession();
  const { partitions, consumers, records, result, interrupted } = session;
  const setPartitions = (n: number) => session.set({ partitions: n });
  const setConsumers = (n: number) => session.set({ consumers: n });
  const setRecords = (n: number) => session.set({ records: n });
  const setResult = (r: StreamRunResult) => useStreamSession.getState().set({ result: r });
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [stopped, setStopped] = useState(false);
  const [printed, setPrinted] = useState<Printed | null>(null);
  const [version, setVersion] = useState(0);

  const onChange = (value: string) => {
    setCode(value);
    updateProgress((p) => ({ ...p, streamCode: value }));
  };
  const generation = useRef(0);
  const run = async (asked: KafkaFault[] = []) => {
    if (running) engineClient().stop();
    // A crash of a consumer this run does not have would be listed and never happen.
    const faults = asked.filter((f) => f.kind !== 'crashConsumer' || f.consumer <= consumers);
    const mine = ++generation.current;
    setRunning(true);
    setProgress(null);
    setStopped(false);
    useStreamSession.getState().set({ interrupted: false });
    setPrinted(NOTHING_PRINTED);
    saveProgressNow();
    const marker = runStarting({ kind: 'sandbox' });
    let ended: 'finished' | 'failed' = 'failed';
    try {
      const answer = await engineClient().runStream(
        {
          source: code,
          fileName: /:\s*(string|number)\b|interface\s/.test(code) ? 'card-payments.ts' : 'card-payments.js',
          seed: 1,
          topic: { name: 'payments', partitions },
          consumers,
          records,
          durationMs: 60_000,
          processingMs: 20,
          faults,
          timeLimitSeconds: currentTimeLimit(),
        },
        (p) => generation.current === mine && setProgress(p),
        (lines, dropped) =>
          generation.current === mine && setPrinted((p) => withPrinted(p ?? NOTHING_PRINTED, lines, dropped)),
      );
      if (answer.error === null) ended = 'finished';
      if (generation.current !== mine) return;
      setResult(answer);
      setPrinted({ lines: answer.console ?? [], more: answer.consoleMore ?? 0 });
      setVersion((v) => v + 1);
    } catch (error) {
      if (generation.current !== mine) return;
      if (error instanceof RunStoppedError) setStopped(true);
      else setResult({ report: null, error: (error as Error).message, faults });
    } finally {
      runEnded(marker, ended);
      if (generation.current === mine) setRunning(false);
    }
  };
  const stop = useCallback(() => engineClient().stop(), []);
  useEffect(() => warmSandboxSoon(), []);
  const runningRef = useRef(running);
  useEffect(() => {
    runningRef.current = running;
  }, [running]);
  // Leaving the tab while a program runs stops it; coming back says so.
  useEffect(
    () => () => {
      if (runningRef.current) {
        engineClient().stop();
        useStreamSession.getState().set({ interrupted: true });
      }
    },
    [],
  );
  const runLatest = useLatestCallback(run);

  const language = /:\s*(string|number)\b|interface\s/.test(code) ? 'typescript' : 'javascript';
  // A handler that threw is marked at its line, as a job's error is (until the code changes).
  const handlerErrors = result?.report?.handlerErrors;
  const markers = useMemo(() => handlerMarkers(handlerErrors), [handlerErrors]);
  const { t } = useTranslation('stream');
  return (
    <div className="sandbox-job stream-job">
      <div className="toolbar">
        <NumberChoice
          label={t('job.partitions')}
          aria={t('job.partitionsAria')}
          value={partitions}
          choices={PARTITIONS}
          onChange={setPartitions}
        />
        <NumberChoice
          label={t('job.consumers')}
          aria={t('job.consumersAria')}
          value={consumers}
          choices={CONSUMERS}
          onChange={setConsumers}
        />
        <NumberChoice
          label={t('job.payments')}
          aria={t('job.paymentsAria')}
          value={records}
          choices={RECORDS}
          onChange={setRecords}
        />
        <button
          type="button"
          className="btn primary"
          disabled={running}
          onClick={() => void run(result?.faults ?? [])}
          aria-keyshortcuts="Control+Enter Meta+Enter"
        >
          {t('job.run')}
        </button>
        <StopButton running={running} onStop={stop} />
        <span className="muted kbd-hint">Ctrl/Cmd+Enter</span>
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => onChange(cardPaymentsProgram)}>
          {t('job.reset')}
        </button>
      </div>
      <p className="muted small-print">
        <Trans t={t} i18nKey="job.intro" components={[<code key="produce" />, <code key="consume" />]} />
      </p>
      <div className="editor-host sandbox-editor">
        <LazyCodeEditor
          value={code}
          onChange={onChange}
          onRun={() => void runLatest(result?.faults ?? [])}
          language={language}
          path={language === 'typescript' ? 'file:///sandbox/stream.ts' : 'file:///sandbox/stream.js'}
          ariaLabel={t('job.code')}
          markers={markers}
        />
      </div>
      <div className="run-panel" aria-live="polite">
        <RunStatus running={running} stopped={stopped} progress={progress} what="program" />
        {interrupted && !running && (
          <p className="muted" role="status" data-testid="stream-interrupted">
            {t('job.interrupted')}
          </p>
        )}
        {result?.error && (
          <p className="error" role="alert" data-testid="run-error">
            {result.error}
          </p>
        )}
        {result?.report && (
          <ErrorBoundary key={version} what={t('job.pictures')} part="stream-run">
            <StreamRunView
              report={result.report}
              faults={result.faults}
              busy={running}
              consumers={consumers}
              onInjectFault={(faults) => void run(faults)}
            />
          </ErrorBoundary>
        )}
        {printed && (printed.lines.length > 0 || printed.more > 0) && (
          <ConsolePanel lines={printed.lines} more={printed.more} running={running} />
        )}
      </div>
    </div>
  );
}
