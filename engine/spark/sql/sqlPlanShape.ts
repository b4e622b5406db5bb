/**
 * How spark.sql runs a query that DuckDB planned: the shape of DuckDB's physical plan decides the
 * stages, as Spark's planner would cut them, and which rows each task needs so that DuckDB, running
 * the learner's own SQL over just those rows, computes exactly that task's part of the answer:
 *
 * - `local`: one view, only scans, filters and projections: one stage, a task per partition.
 * - `grouped`: GROUP BY over one view whose keys are its columns: an Exchange hashpartitioning on
 *   the keys brings every group's rows to one task, which runs the query (HashAggregate). Without
 *   keys (count(*) of the whole view) the Exchange is SinglePartition. When every aggregate merges
 *   (partialAggregateSql.ts) a HashAggregate (partial) before the Exchange ships partials instead.
 * - `join`: an equi-join of two views on their columns: both sides hash-partitioned on the keys
 *   (SortMergeJoin), or the small side broadcast to every partition of the other (BroadcastHashJoin).
 * - `single`: anything else (windows, subqueries, set operations, an aggregate over a join): every
 *   view's rows to one task (Exchange SinglePartition), as Spark does for a window without PARTITION BY.
 *
 * An ORDER BY or LIMIT above these adds a last single-partition stage (Sort, TakeOrderedAndProject,
 * GlobalLimit). The plan's expressions are never parsed: only column names DuckDB prints as they are.
 */
import type { SqlPlanNode } from '../../sandbox/contract/sqlEngine';

export type JoinKind = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';

export interface ScanUse {
  table: string;
  /** The view's columns the query reads (DuckDB's scan projections), in the view's order. */
  columns: string[];
}

export type SqlShape =
  | { kind: 'constant' }
  | { kind: 'local'; scan: ScanUse; ops: string[] }
  | { kind: 'grouped'; scan: ScanUse; keys: string[]; ops: string[] }
  | {
      kind: 'join';
      left: ScanUse;
      right: ScanUse;
      leftKeys: string[];
      rightKeys: string[];
      join: JoinKind;
      ops: string[];
    }
  | { kind: 'single'; scans: ScanUse[]; ops: string[] };

export interface PlannedShape {
  shape: SqlShape;
  /** The ORDER BY / LIMIT above the shape, as Spark names the last stage (null: none). */
  finish: 'Sort' | 'TakeOrderedAndProject' | 'GlobalLimit' | null;
}

const LOCAL = new Set(['PROJECTION', 'FILTER', 'SEQ_SCAN', 'UNNEST']);
const TOP = new Set(['PROJECTION', 'FILTER', 'ORDER_BY', 'TOP_N', 'LIMIT', 'STREAMING_LIMIT', 'LIMIT_PERCENT']);
const GROUPED = new Set(['HASH_GROUP_BY', 'PERFECT_HASH_GROUP_BY']);
const UNGROUPED = new Set(['UNGROUPED_AGGREGATE', 'SIMPLE_AGGREGATE']);

/** Spark's name for a DuckDB operator (the DAG and explain() show these). */
export function sparkOperator(duck: string): string {
  const names: Record<string, string> = {
    PROJECTION: 'Project',
    FILTER: 'Filter',
    HASH_GROUP_BY: 'HashAggregate',
    PERFECT_HASH_GROUP_BY: 'HashAggregate',
    UNGROUPED_AGGREGATE: 'HashAggregate',
    SIMPLE_AGGREGATE: 'HashAggregate',
    ORDER_BY: 'Sort',
    TOP_N: 'TakeOrderedAndProject',
    LIMIT: 'GlobalLimit',
    STREAMING_LIMIT: 'GlobalLimit',
    WINDOW: 'Window',
    STREAMING_WINDOW: 'Window',
    UNION: 'Union',
    UNNEST: 'Generate',
    HASH_JOIN: 'HashJoin',
    NESTED_LOOP_JOIN: 'BroadcastNestedLoopJoin',
    CROSS_PRODUCT: 'CartesianProduct',
  };
  return names[duck] ?? duck;
}

