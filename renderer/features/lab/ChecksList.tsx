/** The step's checks with pass/fail and the reason for each. */
import type { CheckResult } from '../../../labs/labTypes';

export interface ChecksListProps {
  /** Check titles before any run. */
  titles: { id: string; title: string }[];
  results: CheckResult[] | null;
}

export function ChecksList({ titles, results }: ChecksListProps) {
  const passed = results?.filter((r) => r.pass).length ?? 0;
  return (
    <section aria-labelledby="checks-heading" className="checks">
      <h3 id="checks-heading">Checks {results ? `· ${passed} of ${results.length} passed` : ''}</h3>
      <ul className="check-list" data-testid="checks">
        {titles.map((t) => {
          const r = results?.find((x) => x.id === t.id);
          const state = !r ? 'pending' : r.pass ? 'pass' : 'fail';
          return (
            <li key={t.id} className={`check ${state}`} data-check={t.id} data-state={state}>
              <span className="check-mark" aria-hidden="true">
                {state === 'pass' ? '✓' : state === 'fail' ? '✗' : '○'}
              </span>
              <span>
                <span className="check-title">{t.title}</span>
                <span className="sr-only">
                  {state === 'pass' ? ' (passed)' : state === 'fail' ? ' (failed)' : ' (not run yet)'}
                </span>
                {r && <span className="check-reason">{r.reason}</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
