/**
 * Spark's DataFrame over the RDD machinery: each transformation resolves its columns at once (a
 * missing column fails at the learner's line, as Spark's analyzer does) and adds RDDs named after
 * Spark's physical operators; actions run them as Spark jobs. Internals stay in a WeakMap, out of
 * the job's reach.
 */
import { dateAt } from '../../core';
import type { Rdd } from '../rdd';
import type { SparkRuntime } from '../sparkRuntime';
import { Column, exprName, exprOf, toExpr, type Expr, type Field } from './column';
import { compile, resolveField } from './expressions';
import { narrowOp, rangeSort, rowComparator, singlePartition, type SortKey } from './physicalOps';
import { explainString, planNode, type Plan } from './plan';
import { aggregate, GroupedData } from './groupedData';
import { join } from './dataFrameJoin';
import { showString } from './sqlValues';
import { collect as collectRdd, count as countRdd } from '../rddActions';
import { cache as cacheRdd, unpersist as unpersistRdd } from '../rddInfo';
import { shareAcrossTasks } from '../taskClosures';
import type { SqlEngine } from '../../sandbox/contract/sqlEngine';
import { broadcastThresholdOf, shufflePartitionsOf } from './runtimeConfig';
import { action, takeRows } from './dataFrameActions';

export interface SessionState {
  rt: SparkRuntime;
  print: (text: string) => void;
  conf: Map<string, string>;
  views: Map<string, DataFrame>;
  nextExprId: () => number;
  nextDfId: () => number;
  /** DuckDB for spark.sql, opened on first use (null: this runner has none). */
  sqlEngine: (() => Promise<SqlEngine>) | null;
}

export interface DfState {
  s: SessionState;
  rdd: Rdd;
  schema: Field[];
  plan: Plan;
  /** Spark's sizeInBytes estimate (what autoBroadcastJoinThreshold is compared with). */
  size: number;
  id: number;
  broadcast: boolean;
}

const stateOf = new WeakMap<object, DfState>();

function st(df: unknown): DfState {
  const s = typeof df === 'object' && df !== null ? stateOf.get(df) : undefined;
  if (!s) throw new TypeError('expected a DataFrame');
  return s;
}

export function newDataFrame(state: Omit<DfState, 'id' | 'broadcast'> & { broadcast?: boolean }): DataFrame {
  // Driver-side objects: a closure that captures one gets it as it is, never a copy (taskClosures).
  const df = shareAcrossTasks(new DataFrame());
  stateOf.set(df, { broadcast: false, ...state, id: state.s.nextDfId() });
  Object.freeze(df);
  return df;
}

export function dataFrameState(df: unknown): DfState {
  return st(df);
}

const attrs = (fs: Field[]) => `[${fs.map((f) => `${f.name}#${f.id}`).join(',')}]`;

/** The columns a call names: strings, Columns, or one array of them. */
export function colArgs(args: unknown[]): unknown[] {
  return args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
}

function noSqlStrings(what: string, v: unknown): void {
  if (typeof v === 'string')
    throw new TypeError(
      `${what}: SQL expression strings like ${JSON.stringify(v)} are not supported here; build the condition from columns, e.g. col('t').gt(20)`,
    );
}

/** spark.sql.shuffle.partitions: every Exchange's width (spark.conf.set checked it). */
export function shufflePartitions(s: SessionState): number {
  return shufflePartitionsOf(s.conf);
}

/** spark.sql.autoBroadcastJoinThreshold in bytes (`10m` is 10485760; negative: no broadcast by size). */
export function broadcastThreshold(s: SessionState): number {
  return broadcastThresholdOf(s.conf);
}

