/**
 * The step's checks with pass/fail and the reason for each: this run's verdicts, or the last run's
 * as saved with the progress (marked so, with its time). When the run failed before the checks
 * could judge it, one line says so instead of repeating the error in every card. One line per
 * check, so the run's pictures stay in view: a failed check's reason wraps in full; a passed
 * one's is cut to the line (whole on hover, or with "Show reasons").
 */
import { useState, type ReactNode } from 'react';
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

function when(at: number): string {
  const d = new Date(at);
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return d.toDateString() === new Date().toDateString()
    ? `today ${time}`
    : `${d.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })} ${time}`;
}

const MARK = { pass: '✓', fail: '✗', 'not-judged': '–', pending: '○' } as const;
const SAY = { pass: ' (passed)', fail: ' (failed)', 'not-judged': ' (not judged)', pending: ' (not run yet)' } as const;

export function ChecksList({ titles, verdicts, notJudged, savedAt = null, action }: ChecksListProps) {
  const [expanded, setExpanded] = useState(false);
  const cut = verdicts?.some((r) => r.state !== 'fail' && r.message) ?? false;
  const passed = verdicts?.filter((r) => r.state === 'pass').length ?? 0;
  const total = verdicts?.length ?? 0;
  const tally = notJudged !== null ? 'not judged' : `${passed} of ${total} passed`;
  return (
    <section aria-labelledby="checks-heading" className="checks">
      <div className="checks-head">
        <h3 id="checks-heading">
          Checks {verdicts && savedAt === null && `· ${tally}`}
          {verdicts && savedAt !== null && (
            <span className="last-run" data-testid="last-run">
              · Last run ({when(savedAt)}): {notJudged !== null ? 'not judged' : `${passed} of ${total} checks passed`}
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
            {expanded ? 'Shorter' : 'Show reasons'}
          </button>
        )}
        {action}
      </div>
      {notJudged !== null && (
        <p className="checks-not-judged" data-testid="not-judged">
          Checks not judged: {notJudged}. The error is shown above the editor.
        </p>
      )}
      <ul className={`check-list${expanded ? ' expanded' : ''}`} id="check-list" data-testid="checks">
        {titles.map((t) => {
          const r = verdicts?.find((x) => x.id === t.id);
          const state = r?.state ?? 'pending';
          return (
            <li key={t.id} className={`check ${state}`} data-check={t.id} data-state={state}>
              <span className="check-mark" aria-hidden="true">
                {MARK[state]}
              </span>
              <span className="check-title">{t.title}</span>
              <span className="sr-only">{SAY[state]}</span>
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
