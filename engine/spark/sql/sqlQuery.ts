/**
 * spark.sql(sqlText): DuckDB parses, binds and plans the learner's SQL over the job's temporary
 * views; the plan's shape (sqlPlanShape.ts) becomes Spark's stages on the simulated cluster, and
 * each task's partition is computed by DuckDB running the learner's own SQL over exactly the rows
 * that task holds. The answer is DuckDB's, the stages and their records are the cluster's.
 */
import { Rdd, sizeOf } from '../rdd';
import type { DataType, Field } from './column';
import {
  dataFrameState,
  newDataFrame,
  shufflePartitions,
  broadcastThreshold,
  type DataFrame,
  type DfState,
  type SessionState,
} from './dataFrame';
import { commonKeyType, Murmur3Partitioner } from './murmur3';
import { broadcastJoin, narrowDep, narrowOp, singlePartition, zipOp } from './physicalOps';
import { planNode, type Plan } from './plan';
import type { SqlColumn, SqlEngine, SqlTable } from '../../sandbox/contract/sqlEngine';
import { shapeOf, type ScanUse } from './sqlPlanShape';

/** What a single-task query's RDD is named after (the DAG shows an RDD's first word), most telling first. */
const MAIN_OPERATORS = [
  'Window',
  'HashAggregate',
  'Union',
  'CartesianProduct',
  'BroadcastNestedLoopJoin',
  'HashJoin',
  'Sort',
];

interface View {
  name: string;
  d: DfState;
}

/** A view's rows as the table a task gives DuckDB: only the columns the query reads. */
function tableOf(view: View, use: ScanUse, rows: unknown[]): SqlTable {
  const idx = use.columns.map((c) => view.d.schema.findIndex((f) => f.name === c));
  return {
    name: view.name,
    columns: idx.map((i) => ({ name: view.d.schema[i]!.name, type: view.d.schema[i]!.type })),
    rows: (rows as unknown[][]).map((r) => idx.map((i) => r[i] ?? null)),
  };
}

function mergeTables(parts: SqlTable[][], once: Set<string> = new Set()): SqlTable[] {
  const out = new Map<string, SqlTable>();
  for (const tables of parts)
    for (const t of tables) {
      const had = out.get(t.name);
      if (!had) out.set(t.name, { ...t, rows: [...t.rows] });
      else if (!once.has(t.name)) had.rows.push(...t.rows);
    }
  return [...out.values()];
}

const keyTypeOf = (d: DfState, names: string[]): DataType[] =>
  names.map((n) => d.schema.find((f) => f.name === n)?.type ?? 'string');

