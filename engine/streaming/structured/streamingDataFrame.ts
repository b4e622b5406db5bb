/**
 * A streaming DataFrame (Spark Structured Streaming): what `spark.readStream...load()` returns and
 * its transformations give. Nothing runs until `writeStream...start()`; then every micro-batch
 * pushes the rows the Kafka source read through the same operators. Columns resolve eagerly
 * against the schema (Spark's analyzer), so a wrong name fails at the learner's line. Row
 * operators (select, withColumn, filter...) come first, then at most one aggregation
 * (groupBy(window(...), ...).count() or .agg(...)), as the last step before writeStream.
 */
import { exprName, toExpr, type AggFn, type DataType, type Expr, type Field } from '../../spark/sql/column';
import { compile, resolveField } from '../../spark/sql/expressions';
import { colArgs } from '../../spark/sql/dataFrame';
import { numericAggProblem } from '../../spark/sql/groupedData';
import { intervalMs } from '../../spark/sql/intervals';
import type { KafkaTransport } from '../kafkajs/kafkaCalls';
import type { KafkaSourceOptions } from './kafkaSource';
import type { AggregateSpec, WindowSpecOfQuery } from './aggregationState';
import { DataStreamWriter } from './dataStreamWriter';
import type { StreamingQuery } from './streamingQuery';

/** What every streaming DataFrame of a program shares. */
export interface StreamSession {
  transport: KafkaTransport;
  print(line: string): void;
  nextExprId(): number;
  readonly queries: StreamingQuery[];
}

/** A column of what a query writes out: a window is Spark's struct<start: timestamp, end: timestamp>. */
export interface OutField {
  name: string;
  type: DataType | 'window';
}

export interface AggPlan {
  keyFns: ((row: unknown[]) => unknown)[];
  aggs: AggregateSpec[];
  window: (WindowSpecOfQuery & { column: string }) | null;
  /** The window key's place among the keys, or -1. */
  windowKey: number;
  fields: OutField[];
}

export interface StreamPlan {
  session: StreamSession;
  source: KafkaSourceOptions;
  /** The rows' columns after the row operators. */
  schema: Field[];
  /** Applied in order to each source row; null drops it (a filter). */
  rowOps: ((row: unknown[]) => unknown[] | null)[];
  watermark: { column: string; delayMs: number } | null;
  agg: AggPlan | null;
}

const plans = new WeakMap<object, StreamPlan>();

export function planOf(df: unknown): StreamPlan {
  const p = typeof df === 'object' && df !== null ? plans.get(df) : undefined;
  if (!p) throw new TypeError('expected a streaming DataFrame (from spark.readStream...load())');
  return p;
}

export function streamingFrame(plan: StreamPlan): StreamingDataFrame {
  const df = new StreamingDataFrame();
  plans.set(df, plan);
  return Object.freeze(df);
}

function notAfterAgg(p: StreamPlan, what: string): void {
  if (p.agg)
    throw new Error(
      `${what} after groupBy(...).agg(...): ClusterLab runs a streaming aggregation as the last step before writeStream; select, filter and withColumn before groupBy`,
    );
}

function batchOnly(what: string): never {
  throw new Error(
    `[AnalysisException] Queries with streaming sources must be executed with writeStream.start(); ${what}() reads a batch DataFrame (in foreachBatch, the batch's DataFrame has it)`,
  );
}

export class StreamingDataFrame {
  /** True: this DataFrame reads a stream (Dataset.isStreaming). */
  get isStreaming(): boolean {
    return true;
  }

  get columns(): string[] {
    const p = planOf(this);
    return p.agg ? p.agg.fields.map((f) => f.name) : p.schema.map((f) => f.name);
  }

  printSchema(): void {
    const p = planOf(this);
    const fields: OutField[] = p.agg ? p.agg.fields : p.schema;
    p.session.print(
      `root\n${fields
        .map((f) =>
          f.type === 'window'
            ? ` |-- ${f.name}: struct (nullable = true)\n |    |-- start: timestamp (nullable = true)\n |    |-- end: timestamp (nullable = true)`
            : ` |-- ${f.name}: ${f.type} (nullable = true)`,
        )
        .join('\n')}\n`,
    );
  }

  select(...args: unknown[]): StreamingDataFrame {
    const p = planOf(this);
    notAfterAgg(p, 'select');
    const exprs = colArgs(args).map((a) => toExpr(a));
    if (exprs.length === 0) throw new Error('select(): name at least one column');
    return project(p, exprs);
  }