const nameOf = (n: SqlPlanNode) => n.name.trim();
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? v.split('\n') : [];

function scans(n: SqlPlanNode, out: SqlPlanNode[] = []): SqlPlanNode[] {
  if (nameOf(n) === 'SEQ_SCAN') out.push(n);
  for (const c of n.children ?? []) scans(c, out);
  return out;
}

function allLocal(n: SqlPlanNode): boolean {
  return LOCAL.has(nameOf(n)) && (n.children ?? []).every(allLocal);
}

/** The operator names of a local subtree, from the scan up (the scan's own filters as a Filter). */
function localOps(n: SqlPlanNode): string[] {
  const below = (n.children ?? []).flatMap(localOps);
  if (nameOf(n) === 'SEQ_SCAN') return list(n.extra_info?.Filters).length > 0 ? ['Filter'] : [];
  const op = sparkOperator(nameOf(n));
  return below[below.length - 1] === op ? below : [...below, op];
}

/** A plain column name as DuckDB prints it (`day`, `"my col"`), or null for an expression. */
function plainName(text: string, columns: string[]): string | null {
  const t = text.trim();
  const unquoted = /^"(?:[^"]|"")*"$/.test(t) ? t.slice(1, -1).replace(/""/g, '"') : t;
  return columns.find((c) => c === unquoted) ?? columns.find((c) => c.toLowerCase() === unquoted.toLowerCase()) ?? null;
}

function scanUse(scan: SqlPlanNode, views: Map<string, string[]>): ScanUse | null {
  const table = String(scan.extra_info?.Table ?? '').toLowerCase();
  const columns = views.get(table);
  if (!columns) return null;
  const wanted = list(scan.extra_info?.Projections).map((p) => plainName(p, columns));
  // Only the columns the query reads, in the view's order; all of them when DuckDB reads none
  // (count(*)) or filters in the scan (its filters' columns are not among the projections).
  const filtered = list(scan.extra_info?.Filters).length > 0;
  const used =
    !filtered && wanted.every((w) => w !== null) && wanted.length > 0
      ? columns.filter((c) => wanted.includes(c))
      : columns;
  return { table, columns: used.length > 0 ? used : columns };
}

/** The view column a group reference (`#0`) of an aggregate stands for, through the projection below it. */
function groupColumns(agg: SqlPlanNode, columns: string[]): string[] | null {
  const refs = list(agg.extra_info?.Groups)
    .flatMap((g) => g.split(','))
    .map((g) => g.trim())
    .filter((g) => g !== '');
  const child = agg.children?.[0];
  const projected = child && nameOf(child) === 'PROJECTION' ? list(child.extra_info?.Projections) : null;
  const out: string[] = [];
  for (const ref of refs) {
    const m = /^#(\d+)$/.exec(ref);
    const text = m ? projected?.[Number(m[1])] : ref;
    const name = text === undefined ? null : plainName(text, columns);
    if (name === null) return null;
    out.push(name);
  }
  return out;
}

function joinShape(join: SqlPlanNode, views: Map<string, string[]>, ops: string[]): SqlShape | null {
  const kind = String(join.extra_info?.['Join Type'] ?? '').toUpperCase();
  const jk: JoinKind | null =
    kind === 'INNER'
      ? 'INNER'
      : kind === 'LEFT'
        ? 'LEFT'
        : kind === 'RIGHT'
          ? 'RIGHT'
          : kind === 'FULL' || kind === 'OUTER'
            ? 'FULL'
            : null;
  const [l, r] = join.children ?? [];
  if (jk === null || !l || !r || !allLocal(l) || !allLocal(r)) return null;
  const [ls] = scans(l);
  const [rs] = scans(r);
  if (!ls || !rs || scans(l).length !== 1 || scans(r).length !== 1) return null;
  const left = scanUse(ls, views);
  const right = scanUse(rs, views);
  if (!left || !right || left.table === right.table) return null;
  const leftKeys: string[] = [];
  const rightKeys: string[] = [];
  for (const cond of list(join.extra_info?.Conditions)) {
    const m = /^(.+?)\s*=\s*(.+)$/.exec(cond.trim());
    const a = m ? plainName(m[1]!, views.get(left.table)!) : null;
    const b = m ? plainName(m[2]!, views.get(right.table)!) : null;
    if (a === null || b === null) return null;
    leftKeys.push(a);
    rightKeys.push(b);
  }
  if (leftKeys.length === 0) return null;
  // The keys must reach the tasks too.
  for (const k of leftKeys)
    if (!left.columns.includes(k))
      left.columns = views.get(left.table)!.filter((c) => c === k || left.columns.includes(c));
  for (const k of rightKeys)
    if (!right.columns.includes(k))
      right.columns = views.get(right.table)!.filter((c) => c === k || right.columns.includes(c));
  return { kind: 'join', left, right, leftKeys, rightKeys, join: jk, ops: [...localOps(l), ...localOps(r), ...ops] };
}

