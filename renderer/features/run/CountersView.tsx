/** The run's counters at the end of the run, grouped and labelled with Hadoop's names. */
import type { RunView } from '../../viz/run/runViewTypes';
import { formatBytes, formatNumber } from '../../viz/run/format';

export function CountersView({ view }: { view: RunView }) {
  const groups = [...new Set(view.counters.map((c) => c.group))];
  if (view.counters.length === 0) return <p className="muted">This run reported no counters.</p>;
  return (
    <div className="run-counters">
      <p className="muted run-note">
        Values at the end of the run, summed over successful attempts
        {view.kind === 'mapreduce' ? ' (as Hadoop’s job history shows them)' : ''}.
      </p>
      <table className="grid run-counter-table" data-testid="run-counters">
        <thead>
          <tr>
            <th scope="col">Counter</th>
            <th scope="col">Name</th>
            <th scope="col" className="num">
              Value
            </th>
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g}>
            <tr>
              <th scope="rowgroup" colSpan={3} className="group">
                {g}
              </th>
            </tr>
            {view.counters
              .filter((c) => c.group === g)
              .map((c) => (
                <tr key={c.name}>
                  <td>{c.label}</td>
                  <td className="muted">{c.name}</td>
                  <td className="num" title={c.unit === 'bytes' ? `${formatNumber(c.value)} bytes` : undefined}>
                    {c.text ?? (c.unit === 'bytes' ? formatBytes(c.value) : formatNumber(c.value))}
                  </td>
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
