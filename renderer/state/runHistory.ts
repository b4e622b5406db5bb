/**
 * The runs of this session, kept per lab step (and for the sandbox) so two of them can be
 * compared side by side (features/compare). Only the last MAX_KEPT runs of each step stay: a
 * 100-node run's report is large. Kept in memory, not on disk: progress and code are saved
 * (state/persistence.ts), a run can be made again from them.
 */
import { create } from 'zustand';
import type { FaultSpec } from '../../engine/cluster';
import type { ComparedReport } from '../viz/compare/runDifference';
import type { NodeInfo } from '../viz/clusterTimeline';

export const MAX_KEPT = 6;

export interface KeptRun {
  /** 1, 2, 3… in the order the step ran this session ("Run 3"). */
  number: number;
  /** Wall-clock time of the run's end (for its label). */
  at: number;
  /** The code or settings it ran. */
  source: string;
  /** What it ran on besides the code (e.g. the sandbox's cluster and block size), or ''. */
  setting: string;
  report: ComparedReport;
  nodes: NodeInfo[];
  faults: FaultSpec[];
}

export type NewRun = Omit<KeptRun, 'number'>;

/** `runs` with `run` added as number `number`, the oldest dropped past `max`. */
export function withKept(runs: readonly KeptRun[], run: NewRun, number: number, max = MAX_KEPT): KeptRun[] {
  return [...runs, { ...run, number }].slice(-max);
}

interface RunHistoryState {
  runs: Record<string, KeptRun[]>;
  counts: Record<string, number>;
  keep(key: string, run: NewRun): void;
}

export const useRunHistory = create<RunHistoryState>((set) => ({
  runs: {},
  counts: {},
  keep: (key, run) =>
    set((s) => {
      const number = (s.counts[key] ?? 0) + 1;
      return {
        runs: { ...s.runs, [key]: withKept(s.runs[key] ?? [], run, number) },
        counts: { ...s.counts, [key]: number },
      };
    }),
}));

export function labRunsKey(labId: string, stepIndex: number): string {
  return `lab:${labId}:${stepIndex}`;
}

export const SANDBOX_RUNS = 'sandbox';