/** The shape of a DuckDB plan over the job's views (name → columns, names lower-case). */
export function shapeOf(plan: SqlPlanNode[], views: Map<string, string[]>): PlannedShape {
  const all = plan.flatMap((p) => scans(p));
  const everyScan = (): ScanUse[] => {
    const uses = new Map<string, ScanUse>();
    for (const s of all) {
      const table = String(s.extra_info?.Table ?? '').toLowerCase();
      const columns = views.get(table);
      if (columns) uses.set(table, { table, columns });
    }
    return [...uses.values()];
  };
  let finish: PlannedShape['finish'] = null;
  const top: string[] = [];
  let core: SqlPlanNode | undefined = plan.length === 1 ? plan[0] : undefined;
  while (core && TOP.has(nameOf(core)) && (core.children ?? []).length === 1 && !allLocal(core)) {
    const n = nameOf(core);
    if (n === 'TOP_N') finish = 'TakeOrderedAndProject';
    else if (n === 'ORDER_BY') finish ??= 'Sort';
    else if (n.includes('LIMIT')) finish ??= 'GlobalLimit';
    else top.unshift(sparkOperator(n));
    core = core.children[0];
  }
  const single = (): PlannedShape => ({
    shape: { kind: 'single', scans: everyScan(), ops: [...new Set(plan.flatMap(opNames))] },
    finish: null,
  });
  if (!core) return single();
  if (all.length === 0)
    return plan.some(function emptied(n: SqlPlanNode): boolean {
      return nameOf(n) === 'EMPTY_RESULT' || (n.children ?? []).some(emptied);
    })
      ? single()
      : { shape: { kind: 'constant' }, finish: null };
  const name = nameOf(core);
  if (allLocal(core) && all.length === 1) {
    const scan = scanUse(all[0]!, views);
    // A LIMIT with no ORDER BY above a local query: each task's first rows, then the global limit.
    return scan ? { shape: { kind: 'local', scan, ops: [...localOps(core), ...top] }, finish } : single();
  }
  if (
    (GROUPED.has(name) || UNGROUPED.has(name)) &&
    core.children?.length === 1 &&
    allLocal(core.children[0]!) &&
    all.length === 1
  ) {
    const scan = scanUse(all[0]!, views);
    const keys = scan && GROUPED.has(name) ? groupColumns(core, views.get(scan.table)!) : [];
    if (scan && keys) {
      for (const k of keys)
        if (!scan.columns.includes(k))
          scan.columns = views.get(scan.table)!.filter((c) => c === k || scan.columns.includes(c));
      return {
        shape: { kind: 'grouped', scan, keys, ops: [...localOps(core.children[0]!), 'HashAggregate', ...top] },
        finish,
      };
    }
  }
  if (name === 'HASH_JOIN') {
    const shape = joinShape(core, views, top);
    if (shape) return { shape, finish };
  }
  return single();
}

function opNames(n: SqlPlanNode): string[] {
  const name = nameOf(n);
  const own = name === 'SEQ_SCAN' ? [] : [sparkOperator(name)];
  return [...(n.children ?? []).flatMap(opNames), ...own];
}
