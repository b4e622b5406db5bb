/**
 * Spark's partial and final aggregates for a spark.sql GROUP BY (or a global aggregate), as two
 * queries DuckDB runs: the map side's (the view's rows of one task, the learner's WHERE, grouped
 * by the keys DuckDB's plan groups by, each aggregate's partial: count, sum, min, max, and sum
 * with count for avg) and the reduce side's (the learner's own query over those partial rows,
 * each aggregate call replaced by the merge of its partials: sum of counts, sum of sums, min of
 * mins, max of maxes, sum / count for avg; the WHERE already applied). The learner's text is cut
 * by aggregateQueryText.ts; DuckDB's plan must hold only those aggregates (no DISTINCT, no other
 * function), and DuckDB must bind both queries with the partials' types and the query's result
 * types; otherwise null, and the query keeps its full-row Exchange.
 */
import {
  quoteIdent,
  type SqlColumn,
  type SqlEngine,
  type SqlPlanNode,
  type SqlTable,
  type SqlType,
} from '../../sandbox/contract/sqlEngine';
import { aggregateQueryText, type AggregateCall, type Span } from './aggregateQueryText';

export interface PartialAggregateSql {
  /** The map side's query over the view: the keys, then each aggregate's partial columns. */
  partial: string;
  /** The partial rows' columns (the table the reduce side's query reads, named as the view). */
  partialColumns: SqlColumn[];
  /** The reduce side's query over the partial rows: the learner's result. */
  final: string;
  /** Spark's texts of the aggregate functions (`count(1)`, `avg(value)`), one per distinct call. */
  functions: string[];
}

