/**
 * Runs a lab step in the engine worker and keeps what came back: the outcome (report and
 * checks), the faults injected from the UI, and the run's progress while it computes. Each run
 * carries the Settings' time limit. `stop` ends a running run ("Run stopped.", the previous
 * result stays on screen). Each result keeps what it ran (RunInput): a fault injected into it
 * re-runs that code with the same data, not what the editor holds now, and keeps the playback
 * position. The learner's console output is kept too: lines as they are printed
 * while the run computes, then the run's full (capped) list.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FaultSpec } from '../../../engine/cluster';
import type { KafkaFault } from '../../../engine/streaming';
import type { PipelineFault } from '../../../engine/pipeline';
import { engineClient, RunStoppedError, warmSandboxSoon } from '../../bridge/engineClient';
import type { RunProgress, StepRunResult } from '../../bridge/engineProtocol';
import { useAppStore } from '../../state/store';
import { DEFAULT_TIME_LIMIT_SECONDS } from '../../state/timeLimit';
import { saveProgressNow } from '../../state/persistence';
import { runEnded, runStarting } from '../../state/runMarker';
import { findAnyLab as findLab } from '../packs/findAnyLab';
import { useLatestCallback } from '../../app/useLatestCallback';
import { packOfLab } from '../packs/packStore';
import { pageDeadline } from './pageDeadline';
import { labRunsKey, useRunHistory } from '../../state/runHistory';
import { studentVariantSeed } from '../handIn/studentVariant';

/**
 * What a run ran: the code and the data seed, resolved when it started. A fault injected into the
 * run being watched re-runs exactly this, whatever the editor holds by then.
 */
export interface RunInput {
  source: string;
  options: StepRunOptions;
}

/** A run's result with what it ran. */
export type RanStep = StepRunResult & { ran: RunInput };

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; progress: RunProgress | null; previous: RanStep | null }
  | { status: 'done'; result: RanStep }
  | { status: 'failed'; message: string }
  | { status: 'stopped'; previous: RanStep | null };

/** The time limit the learner chose in Settings (seconds). */
export function currentTimeLimit(): number {
  return useAppStore.getState().progress.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
}

/** The console of the last run: its lines, and how many more were printed past the cap so far. */
export interface Printed {
  lines: string[];
  more: number;
}

export const NOTHING_PRINTED: Printed = { lines: [], more: 0 };

/** Adds a batch of console lines (from EngineClient's onConsole) to what a run printed so far. */
export function withPrinted(printed: Printed, lines: string[], dropped: number): Printed {
  return { lines: printed.lines.concat(lines), more: dropped };
}

/** What a run may add: a varying step's data seed, or a practice attempt's seed (labs/practiceSeed.ts). */
export interface StepRunOptions {
  variantSeed?: number;
  practiceSeed?: number;
}

/** The `pack` of a run request for a lab of an open lab pack; nothing for a built-in lab. */
function packArchive(labId: string): { pack?: { fileName: string; text: string } } {
  const pack = packOfLab(labId);
  return pack ? { pack: { fileName: pack.fileName, text: pack.text } } : {};
}