  selectExpr(): StreamingDataFrame {
    throw new Error(
      "selectExpr(): ClusterLab reads no SQL text in a stream; write the columns, e.g. select(col('value').cast('string').alias('json'))",
    );
  }

  withColumn(name: string, column: unknown): StreamingDataFrame {
    const p = planOf(this);
    notAfterAgg(p, 'withColumn');
    const n = String(name);
    const i = p.schema.findIndex((f) => f.name.toLowerCase() === n.toLowerCase());
    const e: Expr = { k: 'alias', e: toExpr(column, true), name: n };
    const exprs: Expr[] = p.schema.map((f) => ({ k: 'col', name: f.name, origin: null }));
    if (i >= 0) exprs[i] = e;
    else exprs.push(e);
    return project(p, exprs);
  }

  withColumnRenamed(existing: string, newName: string): StreamingDataFrame {
    const p = planOf(this);
    notAfterAgg(p, 'withColumnRenamed');
    return project(
      p,
      p.schema.map((f) =>
        f.name.toLowerCase() === String(existing).toLowerCase()
          ? { k: 'alias', e: { k: 'col', name: f.name, origin: null }, name: String(newName) }
          : { k: 'col', name: f.name, origin: null },
      ),
    );
  }

  drop(...names: unknown[]): StreamingDataFrame {
    const p = planOf(this);
    notAfterAgg(p, 'drop');
    const gone = new Set(
      names.map((n) => (typeof n === 'string' ? n.toLowerCase() : exprName(toExpr(n)).toLowerCase())),
    );
    return project(
      p,
      p.schema.filter((f) => !gone.has(f.name.toLowerCase())).map((f) => ({ k: 'col', name: f.name, origin: null })),
    );
  }

  filter(condition: unknown): StreamingDataFrame {
    const p = planOf(this);
    notAfterAgg(p, 'filter');
    if (typeof condition === 'string')
      throw new TypeError(
        `filter(${JSON.stringify(condition.slice(0, 60))}): SQL expression strings are not supported here; build the condition from columns, e.g. col('speed').gt(20)`,
      );
    const c = compile(toExpr(condition), p.schema);
    if (c.type !== 'boolean' && c.type !== 'null')
      throw new Error(
        `[DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN] filter(${c.text}): the condition is a ${c.type}, not a boolean`,
      );
    return streamingFrame({ ...p, rowOps: [...p.rowOps, (r) => (c.eval(r) === true ? r : null)] });
  }

  where(condition: unknown): StreamingDataFrame {
    return this.filter(condition);
  }

  /**
   * withWatermark(eventTime, delayThreshold): the query trails the largest event time it has seen
   * by the delay; windows ending before that are final, and rows for them are late.
   */
  withWatermark(eventTime: string, delayThreshold: string): StreamingDataFrame {
    const p = planOf(this);
    notAfterAgg(p, 'withWatermark');
    const f = p.schema[resolveField(p.schema, String(eventTime), null)]!;
    if (f.type !== 'timestamp')
      throw new Error(
        `[AnalysisException] Event time must be defined on a window or a timestamp, but ${f.name} is of type ${f.type}; cast it: withColumn('${f.name}', col('${f.name}').cast('timestamp'))`,
      );
    const delayMs = intervalMs(delayThreshold, 'withWatermark(): the delay threshold');
    return streamingFrame({ ...p, watermark: { column: f.name, delayMs } });
  }

  groupBy(...cols: unknown[]): StreamingGroupedData {
    const p = planOf(this);
    notAfterAgg(p, 'groupBy');
    return new StreamingGroupedData(
      p,
      colArgs(cols).map((c) => toExpr(c)),
    );
  }

  groupby(...cols: unknown[]): StreamingGroupedData {
    return this.groupBy(...cols);
  }

  /** The query's writer: its sink, output mode and trigger, then start(). */
  get writeStream(): DataStreamWriter {
    return new DataStreamWriter(planOf(this));
  }

  collect(): never {
    return batchOnly('collect');
  }
  count(): never {
    return batchOnly('count');
  }
  show(): never {
    return batchOnly('show');
  }
  take(): never {
    return batchOnly('take');
  }
  first(): never {
    return batchOnly('first');
  }
  get write(): never {
    throw new Error("[AnalysisException] 'write' can not be called on streaming Dataset/DataFrame; use writeStream");
  }
}