export class DataFrame {
  /** Spark's df.columns: the column names. */
  get columns(): string[] {
    return st(this).schema.map((f) => f.name);
  }
  /** Spark's df.dtypes: [name, simple type] pairs. */
  get dtypes(): [string, string][] {
    return st(this).schema.map((f) => [f.name, simpleType(f.type)]);
  }
  /** Spark's df.schema (a StructType): its fields and simpleString. */
  get schema(): { fields: { name: string; dataType: string; nullable: boolean }[]; simpleString: string } {
    const fs = st(this).schema;
    return {
      fields: fs.map((f) => ({ name: f.name, dataType: f.type, nullable: true })),
      simpleString: `struct<${fs.map((f) => `${f.name}:${simpleType(f.type)}`).join(',')}>`,
    };
  }
  printSchema(): void {
    const { s, schema } = st(this);
    s.print(`root\n${schema.map((f) => ` |-- ${f.name}: ${f.type} (nullable = true)`).join('\n')}\n`);
  }
  explain(): void {
    const { s, plan } = st(this);
    s.print(explainString(plan));
  }
  /** df.col('name') / df['name']: a column of this DataFrame (tells it apart after a join). */
  col(name: string): Column {
    const d = st(this);
    const f = d.schema[resolveField(d.schema, String(name), null)]!;
    return new Column({ k: 'col', name: f.name, origin: f.origin });
  }

