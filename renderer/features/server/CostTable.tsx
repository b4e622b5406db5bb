/** What a server step's platform costs: each part, how many, the price each, and the total. */
import { useTranslation } from 'react-i18next';
import { numberFormat } from '../../i18n/numberFormat';
import type { PlatformRun } from '../../../engine/server';

/** Dollars as the catalogue prices them, grouped per locale ("$12,000" / "12.000 $"). */
const usd = (n: number) => numberFormat({ style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(n);

export function CostTable({ run }: { run: PlatformRun }) {
  const { t } = useTranslation('server');
  return (
    <table className="cost-table" data-testid="cost-table">
      <caption>{t('cost.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cost.part')}</th>
          <th scope="col">{t('cost.count')}</th>
          <th scope="col">{t('cost.each')}</th>
          <th scope="col">{t('cost.total')}</th>
        </tr>
      </thead>
      <tbody>
        {run.cost
          .filter((c) => c.count > 0)
          .map((c) => (
            <tr key={c.item}>
              <td>{c.item}</td>
              <td>{c.count}</td>
              <td>{usd(c.usd)}</td>
              <td>{usd(c.count * c.usd)}</td>
            </tr>
          ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            {t('cost.total')}
          </th>
          <td data-testid="cost-total">{usd(run.costUsd)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
