/**
 * spark.sql(sqlText): DuckDB parses, binds and plans the learner's SQL over the job's temporary
 * views; the plan's shape (sqlPlanShape.ts) becomes Spark's stages on the simulated cluster, and
 * each task's partition is computed by DuckDB running the learner's own SQL over exactly the rows
 * that task holds (or, for a GROUP BY whose aggregates merge, DuckDB's partial aggregate in the map
 * tasks and the learner's query over the partials in the reduce tasks: sqlPartialAggregate.ts). The
 * answer is DuckDB's, the stages and their records are the cluster's.
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
import { broadcastJoin, narrowDep, narrowOp, singlePartition } from './physicalOps';
import { planNode, type Plan } from './plan';
import {
  SqlEngineError,
  type SqlColumn,
  type SqlEngine,
  type SqlTable,
  type SqlType,
} from '../../sandbox/contract/sqlEngine';
import { shapeOf, type ScanUse } from './sqlPlanShape';
import { partialAggregateSql } from './partialAggregateSql';
import { partialAggregateStages } from './sqlPartialAggregate';
import { mergeTables, sameRows, tableOf, type View } from './sqlTables';

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

/**
 * The tasks' answers, computed together: each task's, checked against the whole query's. DuckDB
 * prints a key by the name it has in the query, and a name can hide an expression (`SELECT
 * lower(w) AS w ... GROUP BY 1`, a join on a subquery's renamed column): then the hash Exchange
 * on that column did not bring every group or match together, the answers differ, and the whole
 * query's answer is the first task's (correct, if not spread as Spark would spread it).
 */
function checkedAnswers(
  engine: SqlEngine,
  sqlText: string,
  perTask: SqlTable[][],
  columns: SqlColumn[],
): unknown[][][] {
  const answer = engine.runPartitions(sqlText, perTask, columns);
  return sameRows(answer.parts, answer.whole)
    ? answer.parts
    : answer.parts.map((_, p) => (p === 0 ? answer.whole : []));
}

const keyTypeOf = (d: DfState, names: string[]): DataType[] =>
  names.map((n) => d.schema.find((f) => f.name === n)?.type ?? 'string');

