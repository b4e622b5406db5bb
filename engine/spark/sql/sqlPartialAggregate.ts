/**
 * A spark.sql GROUP BY (or global aggregate) whose aggregates merge (partialAggregateSql.ts) as
 * Spark plans it: HashAggregate (partial) in each map task (DuckDB over the task's rows: one row
 * per group), Exchange hashpartitioning on the keys (SinglePartition without keys), HashAggregate
 * (final) in each reduce task (DuckDB's merge of the partials, then the learner's select list,
 * HAVING, ORDER BY and LIMIT). What crosses the shuffle is one record per group per map task, as
 * for the DataFrame's groupBy().agg(). The tasks' answers are checked against DuckDB's answer to
 * the query over all the view's rows (doubles to 12 digits); should they differ, the whole
 * query's answer is the first task's, as for the other shapes.
 */
import type { Rdd } from '../rdd';
import type { SqlColumn, SqlEngine, SqlTable } from '../../sandbox/contract/sqlEngine';
import type { DataType } from './column';
import { aggregateNaming } from './groupedData';
import { aggregateExchange, narrowOp } from './physicalOps';
import { planNode, type Plan } from './plan';
import type { PartialAggregateSql } from './partialAggregateSql';
import type { ScanUse } from './sqlPlanShape';
import { mergeTables, sameRows, tableOf, type View } from './sqlTables';

export interface PartialAggregateInput {
  engine: SqlEngine;
  sqlText: string;
  view: View;
  scan: ScanUse;
  keys: string[];
  keyTypes: DataType[];
  /** DuckDB's operators under and above its aggregate, as Spark names them. */
  before: string[];
  after: string[];
  columns: SqlColumn[];
  rewrite: PartialAggregateSql;
  /** Runs work where the learner called spark.sql (errors name that line). */
  atSite: <T>(work: () => T) => T;
  /** Whether a last single-partition stage (ORDER BY, LIMIT) gives the answer. */
  lastStage: boolean;
  /** The plan's top line: the query's output and its text. */
  top: string;
  n: number;
}

export interface PartialAggregateStages {
  rdd: Rdd;
  plan: Plan;
  /** The query's whole answer, in its order (the last stage's ORDER BY or LIMIT). */
  whole: () => unknown[][];
}

export function partialAggregateStages(x: PartialAggregateInput): PartialAggregateStages {
  const { engine, view, scan, keys, rewrite } = x;
  const parts = keys.length === 0 ? 1 : x.n;
  const naming = aggregateNaming(keys, rewrite.functions, x.n);
  const width = keys.length;
  const keyOf = (r: unknown[]) => (width === 0 ? 0 : width === 1 ? r[0] : r.slice(0, width));
  const partialName = [naming.rdds.partial, ...x.before.filter((o) => o !== 'Project')].join(' + ');
  const partial = narrowOp(view.d.rdd, partialName, (rows) =>
    // A global aggregate has a partial row even for no rows (count 0); a grouped one has none.
    width > 0 && rows.length === 0
      ? []
      : x
          .atSite(() => engine.run(rewrite.partial, [tableOf(view, scan, rows)], rewrite.partialColumns))
          .map((r) => [keyOf(r), r.slice(width)]),
  );
  const partialTable = (pairs: [unknown, unknown][]): SqlTable => ({
    name: view.name,
    columns: rewrite.partialColumns,
    rows: pairs.map(([k, bufs]) => [
      ...(width === 0 ? [] : width === 1 ? [k] : (k as unknown[])),
      ...(bufs as unknown[]),
    ]),
  });
  let outputs: { parts: unknown[][][]; last: unknown[][] } | null = null;
  const raw = () =>
    mergeTables(
      Array.from({ length: view.d.rdd.numPartitions }, (_, p) => [tableOf(view, scan, view.d.rdd.iterator(p))]),
    );
  const finalName = [naming.rdds.final, ...x.after].join(' + ');
  const compute = (shuffled: Rdd) =>
    (outputs ??= x.atSite(() => {
      const shuffledTables = Array.from({ length: parts }, (_, p) => [
        partialTable(shuffled.iterator(p) as [unknown, unknown][]),
      ]);
      const answer = engine.runPartitions(rewrite.final, shuffledTables, x.columns);
      const truth = engine.run(x.sqlText, raw(), x.columns);
      // With a last stage (ORDER BY, LIMIT) the answer is the final query over every partial row;
      // without, the reduce tasks' answers together.
      const merged = x.lastStage ? sameRows([answer.whole], truth, true) : sameRows(answer.parts, truth, true);
      return merged
        ? { parts: answer.parts, last: answer.whole }
        : { parts: answer.parts.map((_, p) => (p === 0 ? truth : [])), last: truth };
    }));
  let shuffledRdd: Rdd | null = null;
  const reduce = aggregateExchange(
    partial,
    parts,
    keys.length === 0 ? ['integer'] : x.keyTypes,
    { exchange: naming.rdds.exchange, final: finalName },
    (_pairs, p, shuffled) => compute((shuffledRdd = shuffled)).parts[p]!,
  );
  const plan = planNode(`Project ${x.top}`, [naming.plan(view.d.plan)]);
  return {
    rdd: reduce,
    plan,
    whole: () => {
      // The reduce tasks ran before the last stage: their answers are computed.
      if (!shuffledRdd) reduce.iterator(0);
      return compute(shuffledRdd!).last;
    },
  };
}