/** `historyId`: where the compare view keeps the runs (the lab's id; practice and reference keep theirs apart). */
/** `namesSql`: whether the step's code names sql now (the warm-up then starts workers with DuckDB). */
export function useStepRun(
  labId: string,
  stepIndex: number,
  historyId: string = labId,
  namesSql: () => boolean = () => false,
) {
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const [printed, setPrinted] = useState<Printed>(NOTHING_PRINTED);
  const generation = useRef(0);
  const inFlight = useRef(false);
  // The sandbox's workers start while the learner reads the step, not when Run is pressed.
  const latestNamesSql = useLatestCallback(namesSql);
  useEffect(() => warmSandboxSoon(latestNamesSql), [latestNamesSql]);

  const run = useCallback(
    async (
      source: string,
      faults: FaultSpec[] = [],
      streamFaults: KafkaFault[] = [],
      pipelineFaults: PipelineFault[] = [],
      options: StepRunOptions = {},
    ): Promise<RanStep | null> => {
      // Run while a run is going on (Ctrl/Cmd+Enter in the editor): the newer code wins.
      if (inFlight.current) engineClient().stop();
      const mine = ++generation.current;
      inFlight.current = true;
      setState((s) => ({
        status: 'running',
        progress: null,
        previous: s.status === 'done' ? s.result : s.status === 'running' || s.status === 'stopped' ? s.previous : null,
      }));
      setPrinted(NOTHING_PRINTED);
      // If this run takes the page down, the reloaded page says so (runMarker.ts); the code is saved first.
      saveProgressNow();
      const title = findLab(labId)?.steps[stepIndex]?.title ?? '';
      const marker = runStarting({ kind: 'lab', labId, step: stepIndex, title });
      let ended: 'finished' | 'failed' = 'failed';
      // The data seed: a practice attempt's (fresh data for every step), else the given variant's,
      // else the student's own for a step that varies (Settings: Your name).
      const seeds: StepRunOptions =
        options.practiceSeed !== undefined
          ? { practiceSeed: options.practiceSeed }
          : options.variantSeed !== undefined
            ? { variantSeed: options.variantSeed }
            : studentVariantSeed(findLab(labId), stepIndex, useAppStore.getState().progress.studentName);
      try {
        const request = {
          labId,
          stepIndex,
          source,
          faults,
          streamFaults,
          pipelineFaults,
          timeLimitSeconds: currentTimeLimit(),
          ...seeds,
          // A lab pack's lab: the worker loads the pack to find it (bridge/packLabs.ts).
          ...packArchive(labId),
        };
        const labStep = findLab(labId)?.steps[stepIndex];
        const deadline = labStep === undefined ? undefined : pageDeadline(labStep, request.timeLimitSeconds);
        const outcome = await engineClient().runStep(
          request,
          (progress) => {
            if (generation.current === mine) setState((s) => (s.status === 'running' ? { ...s, progress } : s));
          },
          (lines, dropped) => {
            if (generation.current === mine) setPrinted((p) => withPrinted(p, lines, dropped));
          },
          deadline,
        );
        const result: RanStep = { ...outcome, ran: { source, options: seeds } };
        if (result.outcome.error === null) ended = 'finished';
        if (generation.current !== mine) return null;
        // Kept for the compare view (features/compare): this session's runs of a batch or HDFS step.
        const report = result.outcome.report;
        if (report && report.kind !== 'stream' && report.kind !== 'server' && report.kind !== 'pipeline')
          useRunHistory.getState().keep(labRunsKey(historyId, stepIndex), {
            at: Date.now(),
            source,
            setting: '',
            report,
            nodes: result.nodes,
            faults: result.faults,
          });
        setState({ status: 'done', result });
        setPrinted({ lines: result.console ?? [], more: result.consoleMore ?? 0 });
        return result;
      } catch (error) {
        if (generation.current !== mine) return null;
        if (error instanceof RunStoppedError)
          setState((s) => ({ status: 'stopped', previous: s.status === 'running' ? s.previous : null }));
        else setState({ status: 'failed', message: (error as Error).message });
        return null;
      } finally {
        runEnded(marker, ended);
        if (generation.current === mine) inFlight.current = false;
      }
    },
    [labId, stepIndex, historyId],
  );

  const stop = useCallback(() => engineClient().stop(), []);

  // Leaving the step (or the lab) while it runs stops the run: the next step's Run must not wait for it.
  useEffect(
    () => () => {
      if (inFlight.current) engineClient().stop();
    },
    [],
  );

  const clear = useCallback(() => {
    generation.current++;
    inFlight.current = false;
    setState({ status: 'idle' });
    setPrinted(NOTHING_PRINTED);
  }, []);

  return { state, printed, run, stop, clear };
}