export function sqlDataFrame(s: SessionState, engine: SqlEngine, sqlText: unknown): DataFrame {
  if (typeof sqlText !== 'string')
    throw new TypeError(`spark.sql(sqlText): sqlText must be a string of SQL, got ${typeof sqlText}`);
  const views = new Map<string, View>();
  for (const [name, df] of s.views) views.set(name, { name, d: dataFrameState(df) });
  for (const v of views.values()) {
    const names = v.d.schema.map((f) => f.name.toLowerCase());
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice !== undefined)
      throw new Error(
        `spark.sql: the view '${v.name}' has two columns named '${twice}' (SQL names are case-insensitive); rename one (withColumnRenamed) before createOrReplaceTempView`,
      );
  }
  const emptyTables: SqlTable[] = [...views.values()].map((v) => ({
    name: v.name,
    columns: v.d.schema.map((f) => ({ name: f.name, type: f.type })),
    rows: [],
  }));
  const planned = engine.plan(sqlText, emptyTables);
  const columns: SqlColumn[] = planned.columns;
  const viewColumns = new Map([...views.values()].map((v) => [v.name, v.d.schema.map((f) => f.name)]));
  const { shape, finish } = shapeOf(planned.plan, viewColumns);
  const query = (tables: SqlTable[]) => engine.run(sqlText, tables, columns);
  // A task without rows answers nothing in these shapes (no aggregate without GROUP BY runs per
  // partition): most of spark.sql.shuffle.partitions' 200 tasks are empty, and DuckDB is not asked.
  const perPartition =
    shape.kind === 'local' || shape.kind === 'join' || (shape.kind === 'grouped' && shape.keys.length > 0);
  const run = (tables: SqlTable[]) => (perPartition && tables.every((t) => t.rows.length === 0) ? [] : query(tables));
  const viewOf = (use: ScanUse) => views.get(use.table)!;
  const n = shufflePartitions(s);
  const id = s.nextDfId();
  const schema: Field[] = columns.map((c) => ({ name: c.name, type: c.type, id: s.nextExprId(), origin: id }));
  const oneLine = sqlText.replace(/\s+/g, ' ').trim();
  const duck = `DuckDB: ${oneLine.length > 80 ? `${oneLine.slice(0, 79)}…` : oneLine}`;
  const attrs = `[${schema.map((f) => `${f.name}#${f.id}`).join(', ')}]`;

  let node: Rdd;
  let plan: Plan;
  let allInputs: () => SqlTable[];
  switch (shape.kind) {
    case 'constant': {
      const source = s.rt.parallelize([null], 1);
      node = narrowOp(source, 'LocalTableScan', () => run([]));
      plan = planNode(`LocalTableScan ${attrs}`, [], false);
      allInputs = () => [];
      break;
    }
    case 'local': {
      const v = viewOf(shape.scan);
      node = narrowOp(v.d.rdd, shape.ops.join(' + ') || 'Project', (rows) => run([tableOf(v, shape.scan, rows)]));
      plan = planNode(`${shape.ops.at(-1) ?? 'Project'} ${attrs} (${duck})`, [v.d.plan]);
      allInputs = () =>
        mergeTables(
          Array.from({ length: v.d.rdd.numPartitions }, (_, p) => [tableOf(v, shape.scan, v.d.rdd.iterator(p))]),
        );
      break;
    }
    case 'grouped': {
      const v = viewOf(shape.scan);
      const parts = shape.keys.length === 0 ? 1 : n;
      const exchange =
        shape.keys.length === 0
          ? 'Exchange SinglePartition'
          : `Exchange hashpartitioning(${shape.keys.join(', ')}, ${parts})`;
      const keyIdx = shape.keys.map((k) => v.d.schema.findIndex((f) => f.name === k));
      const keyed = narrowOp(v.d.rdd, exchange, (rows) =>
        (rows as unknown[][]).map((r) => [keyIdx.length === 1 ? r[keyIdx[0]!] : keyIdx.map((i) => r[i]), r]),
      );
      const partitioner = new Murmur3Partitioner(parts, keyIdx.length === 0 ? ['integer'] : keyTypeOf(v.d, shape.keys));
      const shuffled = s.rt.shuffle(keyed, partitioner, null, exchange);
      const inputs = (p: number) => [
        tableOf(
          v,
          shape.scan,
          (shuffled.iterator(p) as [unknown, unknown[]][]).map(([, r]) => r),
        ),
      ];
      // Every group's rows meet in one task, so the tasks' answers together are the query's. A
      // key DuckDB prints by a column's name but that is an expression of it (an alias that hides
      // the column) would split groups: the answers are then checked against the whole query's count.
      let outputs: unknown[][][] | null = null;
      const compute = () => {
        if (outputs) return outputs;
        const perTask = Array.from({ length: parts }, (_, p) => inputs(p));
        const answer = engine.runPartitions(sqlText, perTask, columns);
        const total = answer.parts.reduce((a, r) => a + r.length, 0);
        outputs =
          total === answer.wholeCount
            ? answer.parts
            : answer.parts.map((_, p) => (p === 0 ? query(mergeTables(perTask)) : []));
        return outputs;
      };
      // The DAG names an RDD by its first word: the aggregate first, then what runs after it in the task.
      const aggName = ['HashAggregate', ...shape.ops.slice(shape.ops.indexOf('HashAggregate') + 1)].join(' + ');
      node = narrowOp(shuffled, aggName, (_rows, p) => compute()[p]!);
      const exchangePlan = planNode(exchange, [v.d.plan], false);
      plan = planNode(`HashAggregate(keys=[${shape.keys.join(', ')}], output=${attrs}) (${duck})`, [exchangePlan]);
      allInputs = () => mergeTables(Array.from({ length: parts }, (_, p) => inputs(p)));
      break;
    }
    case 'join': {
      const lv = viewOf(shape.left);
      const rv = viewOf(shape.right);
      const threshold = broadcastThreshold(s);
      const small = (d: DfState) => threshold >= 0 && d.size <= threshold;
      // A broadcast side must be one whose unmatched rows the join drops (Spark: the build side).
      const bcastRight =
        shape.join !== 'FULL' &&
        shape.join !== 'RIGHT' &&
        small(rv.d) &&
        (!small(lv.d) || rv.d.size <= lv.d.size || shape.join === 'LEFT');
      const bcastLeft = !bcastRight && shape.join !== 'FULL' && shape.join !== 'LEFT' && small(lv.d);
      const joinName = `${shape.join === 'INNER' ? 'Inner' : shape.join === 'LEFT' ? 'LeftOuter' : shape.join === 'RIGHT' ? 'RightOuter' : 'FullOuter'}`;
      if (bcastRight || bcastLeft) {
        const [big, bigUse, smallV, smallUse] = bcastRight
          ? [lv, shape.left, rv, shape.right]
          : [rv, shape.right, lv, shape.left];
        node = broadcastJoin(
          big.d.rdd,
          smallV.d.rdd,
          bcastRight,
          (bigRows, smallRows) => run([tableOf(big, bigUse, bigRows), tableOf(smallV, smallUse, smallRows)]),
          {
            exchange: 'BroadcastExchange',
            join: `BroadcastHashJoin ${joinName}${shape.ops.length > 0 ? ` + ${shape.ops.join(' + ')}` : ''}`,
          },
        );
        const b = planNode('BroadcastExchange HashedRelationBroadcastMode', [smallV.d.plan], false);
        plan = planNode(
          `BroadcastHashJoin ${joinName} ${attrs} (${duck})`,
          bcastRight ? [big.d.plan, b] : [b, big.d.plan],
        );
        allInputs = () =>
          mergeTables(
            Array.from({ length: big.d.rdd.numPartitions }, (_, p) => [
              tableOf(big, bigUse, big.d.rdd.iterator(p)),
            ]).concat([
              [
                tableOf(
                  smallV,
                  smallUse,
                  Array.from({ length: smallV.d.rdd.numPartitions }, (_, q) => smallV.d.rdd.iterator(q)).flat(),
                ),
              ],
            ]),
          );
        break;
      }
      const types = shape.leftKeys.map((k, i) =>
        commonKeyType(keyTypeOf(lv.d, [k])[0]!, keyTypeOf(rv.d, [shape.rightKeys[i]!])[0]!),
      );
      const side = (v: View, keys: string[]) => {
        const idx = keys.map((k) => v.d.schema.findIndex((f) => f.name === k));
        const exchange = `Exchange hashpartitioning(${keys.join(', ')}, ${n})`;
        const keyed = narrowOp(v.d.rdd, exchange, (rows) =>
          (rows as unknown[][]).map((r) => [idx.length === 1 ? r[idx[0]!] : idx.map((i) => r[i]), r]),
        );
        return {
          rdd: s.rt.shuffle(keyed, new Murmur3Partitioner(n, types), null, exchange),
          plan: planNode(exchange, [v.d.plan], false),
        };
      };
      const l = side(lv, shape.leftKeys);
      const r = side(rv, shape.rightKeys);
      const rowsOf = (x: unknown[]) => (x as [unknown, unknown[]][]).map(([, row]) => row);
      const inputs = (a: unknown[], b: unknown[]) => [
        tableOf(lv, shape.left, rowsOf(a)),
        tableOf(rv, shape.right, rowsOf(b)),
      ];
      node = zipOp(
        l.rdd,
        r.rdd,
        `SortMergeJoin ${joinName}${shape.ops.length > 0 ? ` + ${shape.ops.join(' + ')}` : ''}`,
        (a, b) => run(inputs(a, b)),
      );
      plan = planNode(`SortMergeJoin ${joinName} ${attrs} (${duck})`, [l.plan, r.plan]);
      allInputs = () => mergeTables(Array.from({ length: n }, (_, p) => inputs(l.rdd.iterator(p), r.rdd.iterator(p))));
      break;
    }
    case 'single': {
      const used = shape.scans.map((u) => ({ v: viewOf(u), u }));
      const ops = [...new Set(shape.ops)];
      const main = MAIN_OPERATORS.find((o) => ops.includes(o)) ?? ops.at(-1) ?? 'Project';
      const name = [main, ...ops.filter((o) => o !== main)].join(' + ');
      // Every view's rows to one task (Spark's ShuffledRowRDD reads an Exchange's output).
      const gathered = used.map(({ v }) => singlePartition(v.d.rdd, 'ShuffledRowRDD', (rows) => rows));
      const tables = (p: number) => used.map(({ v, u }, i) => tableOf(v, u, gathered[i]!.iterator(p)));
      const source = gathered.length === 0 ? [s.rt.parallelize([null], 1)] : gathered;
      node = new Rdd(
        s.rt,
        name,
        1,
        source.map((g) => narrowDep(g)),
        (p) => run(tables(p)),
      );
      plan = planNode(
        `${shape.ops.at(-1) ?? 'Project'} ${attrs} (${duck})`,
        used.map(({ v }) => planNode('Exchange SinglePartition', [v.d.plan], false)),
      );
      allInputs = () => tables(0);
      break;
    }
  }
  let rdd = node;
  if (finish !== null) {
    // The last stage orders (or limits) the tasks' answers; DuckDB gives it the query's own order.
    rdd = singlePartition(node, finish, () => query(allInputs()));
    const what = finish === 'GlobalLimit' ? "the query's LIMIT" : "the query's ORDER BY";
    plan = planNode(`${finish === 'GlobalLimit' ? 'CollectLimit' : finish} [${what}], output=${attrs}`, [
      planNode('Exchange SinglePartition', [plan], false),
    ]);
  }
  const size = [...views.values()].reduce((a, v) => a + v.d.size, 0) || sizeOf([]);
  return newDataFrame({ s, rdd, schema, plan, size });
}
