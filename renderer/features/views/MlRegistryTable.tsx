/**
 * The registry at the playback's instant (Cookbook 22.7): the models trained by then, newest
 * first, capped (a button shows them all), each with when and why, on which readings, fleet or
 * per pump with its parameters (each pump's in a row that a button opens), its held-out error and whether
 * it was deployed or refused.
 */
import { Fragment, useState } from 'react';
import type { MlReport } from '../../../engine/pipeline';
import { mlRegistry, REGISTRY_ROWS_SHOWN, type RegistryRow } from '../../viz/views/mlRegistry';
import { at, formula, n } from '../../viz/views/mlAt';

/** Each pump's model, in a row of its own under the model's row (the whole table's width). */
function PumpsRow({ row }: { row: RegistryRow }) {
  return (
    <tr className="ml-pumps-row" id={`ml-pumps-v${row.version}`}>
      <td colSpan={5}>
        <ul className="ml-pumps-list" aria-label={`Model v${row.version}, pump by pump`}>
          {row.pumps.map((p) => (
            <li key={p.key}>
              pump {p.key}: {formula(p).replace(/^power = /, '')}
            </li>
          ))}
          {row.pumpsLeftOut > 0 && <li>and {n(row.pumpsLeftOut)} more pumps</li>}
        </ul>
      </td>
    </tr>
  );
}

export function MlRegistryTable({ ml, t }: { ml: MlReport; t: number }) {
  const [all, setAll] = useState(false);
  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set());
  const toggle = (version: number) => {
    const next = new Set(opened);
    if (!next.delete(version)) next.add(version);
    setOpened(next);
  };
  const reg = mlRegistry(ml, t, all ? Number.POSITIVE_INFINITY : REGISTRY_ROWS_SHOWN);
  return (
    <section className="ml-registry" aria-labelledby="ml-registry-title" data-testid="ml-registry">
      <h4 id="ml-registry-title">
        The registry at {at(t)}{' '}
        <span className="views-sub">
          {reg.trained === 0
            ? 'no model trained yet'
            : `${n(reg.trained)} model${reg.trained === 1 ? '' : 's'} trained`}
        </span>
      </h4>
      {reg.trained > 0 && (
        <div className="ml-table-box">
          <table className="views-table ml-table">
            <caption className="sr-only">Models trained by {at(t)}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Trained</th>
                <th scope="col">Power (load 0 to 1)</th>
                <th scope="col">Held-out error</th>
                <th scope="col">Deployed</th>
              </tr>
            </thead>
            <tbody>
              {reg.rows.map((r) => (
                <Fragment key={r.version}>
                  <tr className={`ml-${r.status}`} data-version={r.version}>
                    <th scope="row">v{r.version}</th>
                    <td>
                      <span className="ml-nowrap">{r.trainedAt}</span>{' '}
                      <span className={r.why === 'drift' ? 'ml-why-drift' : 'views-sub'}>
                        {r.why === 'drift' ? 'after a drift' : 'on schedule'}
                      </span>
                      <span className="ml-window">
                        {r.window ? (
                          <>
                            on readings sent <span className="ml-nowrap">{r.window.from}</span> to{' '}
                            <span className="ml-nowrap">{r.window.to}</span>
                          </>
                        ) : (
                          'on no readings'
                        )}{' '}
                        <span className="ml-nowrap">({r.rows} fit)</span>
                      </span>
                    </td>
                    <td className="ml-power">
                      <span className="views-sub">{r.per === 'fleet' ? 'fleet: ' : 'per pump: '}</span>
                      {r.power}
                      {r.per === 'pump' && (
                        <>
                          {' '}
                          <button
                            type="button"
                            className="views-more-button ml-pumps-button"
                            aria-expanded={opened.has(r.version)}
                            aria-controls={`ml-pumps-v${r.version}`}
                            onClick={() => toggle(r.version)}
                          >
                            {opened.has(r.version) ? 'hide each pump' : 'each pump'}
                          </button>
                        </>
                      )}
                    </td>
                    <td>{r.holdout}</td>
                    <td className="ml-status">{r.statusText}</td>
                  </tr>
                  {r.per === 'pump' && opened.has(r.version) && <PumpsRow row={r} />}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {reg.trained > REGISTRY_ROWS_SHOWN && (
        <p className="views-more">
          {reg.more > 0 ? `and ${n(reg.more)} older model${reg.more === 1 ? '' : 's'} ` : ''}
          <button type="button" className="views-more-button" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? `Show the newest ${n(REGISTRY_ROWS_SHOWN)}` : `Show all ${n(reg.trained)}`}
          </button>
        </p>
      )}
    </section>
  );
}
