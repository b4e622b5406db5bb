/**
 * The "Summary Metrics for N Completed Tasks" of Spark's stage page at a playback instant: for
 * the stage attempt's tasks that succeeded by t, the quantiles (sparkQuantiles) of their Duration,
 * Input, Shuffle Read (with its remote part), Shuffle Write and Output; a metric no task of the
 * stage has is left out, as Spark leaves out its row.
 */
import type { TaskIo } from '../../../../engine/exec';
import type { SparkUiModel, UiStageAttempt } from './sparkUiModel';
import { sparkQuantiles } from './sparkQuantiles';
import { taskDurationAt, taskStatusAt } from './taskStateAt';

export interface SummaryMetric {
  /** The row: Spark's name for it is `run:spark.metric.<id>`. */
  id: 'duration' | 'input' | 'output' | 'shuffleRead' | 'shuffleRemote' | 'shuffleWrite';
  unit: 'ms' | 'bytes';
  /** Min, 25th percentile, Median, 75th percentile, Max. */
  quantiles: number[];
  /** Records at the same quantiles of the bytes' tasks order, when the metric has records. */
  records: number[] | null;
}

export interface StageSummary {
  completedTasks: number;
  metrics: SummaryMetric[];
}

const BYTE_METRICS: { id: SummaryMetric['id']; bytes: keyof TaskIo; records: keyof TaskIo | null }[] = [
  { id: 'input', bytes: 'inputBytes', records: 'inputRecords' },
  { id: 'output', bytes: 'outputBytes', records: 'outputRecords' },
  { id: 'shuffleRead', bytes: 'shuffleReadBytes', records: 'shuffleReadRecords' },
  { id: 'shuffleRemote', bytes: 'shuffleRemoteBytes', records: null },
  { id: 'shuffleWrite', bytes: 'shuffleWriteBytes', records: 'shuffleWriteRecords' },
];

export function stageSummaryAt(model: SparkUiModel, s: UiStageAttempt, t: number): StageSummary {
  const ok = s.taskAttempts.map((i) => model.attempts[i]!.record).filter((a) => taskStatusAt(a, t) === 'SUCCESS');
  const metrics: SummaryMetric[] = [
    {
      id: 'duration',
      unit: 'ms',
      quantiles: sparkQuantiles(ok.map((a) => taskDurationAt(a, t))),
      records: null,
    },
  ];
  for (const m of BYTE_METRICS) {
    // Spark shows a metric's row when the stage has it at all (any of its tasks read input, ...).
    const has = s.taskAttempts.some((i) => model.attempts[i]!.record.io[m.bytes] > 0);
    if (!has) continue;
    metrics.push({
      id: m.id,
      unit: 'bytes',
      quantiles: sparkQuantiles(ok.map((a) => a.io[m.bytes])),
      records: m.records ? sparkQuantiles(ok.map((a) => a.io[m.records!])) : null,
    });
  }
  return { completedTasks: ok.length, metrics };
}