  select(...args: unknown[]): DataFrame {
    const d = st(this);
    const exprs: Expr[] = [];
    for (const a of colArgs(args)) {
      if (a === '*') exprs.push(...d.schema.map((f) => ({ k: 'col', name: f.name, origin: f.origin }) as Expr));
      else exprs.push(toExpr(a));
    }
    return project(d, exprs);
  }
  filter(condition: unknown): DataFrame {
    noSqlStrings('filter(condition)', condition);
    const d = st(this);
    const c = compile(toExpr(condition), d.schema);
    if (c.type !== 'boolean')
      throw new TypeError(`filter(condition): the condition ${c.text} is a ${c.type}, not a boolean`);
    const rdd = narrowOp(d.rdd, 'Filter', (rows) => rows.filter((r) => c.eval(r as unknown[]) === true));
    return derive(d, rdd, d.schema, planNode(`Filter ${c.text}`, [d.plan]));
  }
  where(condition: unknown): DataFrame {
    return this.filter(condition);
  }
  withColumn(name: string, column: unknown): DataFrame {
    const d = st(this);
    if (!(column instanceof Column))
      throw new TypeError(
        `withColumn(${JSON.stringify(name)}, col): the second argument must be a Column, e.g. lit(1)`,
      );
    const exprs: Expr[] = d.schema.map((f) =>
      f.name.toLowerCase() === String(name).toLowerCase()
        ? { k: 'alias', e: exprOf(column), name: String(name) }
        : { k: 'col', name: f.name, origin: f.origin },
    );
    if (!d.schema.some((f) => f.name.toLowerCase() === String(name).toLowerCase()))
      exprs.push({ k: 'alias', e: exprOf(column), name: String(name) });
    return project(d, exprs);
  }
  withColumnRenamed(existing: string, newName: string): DataFrame {
    const d = st(this);
    return project(
      d,
      d.schema.map((f) =>
        f.name === existing
          ? { k: 'alias', e: { k: 'col', name: f.name, origin: f.origin }, name: String(newName) }
          : { k: 'col', name: f.name, origin: f.origin },
      ),
    );
  }
  drop(...names: unknown[]): DataFrame {
    const d = st(this);
    const gone = new Set(
      colArgs(names).map((n) => (n instanceof Column ? exprName(exprOf(n)) : String(n)).toLowerCase()),
    );
    return project(
      d,
      d.schema
        .filter((f) => !gone.has(f.name.toLowerCase()))
        .map((f) => ({ k: 'col', name: f.name, origin: f.origin })),
    );
  }
  groupBy(...cols: unknown[]): GroupedData {
    const d = st(this);
    const keys = colArgs(cols).map((c) => toExpr(c));
    keys.forEach((k) => compile(k, d.schema)); // a missing column fails here, at the learner's line
    return new GroupedData(this, keys);
  }
  groupby(...cols: unknown[]): GroupedData {
    return this.groupBy(...cols);
  }
  agg(...exprs: unknown[]): DataFrame {
    return this.groupBy().agg(...exprs);
  }
  distinct(): DataFrame {
    const d = st(this);
    return aggregate(
      d,
      d.schema.map((f) => ({ k: 'col', name: f.name, origin: f.origin }) as Expr),
      [],
    );
  }
  orderBy(...cols: unknown[]): DataFrame {
    const d = st(this);
    const keys = sortKeys(d, colArgs(cols));
    const n = shufflePartitions(d.s);
    const order = keys.map((k) => k.text).join(', ');
    const rdd = rangeSort(d.rdd, keys, n, `Exchange rangepartitioning(${short(order)}, ${n})`, 'Sort');
    const ex = planNode(`Exchange rangepartitioning(${order}, ${n}), ENSURE_REQUIREMENTS`, [d.plan], false);
    const df = derive(d, rdd, d.schema, planNode(`Sort [${order}], true, 0`, [ex]));
    sortedBy.set(df, { child: d, keys });
    return df;
  }
  sort(...cols: unknown[]): DataFrame {
    return this.orderBy(...cols);
  }
  limit(n: number): DataFrame {
    const d = st(this);
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`limit(n): n must be a whole number of at least 0, got ${String(n)}`);
    const sorted = sortedBy.get(this);
    if (sorted) {
      // orderBy(...).limit(n): Spark plans TakeOrderedAndProject, each partition's top n, then one.
      const { child, keys } = sorted;
      const cmp = rowComparator(keys);
      const top = (rows: unknown[]) => [...(rows as unknown[][])].sort(cmp).slice(0, n);
      const local = narrowOp(child.rdd, 'TakeOrderedAndProject', top);
      const rdd = singlePartition(local, 'TakeOrderedAndProject', top);
      const order = keys.map((k) => k.text).join(',');
      return derive(
        d,
        rdd,
        d.schema,
        planNode(
          `TakeOrderedAndProject(limit=${n}, orderBy=[${order}], output=${attrs(d.schema)})`,
          [child.plan],
          false,
        ),
      );
    }
    const local = narrowOp(d.rdd, 'LocalLimit', (rows) => rows.slice(0, n));
    const rdd = singlePartition(local, 'GlobalLimit', (rows) => rows.slice(0, n));
    const plan = planNode(`GlobalLimit ${n}`, [
      planNode('Exchange SinglePartition, ENSURE_REQUIREMENTS', [planNode(`LocalLimit ${n}`, [d.plan])], false),
    ]);
    return derive(d, rdd, d.schema, plan);
  }
  join(other: unknown, on?: unknown, how: string = 'inner'): DataFrame {
    return join(st(this), st(other), on, how);
  }
  cache(): DataFrame {
    const d = st(this);
    if (!d.rdd.persisted) cacheRdd(d.rdd);
    return this;
  }
  persist(): DataFrame {
    return this.cache();
  }
  unpersist(): DataFrame {
    unpersistRdd(st(this).rdd);
    return this;
  }
  createOrReplaceTempView(name: string): void {
    const d = st(this);
    d.s.views.set(String(name).toLowerCase(), this);
  }

  // ---- actions: each tracked until the driver takes its result (engine/spark/awaitedActions.ts) ----
  collect(): Promise<Record<string, unknown>[]> {
    return act(this, 'collect', async (d) => {
      rowNames(d, 'collect');
      return toRows(d, (await collectRdd(d.rdd)) as unknown[][]);
    });
  }
  count(): Promise<number> {
    return act(this, 'count', (d) => countRdd(d.rdd));
  }
  take(n: number): Promise<Record<string, unknown>[]> {
    return act(this, 'take', (d) => firstRows(d, n));
  }
  head(n?: number): Promise<Record<string, unknown>[] | Record<string, unknown> | null> {
    return act<Record<string, unknown>[] | Record<string, unknown> | null>(this, 'head', (d) =>
      n === undefined ? firstRow(d) : firstRows(d, n),
    );
  }
  first(): Promise<Record<string, unknown> | null> {
    return act(this, 'first', firstRow);
  }
  show(n: number = 20, truncate: boolean | number = true): Promise<void> {
    return act(this, 'show', async (d) => {
      const rows = await takeRows(d, n + 1, 'showString');
      const cut = truncate === true ? 20 : truncate === false ? 0 : Number(truncate);
      d.s.print(
        showString(
          d.schema.map((f) => f.name),
          d.schema.map((f) => f.type),
          rows,
          n,
          cut,
        ).replace(/\n$/, ''),
      );
    });
  }
}
Object.freeze(DataFrame.prototype);

