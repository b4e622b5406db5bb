/**
 * Columns of the Spark UI and Hadoop pages with their tooltips in the page's language: a column's
 * `title` names its ClusterLab explanation, a key under `prefix` (`run:spark.tip`, `run:hadoop.tip`);
 * the headers stay the tools' own names. Called when the page renders, so a language switch shows.
 */
import { i18n } from '../../i18n/i18n';
import type { Column } from '../table/DataTable';

export function withTips<R>(columns: readonly Column<R>[], prefix = 'run:spark.tip'): Column<R>[] {
  return columns.map((c) => (c.title ? { ...c, title: i18n.t(`${prefix}.${c.title}`) } : c));
}
