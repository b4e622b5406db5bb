/** Cells the Spark UI pages share: bytes with records ("12.3 KB / 450"), times, task progress. */
import { formatBytes, formatMs, formatNumber, formatTime } from '../../../viz/run/format';
import { i18n } from '../../../i18n/i18n';
/** Bytes and records as Spark shows them ("Input Size / Records"); empty when nothing was read. */
export function sizeRecords(bytes: number, records: number | null): string {
  if (bytes === 0 && !records) return '';
  return records === null ? formatBytes(bytes) : `${formatBytes(bytes)} / ${formatNumber(records)}`;
}

/** A simulated instant, from the start of the run (the column's tooltip says so). */
export function atTime(t: number | null): string {
  return t === null ? '' : formatTime(t);
}

export function durationText(ms: number | null): string {
  return ms === null ? '' : formatMs(ms);
}

/** Spark's task progress bar: succeeded of total, with the running ones and failures named. */
export function TaskProgress({
  succeeded,
  total,
  running,
  failed,
  killed = 0,
}: {
  succeeded: number;
  total: number;
  running: number;
  failed: number;
  killed?: number;
}) {
  const pct = (n: number) => `${total > 0 ? Math.min(100, (n / total) * 100) : 0}%`;
  const extra = [
    running > 0 ? i18n.t('run:spark.progress.running', { count: running, n: formatNumber(running) }) : '',
    failed > 0 ? i18n.t('run:spark.progress.failed', { count: failed, n: formatNumber(failed) }) : '',
    killed > 0 ? i18n.t('run:spark.progress.killed', { count: killed, n: formatNumber(killed) }) : '',
  ].filter(Boolean);
  return (
    <span className="spark-progress">
      <span className="spark-progress-bar" aria-hidden="true">
        <span className="spark-progress-done" style={{ width: pct(succeeded) }} />
        <span className="spark-progress-running" style={{ width: pct(Math.min(running, total - succeeded)) }} />
      </span>
      <span className="spark-progress-text">
        {formatNumber(succeeded)}/{formatNumber(total)}
        {extra.length > 0 ? ` (${extra.join(', ')})` : ''}
      </span>
    </span>
  );
}
