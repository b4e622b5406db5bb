/**
 * The last sandbox job run's outputs, for the SQL console: the jobs panel publishes each run
 * here, the console turns it into tables when it is open (now or later). Kept small: the console
 * and DuckDB load lazily, this does not.
 */
import { create } from 'zustand';
import type { JobRunReport } from '../../../engine/api';
import type { RunOutputs } from './clusterTables';

interface SqlRunState {
  /** null before any run, or after a run that produced no report. */
  run: RunOutputs | null;
  publish(report: JobRunReport | null): void;
}

export const useSqlRunStore = create<SqlRunState>()((set) => ({
  run: null,
  publish: (report) =>
    set({ run: report ? { kind: report.kind, result: report.result, outputs: report.outputs ?? [] } : null }),
}));
