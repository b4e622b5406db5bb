/**
 * What a Structured Streaming query did with one record, as steps of the record's path
 * (streamQueries.ts recordPath): counted in its windows, or dropped as late by the watermark, and
 * when the window that counted it was written to the sink. In the page's language.
 */
import { i18n } from '../../i18n/i18n';
import { formatEventTime, rowKey, type MicroBatchView, type WindowCell } from './microBatchView';

const say = (key: string, options?: Record<string, unknown>) => i18n.t(`stream:path.${key}`, options);

const span = (c: WindowCell) => {
  const range = `${formatEventTime(c.start)}–${formatEventTime(c.end)}`;
  return c.key === '' ? range : say('spanOf', { range, key: c.key });
};

export function aggregationSteps(
  view: MicroBatchView,
  topic: string,
  partition: number,
  offset: number,
): { t: number; text: string }[] {
  const steps: { t: number; text: string }[] = [];
  for (const a of view.aggregations.get(rowKey(topic, partition, offset)) ?? []) {
    const i = view.batches.findIndex((b) => b.id === a.batchId);
    const batch = view.batches[i];
    const when = a.eventTime === null ? '' : say('when', { time: formatEventTime(a.eventTime) });
    const by = batch ? say('by', { batch: batch.id }) : '';
    if (a.late) {
      // Late rows are judged by the watermark of the batch before (Spark 3.4+).
      const wm = batch?.lateWatermark ?? batch?.watermark ?? null;
      steps.push({
        t: a.t,
        text:
          wm === null
            ? say('late', { query: view.query, by, when })
            : say('lateAt', { query: view.query, by, when, watermark: formatEventTime(wm) }),
      });
      continue;
    }
    const row = view.rows[i]?.find((r) => r.topic === topic && r.partition === partition && r.offset === offset);
    const et = a.eventTime;
    const inWindow = (c: WindowCell) =>
      et !== null && c.start <= et && et < c.end && (row?.key == null || c.key === row.key);
    const cells = [...(view.states[i] ?? []), ...(view.writes[i] ?? [])].filter(inWindow);
    const unique = [...new Map(cells.map((c) => [`${c.start} ${c.end} ${c.key}`, c])).values()];
    steps.push({
      t: a.t,
      text:
        unique.length > 0
          ? say('countedIn', { query: view.query, by, when, windows: unique.map(span).join(', ') })
          : say('counted', { query: view.query, by, when }),
    });
    // When each of its windows was first written to the sink, from this batch on.
    for (const c of unique)
      for (let j = Math.max(0, i); j < view.batches.length; j++) {
        const w = view.writes[j]!.find((x) => x.start === c.start && x.end === c.end && x.key === c.key);
        if (!w) continue;
        steps.push({
          t: view.batches[j]!.t,
          text: say('written', { window: span(c), batch: view.batches[j]!.id, value: w.value }),
        });
        break;
      }
  }
  return steps;
}
