/**
 * A sortable, paged table for the run's Spark-, Hadoop-, YARN- and HDFS-style pages. Each column
 * header is a button (Tab, then Enter or Space) that sorts by it, again to reverse; `aria-sort`
 * tells screen readers the order. Long tables show `pageSize` rows at a time, as Spark's task
 * table does, with Previous / Next. Cells that lead somewhere (a stage page) render their own
 * buttons through `render`.
 */
import { useTranslation } from 'react-i18next';
import { useMemo, useState, type ReactNode } from 'react';
import { formatNumber } from '../../viz/run/format';
import { pageOf, sortRows, type CellValue, type SortState } from './tableRows';
import './dataTable.css';

export interface Column<R> {
  id: string;
  /** The column's title, with Spark's or Hadoop's name for it. */
  header: string;
  /** What the column means (the header's tooltip). */
  title?: string;
  /** The value it sorts by (and shows, unless `render`). */
  value(row: R): CellValue;
  render?(row: R): ReactNode;
  /** Right-aligned, sorted largest first on the first click. */
  numeric?: boolean;
}

export interface DataTableProps<R> {
  /** The table's accessible name. */
  label: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey(row: R): string;
  initialSort?: SortState;
  /** Rows per page (default 100). */
  pageSize?: number;
  /** Extra class of a row (e.g. 'running', 'failed'). */
  rowClass?(row: R): string | undefined;
  /** Shown instead of the table when there are no rows. */
  empty: string;
  testId?: string;
}

export function DataTable<R>({
  label,
  columns,
  rows,
  rowKey,
  initialSort,
  pageSize = 100,
  rowClass,
  empty,
  testId,
}: DataTableProps<R>) {
  const { t } = useTranslation('common');
  const [sort, setSort] = useState<SortState | null>(initialSort ?? null);
  const [wantedPage, setPage] = useState(0);
  const sorted = useMemo(() => {
    const col = sort && columns.find((c) => c.id === sort.column);
    return col ? sortRows(rows, (r) => col.value(r), sort.descending) : [...rows];
  }, [rows, columns, sort]);
  if (rows.length === 0) return <p className="muted data-table-empty">{empty}</p>;
  const page = pageOf(sorted.length, pageSize, wantedPage);
  const sortBy = (c: Column<R>) => {
    setSort((s) =>
      s?.column === c.id ? { column: c.id, descending: !s.descending } : { column: c.id, descending: !!c.numeric },
    );
    setPage(0);
  };
  return (
    <div className="data-table" data-testid={testId}>
      <div className="data-table-scroll">
        <table className="grid" aria-label={label}>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort?.column === c.id;
                return (
                  <th
                    key={c.id}
                    scope="col"
                    className={c.numeric ? 'num' : undefined}
                    aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
                  >
                    <button type="button" className="data-table-sort" title={c.title} onClick={() => sortBy(c)}>
                      {c.header}
                      <span aria-hidden="true" className="data-table-arrow">
                        {active ? (sort.descending ? '▼' : '▲') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.slice(page.from, page.to).map((r) => (
              <tr key={rowKey(r)} className={rowClass?.(r)}>
                {columns.map((c) => (
                  <td key={c.id} className={c.numeric ? 'num' : undefined}>
                    {c.render ? c.render(r) : showCell(c.value(r))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.count > 1 && (
        <nav className="data-table-pages" aria-label={t('table.pages', { label })}>
          <button type="button" className="btn" disabled={page.index === 0} onClick={() => setPage(page.index - 1)}>
            {t('table.previous')}
          </button>
          <span className="muted" aria-live="polite">
            {t('table.rows', {
              from: formatNumber(page.from + 1),
              to: formatNumber(page.to),
              total: formatNumber(sorted.length),
              page: page.index + 1,
              pages: page.count,
            })}
          </span>
          <button
            type="button"
            className="btn"
            disabled={page.index === page.count - 1}
            onClick={() => setPage(page.index + 1)}
          >
            {t('table.next')}
          </button>
        </nav>
      )}
    </div>
  );
}

function showCell(v: CellValue): string {
  if (v === null) return '–';
  return typeof v === 'number' ? formatNumber(v) : v;
}
