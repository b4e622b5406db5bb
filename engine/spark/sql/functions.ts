/**
 * pyspark.sql.functions (org.apache.spark.sql.functions): what a job reaches as `spark.functions`
 * (`const { col, sum } = spark.functions`, PySpark's `from pyspark.sql import functions as F`).
 */
import { Column, toExpr, type AggFn } from './column';
import { dataFrameState, newDataFrame, type DataFrame } from './dataFrame';
import { windowColumn } from './windowColumn';

const agg = (fn: AggFn) => (c: unknown) =>
  new Column({ k: 'agg', fn, e: fn === 'count' && (c === '*' || c === 1) ? null : toExpr(c) });

export const functions = Object.freeze({
  /** functions.col / column: a column by name. */
  col: (name: string) => new Column({ k: 'col', name: String(name), origin: null }),
  column: (name: string) => new Column({ k: 'col', name: String(name), origin: null }),
  /** functions.lit: a literal value. */
  lit: (v: unknown) => new Column(toExpr(v, true)),
  /** functions.count: non-null values; count('*') counts rows (Spark names it count(1)). */
  count: agg('count'),
  sum: agg('sum'),
  avg: agg('avg'),
  mean: agg('avg'),
  min: agg('min'),
  max: agg('max'),
  upper: (c: unknown) => new Column({ k: 'fn', fn: 'upper', args: [toExpr(c)] }),
  lower: (c: unknown) => new Column({ k: 'fn', fn: 'lower', args: [toExpr(c)] }),
  length: (c: unknown) => new Column({ k: 'fn', fn: 'length', args: [toExpr(c)] }),
  /** functions.substring(str, pos, len): pos counts from 1. */
  substring: (c: unknown, pos: number, len: number) =>
    new Column({ k: 'fn', fn: 'substring', args: [toExpr(c), { k: 'lit', v: pos }, { k: 'lit', v: len }] }),
  /** functions.round(col, scale = 0): HALF_UP, as Spark rounds. */
  round: (c: unknown, scale = 0) => new Column({ k: 'fn', fn: 'round', args: [toExpr(c), { k: 'lit', v: scale }] }),
  concat: (...cs: unknown[]) => new Column({ k: 'fn', fn: 'concat', args: cs.map((c) => toExpr(c)) }),
  coalesce: (...cs: unknown[]) => new Column({ k: 'fn', fn: 'coalesce', args: cs.map((c) => toExpr(c)) }),
  /** functions.get_json_object(col, path): the value at a JSONPath (`$.car`) as a string, or null. */
  get_json_object: (c: unknown, path: string) =>
    new Column({ k: 'fn', fn: 'get_json_object', args: [toExpr(c), { k: 'lit', v: String(path) }] }),
  /**
   * functions.window(timeColumn, windowDuration, slideDuration = windowDuration): the tumbling or
   * sliding event-time windows a row falls in, for a streaming groupBy.
   */
  window: (c: unknown, windowDuration: string, slideDuration?: string) =>
    windowColumn(c, windowDuration, slideDuration),
  asc: (name: string) => new Column({ k: 'sort', e: { k: 'col', name, origin: null }, asc: true, nullsFirst: true }),
  desc: (name: string) => new Column({ k: 'sort', e: { k: 'col', name, origin: null }, asc: false, nullsFirst: false }),
  /** functions.broadcast(df): marks a DataFrame to be broadcast in a join, whatever its size. */
  broadcast: (df: DataFrame): DataFrame => {
    const d = dataFrameState(df);
    return newDataFrame({ s: d.s, rdd: d.rdd, schema: d.schema, plan: d.plan, size: d.size, broadcast: true });
  },
});