/** A DataFrame action on the frame's state (dataFrameActions.ts). */
function act<T>(df: DataFrame, name: string, run: (d: DfState) => Promise<T>): Promise<T> {
  return action(() => st(df), name, run);
}

/** The first n rows (DataFrame.take). */
async function firstRows(d: DfState, n: number): Promise<Record<string, unknown>[]> {
  rowNames(d, 'take');
  return toRows(d, await takeRows(d, n, 'take'));
}

/** The first row, or null (DataFrame.first). */
async function firstRow(d: DfState): Promise<Record<string, unknown> | null> {
  const [row] = await firstRows(d, 1);
  return row ?? null;
}

/** An expression's text without expression ids, for RDD names in the DAG: `day#0` → `day`. */
export function short(text: string): string {
  return text.replace(/#\d+/g, '');
}

const sortedBy = new WeakMap<DataFrame, { child: DfState; keys: (SortKey & { text: string })[] }>();

function simpleType(t: Field['type']): string {
  return t === 'integer' ? 'int' : t === 'long' ? 'bigint' : t === 'null' ? 'void' : t;
}

/**
 * The names of the Row objects' fields. Spark's Row keeps two columns of one name (after a join)
 * by position; a JavaScript object cannot, so two such columns are refused before the job runs,
 * naming them, instead of one silently hiding the other.
 */
function rowNames(d: DfState, action: string): string[] {
  const names = d.schema.map((f) => f.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length > 0)
    throw new Error(
      `${action}(): the DataFrame has more than one column named ${[...new Set(twice)].map((n) => `'${n}'`).join(', ')} (a join keeps both sides' columns), and a row object can hold only one; rename them first, e.g. select(a.col('v').alias('a_v'), b.col('v').alias('b_v')) or withColumnRenamed, or join on the column name: a.join(b, 'id'); in spark.sql, name them apart: SELECT a.id AS a_id, b.id AS b_id`,
    );
  return names;
}

function toRows(d: DfState, rows: unknown[][]): Record<string, unknown>[] {
  return rows.map((r) => rowObject(d.schema, r));
}

export function derive(d: DfState, rdd: Rdd, schema: Field[], plan: Plan, size = d.size): DataFrame {
  return newDataFrame({ s: d.s, rdd, schema, plan, size });
}

function project(d: DfState, exprs: Expr[]): DataFrame {
  const compiled = exprs.map((e) => compile(e, d.schema));
  const schema: Field[] = exprs.map((e, i) => {
    const passthrough = e.k === 'col' ? d.schema[resolveField(d.schema, e.name, e.origin)]! : null;
    return passthrough ?? { name: exprName(e), type: compiled[i]!.type, id: d.s.nextExprId(), origin: d.id };
  });
  const rdd = narrowOp(d.rdd, 'Project', (rows) => (rows as unknown[][]).map((r) => compiled.map((c) => c.eval(r))));
  const texts = compiled.map((c, i) => (exprs[i]!.k === 'alias' ? `${c.text}#${schema[i]!.id}` : c.text));
  return derive(d, rdd, schema, planNode(`Project [${texts.join(', ')}]`, [d.plan]));
}

function sortKeys(d: DfState, cols: unknown[]): (SortKey & { text: string })[] {
  if (cols.length === 0) throw new TypeError('orderBy(...cols): name at least one column');
  return cols.map((c) => {
    const e = toExpr(c);
    const sort = e.k === 'sort' ? e : { asc: true, nullsFirst: true, e };
    const compiled = compile(sort.e, d.schema);
    return {
      eval: compiled.eval,
      asc: sort.asc,
      nullsFirst: sort.nullsFirst,
      text: `${compiled.text} ${sort.asc ? 'ASC' : 'DESC'} NULLS ${sort.nullsFirst ? 'FIRST' : 'LAST'}`,
    };
  });
}

/** A row as collect() gives it: Spark's Row as a plain object; a timestamp as a Date. */
export function rowObject(schema: readonly Field[], r: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(
    schema.map((f, i) => {
      const v = r[i] ?? null;
      return [f.name, f.type === 'timestamp' && typeof v === 'number' ? dateAt(v) : v];
    }),
  );
}
