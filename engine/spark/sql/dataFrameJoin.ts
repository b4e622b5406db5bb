/** DataFrame.join: equi-joins planned as Spark plans them (BroadcastHashJoin or SortMergeJoin). */
import { Column, exprName, exprOf, type DataType, type Expr, type Field } from './column';
import { commonKeyType, Murmur3Partitioner } from './murmur3';
import { resolveField } from './expressions';
import { broadcastThreshold, newDataFrame, short, shufflePartitions, type DataFrame, type DfState } from './dataFrame';
import { broadcastJoin, exchangeThen, groupKey, joinRows, rowComparator, zipOp, type JoinType } from './physicalOps';
import { planNode, type Plan } from './plan';

/**
 * df.join(other, on, how): equal keys from column names (`'id'`, `['a', 'b']`: one output column
 * each) or from a Column (`a.col('id').equalTo(b.col('uid'))`, ANDed equalities). A side whose
 * estimated size is at most spark.sql.autoBroadcastJoinThreshold (10 MB), or marked with
 * broadcast(df), is broadcast (BroadcastHashJoin, no shuffle of the other side); else both sides
 * are shuffled and sorted on the keys (SortMergeJoin).
 */
export function join(l: DfState, r: DfState, on: unknown, howArg: string): DataFrame {
  const how = normalizeHow(howArg);
  // The key columns' indexes on each side, pairwise equal.
  let li: number[];
  let ri: number[];
  let schema: Field[];
  let combine: (a: unknown[] | null, b: unknown[] | null) => unknown[];
  const lw = l.schema.length;
  const rw = r.schema.length;
  if (on === undefined || on === null)
    throw new TypeError('join(other, on): name the join columns or give a join condition');
  if (typeof on === 'string' || (Array.isArray(on) && on.every((x) => typeof x === 'string'))) {
    const names = typeof on === 'string' ? [on] : (on as string[]);
    li = names.map((n) => resolveField(l.schema, n, null));
    ri = names.map((n) => resolveField(r.schema, n, null));
    const lrest = l.schema.map((_, i) => i).filter((i) => !li.includes(i));
    const rrest = r.schema.map((_, i) => i).filter((i) => !ri.includes(i));
    const keyFields = (how === 'right' ? ri.map((i) => r.schema[i]!) : li.map((i) => l.schema[i]!)).map((f) =>
      how === 'full' ? { ...f, id: l.s.nextExprId() } : f,
    );
    schema = [...keyFields, ...lrest.map((i) => l.schema[i]!), ...rrest.map((i) => r.schema[i]!)];
    combine = (a, b) => [
      ...li.map((i, k) => (how === 'right' ? b![ri[k]!] : a === null ? b![ri[k]!] : a[i])),
      ...lrest.map((i) => (a ? a[i] : null)),
      ...rrest.map((i) => (b ? b[i] : null)),
    ];
  } else if (on instanceof Column) {
    const pairs = equalities(exprOf(on));
    li = [];
    ri = [];
    for (const [x, y] of pairs) {
      const inLeft = (e: Expr) =>
        e.k === 'col' &&
        tryResolve(l.schema, e) !== null &&
        (e.origin === null || e.origin === l.id || l.schema.some((f) => f.origin === e.origin));
      const [a, b] = inLeft(x) ? [x, y] : [y, x];
      const i = tryResolve(l.schema, a);
      const j = tryResolve(r.schema, b);
      if (i === null || j === null)
        throw new Error(
          `join: the condition ${exprName(exprOf(on))} must compare a column of each side (left: ${l.schema.map((f) => f.name).join(', ')}; right: ${r.schema.map((f) => f.name).join(', ')})`,
        );
      li.push(i);
      ri.push(j);
    }
    schema = [...l.schema, ...r.schema];
    combine = (a, b) => [...(a ?? new Array<unknown>(lw).fill(null)), ...(b ?? new Array<unknown>(rw).fill(null))];
  } else throw new TypeError('join(other, on): on must be a column name, an array of names or a Column condition');
  const lk = groupKey(li.map((i) => (row: unknown[]) => row[i]));
  const rk = groupKey(ri.map((i) => (row: unknown[]) => row[i]));
  // Both sides hash each key as one common type (Spark casts join keys first), so equal keys meet.
  const keyTypes: DataType[] = li.map((i, k) => commonKeyType(l.schema[i]!.type, r.schema[ri[k]!]!.type));
  const keyText: [string, string] = [
    li.map((i) => `${l.schema[i]!.name}#${l.schema[i]!.id}`).join(', '),
    ri.map((i) => `${r.schema[i]!.name}#${r.schema[i]!.id}`).join(', '),
  ];
  const threshold = broadcastThreshold(l.s);
  const canRight = how === 'inner' || how === 'left';
  const canLeft = how === 'inner' || how === 'right';
  const rightSmall = canRight && (r.broadcast || (threshold >= 0 && r.size <= threshold));
  const leftSmall = canLeft && (l.broadcast || (threshold >= 0 && l.size <= threshold));
  const size = Math.min(Number.MAX_SAFE_INTEGER, l.size * Math.max(1, r.size));
  const sparkHow = { inner: 'Inner', left: 'LeftOuter', right: 'RightOuter', full: 'FullOuter' }[how];
  if (rightSmall || leftSmall) {
    const buildRight = rightSmall && (!leftSmall || r.broadcast || (!l.broadcast && r.size <= l.size));
    const side = buildRight ? 'BuildRight' : 'BuildLeft';
    const name = `BroadcastHashJoin [${keyText[0]}], [${keyText[1]}], ${sparkHow}, ${side}, false`;
    const names = { exchange: 'BroadcastExchange', join: `BroadcastHashJoin ${sparkHow}` };
    const rdd = buildRight
      ? broadcastJoin(l.rdd, r.rdd, true, (big, small) => joinRows(big, small, lk, rk, how, combine, false), names)
      : broadcastJoin(r.rdd, l.rdd, false, (big, small) => joinRows(small, big, lk, rk, how, combine, true), names);
    const small = buildRight ? r : l;
    const bx = planNode(
      `BroadcastExchange HashedRelationBroadcastMode(List(${keyText[buildRight ? 1 : 0]}),false), [plan_id=${small.id}]`,
      [small.plan],
      false,
    );
    const kids = buildRight ? [l.plan, bx] : [bx, r.plan];
    return newDataFrame({ s: l.s, rdd, schema, plan: planNode(name, kids), size });
  }
  const n = shufflePartitions(l.s);
  const side = (d: DfState, key: (row: unknown[]) => unknown, text: string) => {
    const cmp = rowComparator([{ eval: (row) => key(row), asc: true, nullsFirst: true }]);
    const exchange = `Exchange hashpartitioning(${short(text)}, ${n})`;
    const sorted = exchangeThen(d.rdd, new Murmur3Partitioner(n, keyTypes), exchange, key, 'Sort', (rows) =>
      rows.sort(cmp),
    );
    const plan = planNode(`Sort [${text} ASC NULLS FIRST], false, 0`, [
      planNode(`Exchange hashpartitioning(${text}, ${n}), ENSURE_REQUIREMENTS`, [d.plan], false),
    ]);
    return { sorted, plan };
  };
  const a = side(l, lk, keyText[0]);
  const b = side(r, rk, keyText[1]);
  const name = `SortMergeJoin [${keyText[0]}], [${keyText[1]}], ${sparkHow}`;
  const rdd = zipOp(a.sorted, b.sorted, `SortMergeJoin ${sparkHow}`, (x, y) =>
    joinRows(x, y, lk, rk, how, combine, true),
  );
  const plan: Plan = { ...planNode(name, [a.plan, b.plan]), splitChildren: true };
  return newDataFrame({ s: l.s, rdd, schema, plan, size });
}

function tryResolve(schema: Field[], e: Expr): number | null {
  if (e.k !== 'col') return null;
  try {
    return resolveField(schema, e.name, e.origin);
  } catch {
    return null;
  }
}

function equalities(e: Expr): [Expr, Expr][] {
  if (e.k === 'bin' && e.op === 'AND') return [...equalities(e.l), ...equalities(e.r)];
  if (e.k === 'bin' && e.op === '=' && e.l.k === 'col' && e.r.k === 'col') return [[e.l, e.r]];
  throw new Error(
    `join: only equalities of columns joined with and() are supported as a join condition, got ${exprName(e)}`,
  );
}

function normalizeHow(how: string): JoinType {
  const h = String(how).toLowerCase().replace(/_/g, '');
  if (h === 'inner') return 'inner';
  if (h === 'left' || h === 'leftouter') return 'left';
  if (h === 'right' || h === 'rightouter') return 'right';
  if (h === 'full' || h === 'outer' || h === 'fullouter') return 'full';
  throw new Error(
    `join: unsupported join type '${how}'. Supported join types include: 'inner', 'outer', 'full', 'fullouter', 'full_outer', 'left', 'leftouter', 'left_outer', 'right', 'rightouter', 'right_outer'`,
  );
}
