/**
 * The summary quantiles of Spark's stage page (Min, 25th percentile, Median, 75th percentile,
 * Max) by Spark's own rule (AppStatusStore.taskSummary): the values sorted ascending, quantile q
 * is the value at index min(floor(q × count), count − 1); no values give zeros.
 */
export const SPARK_QUANTILES = [0, 0.25, 0.5, 0.75, 1] as const;
export const QUANTILE_NAMES = ['Min', '25th percentile', 'Median', '75th percentile', 'Max'] as const;

export function sparkQuantiles(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return SPARK_QUANTILES.map(() => 0);
  return SPARK_QUANTILES.map((q) => sorted[Math.min(Math.floor(q * n), n - 1)]!);
}