function project(p: StreamPlan, exprs: Expr[]): StreamingDataFrame {
  const compiled = exprs.map((e) => compile(e, p.schema));
  const schema: Field[] = exprs.map((e, i) => {
    const passthrough = e.k === 'col' ? p.schema[resolveField(p.schema, e.name, e.origin)]! : null;
    return passthrough ?? { name: exprName(e), type: compiled[i]!.type, id: p.session.nextExprId(), origin: 0 };
  });
  return streamingFrame({ ...p, schema, rowOps: [...p.rowOps, (r) => compiled.map((c) => c.eval(r))] });
}

/** groupBy(...) on a stream: its aggregations end the row operators. */
export class StreamingGroupedData {
  readonly #p: StreamPlan;
  readonly #keys: Expr[];

  constructor(p: StreamPlan, keys: Expr[]) {
    this.#p = p;
    this.#keys = keys;
    Object.freeze(this);
  }

  count(): StreamingDataFrame {
    return this.#aggregate([{ k: 'alias', e: { k: 'agg', fn: 'count', e: null }, name: 'count' }]);
  }

  agg(...exprs: unknown[]): StreamingDataFrame {
    const list = colArgs(exprs).map((e) => toExpr(e));
    if (list.length === 0) throw new Error('agg(): name at least one aggregate, e.g. agg(avg(col("speed")))');
    return this.#aggregate(list);
  }

  sum(...cols: string[]): StreamingDataFrame {
    return this.#simple('sum', cols);
  }
  avg(...cols: string[]): StreamingDataFrame {
    return this.#simple('avg', cols);
  }
  mean(...cols: string[]): StreamingDataFrame {
    return this.#simple('avg', cols);
  }
  min(...cols: string[]): StreamingDataFrame {
    return this.#simple('min', cols);
  }
  max(...cols: string[]): StreamingDataFrame {
    return this.#simple('max', cols);
  }

  #simple(fn: AggFn, cols: string[]): StreamingDataFrame {
    if (cols.length === 0) throw new Error(`${fn}(): name the columns to aggregate`);
    return this.#aggregate(cols.map((c) => ({ k: 'agg', fn, e: { k: 'col', name: String(c), origin: null } })));
  }

  #aggregate(aggExprs: Expr[]): StreamingDataFrame {
    const p = this.#p;
    const fields: OutField[] = [];
    const keyFns: ((row: unknown[]) => unknown)[] = [];
    let window: AggPlan['window'] = null;
    let windowKey = -1;
    for (const k of this.#keys) {
      if (k.k === 'window') {
        if (window) throw new Error('groupBy(): group by one window() at most');
        const time = compile(k.e, p.schema);
        if (time.type !== 'timestamp')
          throw new Error(
            `[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] window(${time.text}): the time column must be a timestamp, not a ${time.type}; cast it with .cast('timestamp')`,
          );
        window = { time: time.eval, sizeMs: k.sizeMs, slideMs: k.slideMs, column: k.e.k === 'col' ? k.e.name : '' };
        windowKey = keyFns.length;
        keyFns.push(() => null);
        fields.push({ name: 'window', type: 'window' });
        continue;
      }
      const c = compile(k, p.schema);
      keyFns.push(c.eval);
      fields.push({ name: exprName(k), type: c.type });
    }
    const aggs: AggregateSpec[] = aggExprs.map((e) => {
      const inner = e.k === 'alias' ? e.e : e;
      if (inner.k !== 'agg')
        throw new Error(
          `agg(): ${exprName(e)} is not an aggregate function; use count, sum, avg, min or max (from spark.functions)`,
        );
      const value = inner.e ? compile(inner.e, p.schema) : null;
      const problem = numericAggProblem(inner.fn, value);
      if (problem !== null) throw new TypeError(problem);
      const type: DataType =
        inner.fn === 'count'
          ? 'long'
          : inner.fn === 'avg'
            ? 'double'
            : inner.fn === 'sum'
              ? value?.type === 'double'
                ? 'double'
                : 'long'
              : (value?.type ?? 'null');
      fields.push({ name: exprName(e), type });
      return { fn: inner.fn, value: value ? value.eval : null };
    });
    // Keys other than the window exclude it from their functions (its value comes from the state).
    const agg: AggPlan = { keyFns: keyFns.filter((_, i) => i !== windowKey), aggs, window, windowKey, fields };
    return streamingFrame({ ...p, agg });
  }
}