/** The aggregates DuckDB's plan may hold (sum_no_overflow is DuckDB's sum of small integers). */
const MERGEABLE = /^(count_star|count|sum|sum_no_overflow|min|max|avg|mean)\((#\d+)?\)$/;
/**
 * The DuckDB types a partial may have: each travels the shuffle as a plain value and comes back
 * unchanged. A HUGEINT sum travels as a JavaScript number, as every result does (exact to 2^53),
 * so its column is a DOUBLE (a BIGINT could overflow); the merge casts it back to HUGEINT.
 */
const PARTIAL_TYPES: Record<string, SqlType> = {
  INTEGER: 'integer',
  BIGINT: 'long',
  HUGEINT: 'double',
  DOUBLE: 'double',
  VARCHAR: 'string',
  BOOLEAN: 'boolean',
};
const NUMERIC = new Set(['INTEGER', 'BIGINT', 'HUGEINT', 'DOUBLE']);
const PREFIX = '__clusterlab_a';

function planAggregates(plan: SqlPlanNode[]): string[] {
  const out: string[] = [];
  const walk = (n: SqlPlanNode) => {
    const a = n.extra_info?.Aggregates;
    if (Array.isArray(a)) out.push(...a.map(String));
    else if (typeof a === 'string' && a !== '') out.push(...a.split('\n'));
    (n.children ?? []).forEach(walk);
  };
  plan.forEach(walk);
  return out.map((a) => a.trim());
}

const oneLine = (t: string) => t.replace(/\s+/g, ' ').trim();
/** A call's identity: its function and its argument exactly as written (two string literals that differ in spaces differ). */
const callId = (c: AggregateCall) => `${c.fn}(${c.arg === null ? '*' : c.arg})`;

/** `text[span]` with each call inside it replaced. */
function substituted(sql: string, span: Span, calls: AggregateCall[], merge: (c: AggregateCall) => string): string {
  let out = '';
  let at = span[0];
  for (const c of calls)
    if (c.start >= span[0] && c.end <= span[1]) {
      out += sql.slice(at, c.start) + merge(c);
      at = c.end;
    }
  return out + sql.slice(at, span[1]);
}

/**
 * The two queries for `sql`, whose plan groups the view `view` (its columns) by `keys` (its
 * columns), or null when the query is not one whose aggregates merge exactly.
 */
export function partialAggregateSql(
  engine: SqlEngine,
  sql: string,
  plan: SqlPlanNode[],
  view: SqlTable,
  keys: string[],
  result: SqlColumn[],
  catalog: SqlTable[],
): PartialAggregateSql | null {
  const aggregates = planAggregates(plan);
  if (aggregates.length === 0 || !aggregates.every((a) => MERGEABLE.test(a))) return null;
  const q = aggregateQueryText(sql);
  if (!q || view.columns.some((c) => c.name.toLowerCase().startsWith(PREFIX))) return null;
  const ids = [...new Set(q.calls.map(callId))];
  const first = ids.map((id) => q.calls.find((c) => callId(c) === id)!);
  const text = (s: Span) => sql.slice(s[0], s[1]);
  const keyList = keys.map(quoteIdent).join(', ');
  const partialExprs = first.flatMap((c, i) => {
    const arg = c.arg === null ? '*' : c.arg;
    const name = quoteIdent(`${PREFIX}${i}`);
    if (c.fn === 'avg') return [`sum(${arg}) AS ${name}`, `count(${arg}) AS ${quoteIdent(`${PREFIX}${i}_n`)}`];
    return [`${c.fn}(${arg}) AS ${name}`];
  });
  const partial =
    `SELECT ${[keyList, ...partialExprs].filter((s) => s !== '').join(', ')} FROM ${text(q.from)}` +
    `${q.where ? ` WHERE ${text(q.where)}` : ''}${keys.length > 0 ? ` GROUP BY ${keyList}` : ''}`;
  let partialTypes: string[];
  try {
    partialTypes = engine.plan(partial, catalog).duckTypes.map((t) => t.toUpperCase());
  } catch {
    return null;
  }
  const keyColumns = keys.map((k) => view.columns.find((c) => c.name === k)!);
  const sums = partialTypes.slice(keys.length);
  let j = 0;
  for (const c of first) {
    const t = sums[j++];
    if (t === undefined || !(t in PARTIAL_TYPES)) return null;
    if ((c.fn === 'sum' || c.fn === 'avg') && !NUMERIC.has(t)) return null;
    if (c.fn === 'count' && t !== 'BIGINT') return null;
    if (c.fn === 'avg' && sums[j++] !== 'BIGINT') return null;
  }
  if (j !== sums.length) return null;
  const partialColumns: SqlColumn[] = [
    ...keyColumns,
    ...sums.map((t, i) => ({ name: `p${i}`, type: PARTIAL_TYPES[t]! })),
  ];
  // The partial columns' names, in order (avg has two).
  const names = first.flatMap((c, i) => (c.fn === 'avg' ? [`${PREFIX}${i}`, `${PREFIX}${i}_n`] : [`${PREFIX}${i}`]));
  names.forEach((n, i) => (partialColumns[keys.length + i]!.name = n));
  const typeOf = new Map(names.map((n, i) => [n, sums[i]!]));
  const merge = (c: AggregateCall) => {
    const i = ids.indexOf(callId(c));
    const a = quoteIdent(`${PREFIX}${i}`);
    switch (c.fn) {
      case 'count':
        return `CAST(COALESCE(sum(${a}), 0) AS BIGINT)`;
      case 'avg':
        return `(CAST(sum(${a}) AS DOUBLE) / NULLIF(CAST(sum(${quoteIdent(`${PREFIX}${i}_n`)}) AS DOUBLE), 0))`;
      default:
        return `CAST(${c.fn}(${a}) AS ${typeOf.get(`${PREFIX}${i}`)!})`;
    }
  };
  const final =
    `SELECT ${substituted(sql, q.select, q.calls, merge)} FROM ${text(q.from)}` +
    `${q.groupBy ? ` GROUP BY ${text(q.groupBy)}` : ''}` +
    `${q.having ? ` HAVING ${substituted(sql, q.having, q.calls, merge)}` : ''}` +
    `${q.orderBy ? ` ORDER BY ${substituted(sql, q.orderBy, q.calls, merge)}` : ''}` +
    `${q.limit ? ` ${text(q.limit)}` : ''}`;
  try {
    const planned = engine.plan(final, [{ name: view.name, columns: partialColumns, rows: [] }]);
    if (planned.columns.length !== result.length || planned.columns.some((c, i) => c.type !== result[i]!.type))
      return null;
  } catch {
    return null;
  }
  const functions = first.map((c) => `${c.fn}(${c.arg === null ? '1' : oneLine(c.arg)})`);
  return { partial, partialColumns, final, functions };
}
