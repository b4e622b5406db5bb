/**
 * The calibration suite's vocabulary: a published figure (a measurement from a paper or a
 * report, with its exact source), and what the suite found for it.
 */

/** Calibration figures tune the cost model; validation figures only check it, never tune it. */
export type FigureRole = 'calibration' | 'validation';

export interface PublishedFigure {
  /** Stable id, e.g. `pagerank.hadoop.30`; a lab cites a figure by it. */
  id: string;
  role: FigureRole;
  /** What was measured, in a sentence a learner understands. */
  what: string;
  /** The published value. */
  value: number;
  /** `s`, `x` (a ratio), `records/s`, `MB/s`, `min` ... */
  unit: string;
  /** Paper or report, figure or table, page; enough to find the number again. */
  source: string;
  /**
   * A ratio of two other figures (Spark against Hadoop, 60 against 30 machines): the simulated
   * ratio is the ratio of their simulated values. Absent for a measured figure.
   */
  ratioOf?: { numerator: string; denominator: string };
  /**
   * 'lower-bound': the published value is a bound, not a measurement (an estimate of the best
   * case): a simulated value at or above it is right, and the report gives their ratio.
   */
  kind?: 'lower-bound';
}

/** The band a figure must stay in: ±30% for a calibration value, ±25% for a ratio, ±40% to validate. */
export function bandOf(f: PublishedFigure): number {
  if (f.kind === 'lower-bound') return Number.POSITIVE_INFINITY;
  if (f.role === 'validation') return 0.4;
  return f.ratioOf ? 0.25 : 0.3;
}

export interface FigureResult {
  figure: PublishedFigure;
  /** Null when the suite could not simulate it (see `note`). */
  simulated: number | null;
  /** simulated / published - 1. */
  error: number | null;
  /** Within the figure's band. */
  within: boolean | null;
  /** Why it was not simulated, or what the model lacks to get closer. */
  note?: string;
}

/** An experiment: runs its simulations and returns the simulated value of each of its measured figures. */
export interface Experiment {
  id: string;
  /** One line: what it reproduces. */
  title: string;
  /** The ids of the measured (not ratio) figures it produces. */
  figures: readonly string[];
  run(): Promise<Record<string, number>>;
}
