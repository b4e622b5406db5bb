/**
 * The registry at the playback's instant (Cookbook 22.7): the models trained by then, newest
 * first, capped (a button shows them all), each with when and why, on which readings, fleet or
 * per pump with its parameters (each pump's in a row that a button opens), its held-out error and whether
 * it was deployed or refused.
 */
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MlReport } from '../../../engine/pipeline';
import { mlRegistry, REGISTRY_ROWS_SHOWN, type RegistryRow } from '../../viz/views/mlRegistry';
import { at, n, power } from '../../viz/views/mlAt';

/** Each pump's model, in a row of its own under the model's row (the whole table's width). */
function PumpsRow({ row }: { row: RegistryRow }) {
  const { t } = useTranslation('views');
  return (
    <tr className="ml-pumps-row" id={`ml-pumps-v${row.version}`}>
      <td colSpan={5}>
        <ul className="ml-pumps-list" aria-label={t('registry.pumpsLabel', { version: row.version })}>
          {row.pumps.map((p) => (
            <li key={p.key}>{t('registry.pumpPower', { id: p.key, power: power(p) })}</li>
          ))}
          {row.pumpsLeftOut > 0 && (
            <li>{t('registry.morePumps', { count: row.pumpsLeftOut, n: n(row.pumpsLeftOut) })}</li>
          )}
        </ul>
      </td>
    </tr>
  );
}

export function MlRegistryTable({ ml, t: time }: { ml: MlReport; t: number }) {
  const { t } = useTranslation('views');
  const [all, setAll] = useState(false);
  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set());
  const toggle = (version: number) => {
    const next = new Set(opened);
    if (!next.delete(version)) next.add(version);
    setOpened(next);
  };
  const reg = mlRegistry(ml, time, all ? Number.POSITIVE_INFINITY : REGISTRY_ROWS_SHOWN);
  return (
    <section className="ml-registry" aria-labelledby="ml-registry-title" data-testid="ml-registry">
      <h4 id="ml-registry-title">
        {t('registry.title', { time: at(time) })}{' '}
        <span className="views-sub">
          {reg.trained === 0
            ? t('registry.noneTrained')
            : t('registry.trained', { count: reg.trained, n: n(reg.trained) })}
        </span>
      </h4>
      {reg.trained > 0 && (
        <div className="ml-table-box">
          <table className="views-table ml-table">
            <caption className="sr-only">{t('registry.caption', { time: at(time) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.model')}</th>
                <th scope="col">{t('registry.trainedHead')}</th>
                <th scope="col">{t('registry.powerHead')}</th>
                <th scope="col">{t('registry.heldOutHead')}</th>
                <th scope="col">{t('registry.deployedHead')}</th>
              </tr>
            </thead>
            <tbody>
              {reg.rows.map((r) => (
                <Fragment key={r.version}>
                  <tr className={`ml-${r.status}`} data-version={r.version}>
                    <th scope="row">{t('ml.version', { version: r.version })}</th>
                    <td>
                      <span className="ml-nowrap">{r.trainedAt}</span>{' '}
                      <span className={r.why === 'drift' ? 'ml-why-drift' : 'views-sub'}>
                        {r.why === 'drift' ? t('ml.afterDrift') : t('ml.onSchedule')}
                      </span>
                      <span className="ml-window">
                        {r.window ? (
                          <>
                            {t('registry.readingsFrom')} <span className="ml-nowrap">{r.window.from}</span>{' '}
                            {t('registry.to')} <span className="ml-nowrap">{r.window.to}</span>
                          </>
                        ) : (
                          t('registry.noReadings')
                        )}{' '}
                        <span className="ml-nowrap">{t('registry.fit', { rows: r.rows })}</span>
                      </span>
                    </td>
                    <td className="ml-power">
                      <span className="views-sub">
                        {r.per === 'fleet' ? t('registry.fleet') : t('registry.perPump')}{' '}
                      </span>
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
                            {opened.has(r.version) ? t('registry.hideEachPump') : t('registry.eachPump')}
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
          {reg.more > 0 ? `${t('registry.older', { count: reg.more, n: n(reg.more) })} ` : null}
          <button type="button" className="views-more-button" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? t('registry.showNewest', { n: n(REGISTRY_ROWS_SHOWN) }) : t('showAll', { n: n(reg.trained) })}
          </button>
        </p>
      )}
    </section>
  );
}
