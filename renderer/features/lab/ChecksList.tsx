/**
 * The step's checks with pass/fail and the reason for each: this run's verdicts, or the last run's
 * as saved with the progress (marked so, with its time). When the run failed before the checks
 * could judge it, one line says so instead of repeating the error in every card. One line per
 * check, so the run's pictures stay in view: a failed check's reason wraps in full; a passed
 * one's is cut to the line (whole on hover, or with "Show reasons").
 */
import { useTranslation } from 'react-i18next';
import { useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { activeLocaleTag } from '../../i18n/activeLocale';
import type { SavedCheck } from '../../state/progress';

export interface ChecksListProps {
  /** Check titles, shown before any run too. */
  titles: { id: string; title: string }[];
  verdicts: readonly SavedCheck[] | null;
  /** Why no check could judge the run ("the job did not compile"), or null. */
  notJudged: string | null;
  /** When the verdicts are a saved earlier run's: when it finished (ms since the epoch). */
  savedAt?: number | null;
  /** Shown on the heading's line, e.g. "Step passed · Next step →". */
  action?: ReactNode;
}

/** When a saved run finished, in the page's language: "today 14:05" or "3 Mar 14:05". */
function when(at: number, t: TFunction<'lab'>): string {
  const d = new Date(at);
  const locale = activeLocaleTag();
  const time = d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return d.toDateString() === new Date().toDateString()
    ? t('checks.today', { time })
    : `${d.toLocaleDateString(locale, { day: 'numeric', month: 'short' })} ${time}`;
}

const MARK = { pass: '✓', fail: '✗', 'not-judged': '–', pending: '○' } as const;
const SAY = {
  pass: 'checks.saysPass',
  fail: 'checks.saysFail',
  'not-judged': 'checks.saysNotJudged',
  pending: 'checks.saysPending',
} as const;

export function ChecksList({ titles, verdicts, notJudged, savedAt = null, action }: ChecksListProps) {
  const [expanded, setExpanded] = useState(false);
  const { t } = useTranslation('lab');
  const cut = verdicts?.some((r) => r.state !== 'fail' && r.message) ?? false;
  const passed = verdicts?.filter((r) => r.state === 'pass').length ?? 0;
  const total = verdicts?.length ?? 0;
  const tally = notJudged !== null ? t('checks.notJudged') : t('checks.tally', { passed, total });
  return (
    <section aria-labelledby="checks-heading" className="checks">
      <div className="checks-head">
        <h3 id="checks-heading">
          {t('checks.title')} {verdicts && savedAt === null && `· ${tally}`}
          {verdicts && savedAt !== null && (
            <span className="last-run" data-testid="last-run">
              {t('checks.lastRun', {
                when: when(savedAt, t),
                result: notJudged !== null ? t('checks.notJudged') : t('checks.lastRunTally', { passed, total }),
              })}
            </span>
          )}
        </h3>
        {cut && (
          <button
            type="button"
            className="link-button checks-expand"
            aria-expanded={expanded}
            aria-controls="check-list"
            onClick={() => setExpanded((e) => !e)}
          >
            {expanded ? t('checks.shorter') : t('checks.showReasons')}
          </button>
        )}
        {action}
      </div>
      {notJudged !== null && (
        <p className="checks-not-judged" data-testid="not-judged">
          {t('checks.notJudgedLine', { reason: notJudged })}
        </p>
      )}
      <ul className={`check-list${expanded ? ' expanded' : ''}`} id="check-list" data-testid="checks">
        {titles.map((check) => {
          const r = verdicts?.find((x) => x.id === check.id);
          const state = r?.state ?? 'pending';
          return (
            <li key={check.id} className={`check ${state}`} data-check={check.id} data-state={state}>
              <span className="check-mark" aria-hidden="true">
                {MARK[state]}
              </span>
              <span className="check-title">{check.title}</span>
              <span className="sr-only">{t(SAY[state])}</span>
              {r && r.message && (
                <span className="check-reason" title={r.message}>
                  {r.message}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
