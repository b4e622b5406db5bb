/**
 * What is happening at the playback's instant, in one sentence that is true then: "12.00 s: 2,400
 * of the run's 10,000 events displayed; stream down since 8.00 s.", its times as the lab's checks
 * and the run's table say them (durationWords `seconds`), not as the playback clock reads. At the end it says what became
 * of the events (the run's summary).
 */
import type { PipelineResult } from '../../../engine/pipeline';
import { i18n } from '../../i18n/i18n';
import { count as n } from '../../i18n/numberFormat';
import { seconds } from '../views/durationWords';
import type { PipelineInstant } from './pipelineAt';

const say = (key: string, options?: Record<string, unknown>) => i18n.t(`pipeline:now.${key}`, options);

function list(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : say('list', { items: items.slice(0, -1).join(', '), last: items[items.length - 1] });
}

export function pipelineNowSentence(result: PipelineResult, at: PipelineInstant): string {
  const s = result.summary;
  const when = seconds(at.t);
  const down = [...at.parts.entries()]
    .filter(([, p]) => !p.up)
    .map(([id, p]) =>
      p.downSince !== null
        ? say('downSince', { id, time: seconds(p.downSince) })
        : say('wasDown', { id, time: seconds(at.sampleT) }),
    );
  const downs = down.length ? `; ${list(down)}` : '';
  if (at.t >= result.simulatedMs) {
    const rest = [
      s.pending > 0 ? say('pending', { n: n(s.pending) }) : '',
      s.lost > 0 ? say('lost', { n: n(s.lost) }) : '',
    ]
      .filter(Boolean)
      .join(', ');
    const how = result.ended === 'time limit' ? say('timeLimit') : say('over');
    const displayed =
      s.displayed === s.produced
        ? say('allDisplayed', { produced: n(s.produced) })
        : say('someDisplayed', { displayed: n(s.displayed), produced: n(s.produced) });
    return say('end', { when, how, displayed, rest: rest ? `, ${rest}` : '', downs });
  }
  const shown =
    at.displayed === 0
      ? say('noneYet', { produced: n(s.produced) })
      : say(at.exact ? 'displayed' : 'atLeast', { displayed: n(at.displayed), produced: n(s.produced) });
  return say('now', { when, shown, downs });
}
