/** What a server step's platform costs: each part, how many, the price each, and the total. */
import type { PlatformRun } from '../../../engine/server';

const usd = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;

export function CostTable({ run }: { run: PlatformRun }) {
  return (
    <table className="cost-table" data-testid="cost-table">
      <caption>What the platform costs</caption>
      <thead>
        <tr>
          <th scope="col">Part</th>
          <th scope="col">Count</th>
          <th scope="col">Each</th>
          <th scope="col">Total</th>
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
            Total
          </th>
          <td data-testid="cost-total">{usd(run.costUsd)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
