/**
 * The runs of this session, kept per lab step (and for the sandbox) so two of them can be
 * compared side by side (features/compare). Only the last MAX_KEPT runs of each step stay: a
 * 100-node run's report is large. Kept in memory, not on disk: progress and code are saved
 * (state/persistence.ts), a run can be made again from them. The compare view's state lives here
 * too, outside the page that opened it: a run that ends while it is open re-mounts the run area,
 * not the view.
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

/** The compare view asked for: which step's runs, the two shown first, and what to focus after. */
export interface CompareRequest {
  key: string;
  a: number;
  b: number;
  opener: HTMLElement | null;
}

interface RunHistoryState {
  runs: Record<string, KeptRun[]>;
  counts: Record<string, number>;
  keep(key: string, run: NewRun): void;
  /** The open compare view (features/compare/CompareHost.tsx), or null. */
  compare: CompareRequest | null;
  openCompare(request: CompareRequest): void;
  closeCompare(): void;
}

export const useRunHistory = create<RunHistoryState>((set) => ({
  runs: {},
  counts: {},
  compare: null,
  openCompare: (request) => set({ compare: request }),
  closeCompare: () => set({ compare: null }),
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
