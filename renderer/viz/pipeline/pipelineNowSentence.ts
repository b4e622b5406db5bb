/**
 * What is happening at the playback's instant, in one sentence that is true then: "12.0 s: 2,400
 * of the run's 10,000 events displayed; stream down since 8.0 s." At the end it says what became
 * of the events (the run's summary).
 */
import type { PipelineResult } from '../../../engine/pipeline';
import { formatSimTime } from '../run/format';
import type { PipelineInstant } from './pipelineAt';

const n = (v: number) => v.toLocaleString('en-US');

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function pipelineNowSentence(result: PipelineResult, at: PipelineInstant): string {
  const s = result.summary;
  const when = formatSimTime(at.t);
  const down = [...at.parts.entries()]
    .filter(([, p]) => !p.up)
    .map(([id, p]) =>
      p.downSince !== null
        ? `${id} down since ${formatSimTime(p.downSince)}`
        : `${id} was down at ${formatSimTime(at.sampleT)}`,
    );
  const downs = down.length ? `; ${list(down)}` : '';
  if (at.t >= result.simulatedMs) {
    const rest = [s.pending > 0 ? `${n(s.pending)} still on their way` : '', s.lost > 0 ? `${n(s.lost)} lost` : '']
      .filter(Boolean)
      .join(', ');
    const how = result.ended === 'time limit' ? 'the run reached its time limit' : 'the run is over';
    return `${when}: ${how}: ${s.displayed === s.produced ? 'all' : n(s.displayed) + ' of'} ${n(s.produced)} events displayed${rest ? `, ${rest}` : ''}${downs}.`;
  }
  const shown =
    at.displayed === 0
      ? `none of the run's ${n(s.produced)} events displayed yet`
      : `${at.exact ? '' : 'at least '}${n(at.displayed)} of the run's ${n(s.produced)} events displayed`;
  return `${when}: ${shown}${downs}.`;
}
