/** A kept run's name in the compare pickers: "Run 3 · 14:02:11 · 4.2 s · killed n2 at 3.0 s". */
import { i18n } from '../../i18n/i18n';
import { activeLocaleTag } from '../../i18n/activeLocale';
import type { KeptRun } from '../../state/runHistory';
import { seconds } from '../../viz/views/durationWords';
import { describeFault } from '../lab/faultNote';

export function runLabel(r: KeptRun): string {
  const clock = new Date(r.at).toLocaleTimeString(activeLocaleTag(), {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return [
    i18n.t('compare:run', { n: r.number }),
    clock,
    seconds(r.report.simulatedMs),
    ...r.faults.map(describeFault),
  ].join(' · ');
}