export function sqlDataFrame(s: SessionState, engine: SqlEngine, sqlText: unknown): DataFrame {
  if (typeof sqlText !== 'string')
    throw new TypeError(`spark.sql(sqlText): sqlText must be a string of SQL, got ${typeof sqlText}`);
  // Where the learner called spark.sql: an error DuckDB raises inside a task names this line.
  const site = new Error('spark.sql');
  const views = new Map<string, View>();
  // Views SQL cannot hold (no columns, two columns whose names differ only in case) are left out
  // of DuckDB's catalog; a query that names one is told why.
  const unusable = new Map<string, string>();
  for (const [name, df] of s.views) {
    const d = dataFrameState(df);
    const names = d.schema.map((f) => f.name.toLowerCase());
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    const unsupported = d.schema.find((f) => f.type === 'timestamp' || f.type === 'binary');
    if (names.length === 0) unusable.set(name, `the view '${name}' has no columns`);
    else if (unsupported)
      unusable.set(
        name,
        `the view '${name}' has a ${unsupported.type} column '${unsupported.name}', which spark.sql cannot read here; cast it first, e.g. withColumn('${unsupported.name}', col('${unsupported.name}').cast('string'))`,
      );
    else if (twice !== undefined)
      unusable.set(
        name,
        `the view '${name}' has two columns named '${twice}' (SQL names ignore case); rename one (withColumnRenamed) before createOrReplaceTempView`,
      );
    else views.set(name, { name, d });
  }
  const emptyTables: SqlTable[] = [...views.values()].map((v) => ({
    name: v.name,
    columns: v.d.schema.map((f) => ({ name: f.name, type: f.type as SqlType })),
    rows: [],
  }));
  let planned: ReturnType<SqlEngine['plan']>;
  try {
    planned = engine.plan(sqlText, emptyTables);
  } catch (error) {
    const missing =
      error instanceof SqlEngineError ? /Table with name "?([^\s"!]+)"? does not exist/i.exec(error.message) : null;
    const why = missing ? unusable.get(missing[1]!.toLowerCase()) : undefined;
    if (why !== undefined) throw new SqlEngineError(`spark.sql: ${why}`, 'AnalysisException');
    throw error;
  }
  const columns: SqlColumn[] = planned.columns;
  const viewColumns = new Map([...views.values()].map((v) => [v.name, v.d.schema.map((f) => f.name)]));
  const { shape, finish } = shapeOf(planned.plan, viewColumns);
  const atSite = <T>(work: () => T): T => {
    try {
      return work();
    } catch (error) {
      if (error instanceof SqlEngineError)
        error.stack = `${error.name}: ${error.message}\n${(site.stack ?? '').split('\n').slice(1).join('\n')}`;
      throw error;
    }
  };
  const query = (tables: SqlTable[]) => atSite(() => engine.run(sqlText, tables, columns));
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
  let allInputs: () => SqlTable[] = () => [];
  // The query's whole answer for the last stage (ORDER BY, LIMIT): DuckDB over every input row.
  let whole = () => query(allInputs());
  switch (shape.kind) {
    case 'constant': {
      const source = s.rt.parallelize([null], 1);
      // DuckDB proved no view's rows are needed (no scan left in its plan): the views are empty tables.
      node = narrowOp(source, 'LocalTableScan', () => run(emptyTables));
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
      const at = shape.ops.indexOf('HashAggregate');
      const viewTable = emptyTables.find((t) => t.name === v.name)!;
      const rewrite = partialAggregateSql(engine, sqlText, planned.plan, viewTable, shape.keys, columns, emptyTables);
      if (rewrite) {
        const stages = partialAggregateStages({
          engine,
          sqlText,
          view: v,
          scan: shape.scan,
          keys: shape.keys,
          keyTypes: keyTypeOf(v.d, shape.keys),
          before: shape.ops.slice(0, at),
          after: shape.ops.slice(at + 1),
          columns,
          rewrite,
          atSite,
          lastStage: finish !== null,
          top: `${attrs} (${duck})`,
          n,
        });
        node = stages.rdd;
        plan = stages.plan;
        whole = stages.whole;
        break;
      }
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
      const compute = () =>
        (outputs ??= atSite(() =>
          checkedAnswers(
            engine,
            sqlText,
            Array.from({ length: parts }, (_, p) => inputs(p)),
            columns,
          ),
        ));
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
      const inputs = (p: number) => [
        tableOf(lv, shape.left, rowsOf(l.rdd.iterator(p))),
        tableOf(rv, shape.right, rowsOf(r.rdd.iterator(p))),
      ];
      let answers: unknown[][][] | null = null;
      const smj = `SortMergeJoin ${joinName}${shape.ops.length > 0 ? ` + ${shape.ops.join(' + ')}` : ''}`;
      node = new Rdd(s.rt, smj, n, [narrowDep(l.rdd), narrowDep(r.rdd)], (p) => {
        answers ??= atSite(() =>
          checkedAnswers(
            engine,
            sqlText,
            Array.from({ length: n }, (_, q) => inputs(q)),
            columns,
          ),
        );
        return answers[p]!;
      });
      plan = planNode(`SortMergeJoin ${joinName} ${attrs} (${duck})`, [l.plan, r.plan]);
      allInputs = () => mergeTables(Array.from({ length: n }, (_, p) => inputs(p)));
      break;
    }
    case 'single': {
      const used = shape.scans.map((u) => ({ v: viewOf(u), u }));
      const ops = [...new Set(shape.ops)];
      const main = MAIN_OPERATORS.find((o) => ops.includes(o)) ?? ops.at(-1) ?? 'Project';
      const name = [main, ...ops.filter((o) => o !== main)].join(' + ');
      // Every view's rows to one task (Spark's ShuffledRowRDD reads an Exchange's output).
      const gathered = used.map(({ v }) => singlePartition(v.d.rdd, 'ShuffledRowRDD', (rows) => rows));
      // The views whose scans DuckDB's plan dropped (a WHERE false, LIMIT 0) are there, empty.
      const tables = (p: number) => {
        const read = used.map(({ v, u }, i) => tableOf(v, u, gathered[i]!.iterator(p)));
        return [...read, ...emptyTables.filter((t) => !read.some((r) => r.name === t.name))];
      };
      const source = gathered.length === 0 ? [s.rt.parallelize([null], 1)] : gathered;
      node = new Rdd(
        s.rt,
        name,
        1,
        source.map((g) => narrowDep(g)),
        (p) => run(tables(p)),
      );
      plan = planNode(
        `${main} ${attrs} (${duck})`,
        used.map(({ v }) => planNode('Exchange SinglePartition', [v.d.plan], false)),
      );
      allInputs = () => tables(0);
      break;
    }
  }
  let rdd = node;
  if (finish !== null) {
    // The last stage orders (or limits) the tasks' answers; DuckDB gives it the query's own order.
    rdd = singlePartition(node, finish, () => whole());
    const what = finish === 'GlobalLimit' ? "the query's LIMIT" : "the query's ORDER BY";
    plan = planNode(`${finish === 'GlobalLimit' ? 'CollectLimit' : finish} [${what}], output=${attrs}`, [
      planNode('Exchange SinglePartition', [plan], false),
    ]);
  }
  const size = [...views.values()].reduce((a, v) => a + v.d.size, 0) || sizeOf([]);
  return newDataFrame({ s, rdd, schema, plan, size });
}
