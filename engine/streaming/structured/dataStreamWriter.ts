/**
 * DataStreamWriter (`df.writeStream`): the query's sink (`format('console')` or
 * `foreachBatch((batchDF, batchId) => ...)`), its output mode (`append`, Spark's default;
 * `update`; `complete`), its trigger (`trigger({ processingTime: '5 seconds' })`; without one a
 * batch starts as soon as the last one ends and data is there) and its name; `start()` checks the
 * combination as Spark's UnsupportedOperationChecker does and starts the query.
 */
import { intervalMs } from '../../spark/sql/intervals';
import type { StreamPlan } from './streamingDataFrame';
import { StreamingQuery, type QuerySettings } from './streamingQuery';
import type { MicroBatchFrame } from './microBatchFrame';

type ForeachBatch = (batchDF: MicroBatchFrame, batchId: number) => unknown;

const MODES = ['append', 'update', 'complete'] as const;

export class DataStreamWriter {
  #mode: QuerySettings['outputMode'] = 'append';
  #format: string | null = null;
  #foreachBatch: ForeachBatch | null = null;
  #triggerMs = 0;
  #name: string | null = null;
  #options = new Map<string, string>();

  readonly #plan: StreamPlan;

  constructor(plan: StreamPlan) {
    this.#plan = plan;
  }

  outputMode(mode: string): this {
    const m = String(mode).toLowerCase();
    if (!(MODES as readonly string[]).includes(m))
      throw new Error(
        `[AnalysisException] Unknown output mode ${String(mode)}. Accepted output modes are 'append', 'complete', 'update'`,
      );
    this.#mode = m as QuerySettings['outputMode'];
    return this;
  }

  format(source: string): this {
    this.#format = String(source).toLowerCase();
    return this;
  }

  option(key: string, value: unknown): this {
    this.#options.set(String(key).toLowerCase(), String(value));
    return this;
  }

  options(map: Record<string, unknown>): this {
    for (const [k, v] of Object.entries(map ?? {})) this.option(k, v);
    return this;
  }

  queryName(name: string): this {
    const n = String(name);
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(n))
      throw new Error(
        `queryName(${JSON.stringify(n.slice(0, 70))}): use letters, digits, '_', '.' or '-' (at most 64)`,
      );
    this.#name = n;
    return this;
  }

  /** trigger({ processingTime: '5 seconds' }) (PySpark's trigger(processingTime=...)); `once` and `availableNow` are not modelled. */
  trigger(spec: { processingTime?: string }): this {
    if (typeof spec !== 'object' || spec === null || typeof spec.processingTime !== 'string')
      throw new Error(
        "trigger(): give the interval between micro-batches, e.g. trigger({ processingTime: '5 seconds' })",
      );
    this.#triggerMs = intervalMs(spec.processingTime, 'trigger(): processingTime');
    return this;
  }

  foreachBatch(fn: ForeachBatch): this {
    if (typeof fn !== 'function')
      throw new TypeError(
        'foreachBatch(fn): fn must be a function (batchDF, batchId) => ..., called once per micro-batch',
      );
    this.#foreachBatch = fn;
    this.#format = 'foreachbatch';
    return this;
  }

  start(): StreamingQuery {
    const plan = this.#plan;
    const agg = plan.agg;
    const sink = this.#format;
    if (sink !== 'console' && sink !== 'foreachbatch')
      throw new Error(
        sink === null
          ? "writeStream.start(): choose a sink first: .format('console'), or .foreachBatch((batchDF, batchId) => ...) to write each batch yourself"
          : `[UnsupportedOperationException] Data source ${sink} does not support streamed writing here; use .format('console') or .foreachBatch(...)`,
      );
    if (this.#mode === 'complete' && !agg)
      throw new Error(
        '[AnalysisException] Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets',
      );
    const watermarked =
      agg?.window && plan.watermark && agg.window.column.toLowerCase() === plan.watermark.column.toLowerCase();
    if (this.#mode === 'append' && agg && !watermarked)
      throw new Error(
        plan.watermark && agg.window
          ? `[AnalysisException] Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark: the watermark is on ${plan.watermark.column}, the window on ${agg.window.column || 'another column'}`
          : '[AnalysisException] Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark: add withWatermark(...) on the window\'s time column, or use outputMode("update") or ("complete")',
      );
    const number = plan.session.queries.length + 1;
    const name = this.#name ?? `query${number}`;
    if (plan.session.queries.some((q) => q.isActive && q.name === name))
      throw new Error(
        `[IllegalArgumentException] Cannot start query with name ${name} as a query with that name is already active`,
      );
    const truncate = this.#options.get('truncate');
    const numRows = Number(this.#options.get('numrows') ?? 20);
    const query = new StreamingQuery(plan, {
      name,
      outputMode: this.#mode,
      triggerMs: this.#triggerMs,
      console:
        sink === 'console'
          ? { numRows: Number.isInteger(numRows) && numRows > 0 ? numRows : 20, truncate: truncate !== 'false' }
          : null,
      foreachBatch: this.#foreachBatch,
      watermarked: Boolean(watermarked),
    });
    plan.session.queries.push(query);
    return query;
  }
}
