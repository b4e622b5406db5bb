/**
 * Spark's DataFrame over the RDD machinery: each transformation resolves its columns at once (a
 * missing column fails at the learner's line, as Spark's analyzer does) and adds RDDs named after
 * Spark's physical operators; actions run them as Spark jobs. Internals stay in a WeakMap, out of
 * the job's reach.
 */
import { sizeOf, type Rdd } from '../rdd';
import type { SparkRuntime } from '../sparkRuntime';
import { Column, compile, exprName, resolveField, toExpr, type Expr, type Field } from './column';
import {
  broadcastJoin,
  exchangeThen,
  groupKey,
  hashAggregate,
  joinRows,
  narrowOp,
  rangeSort,
  rowComparator,
  singlePartition,
  zipOp,
  type AggSpec,
  type JoinType,
  type SortKey,
} from './physicalOps';
import { explainString, planNode, type Plan } from './plan';
import { showString } from './sqlValues';

export interface SessionState {
  rt: SparkRuntime;
  print: (text: string) => void;
  conf: Map<string, string>;
  views: Map<string, DataFrame>;
  nextExprId: () => number;
  nextDfId: () => number;
}

interface DfState {
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
  const df = new DataFrame();
  stateOf.set(df, { broadcast: false, ...state, id: state.s.nextDfId() });
  Object.freeze(df);
  return df;
}

export function dataFrameState(df: unknown): DfState {
  return st(df);
}

const attrs = (fs: Field[]) => `[${fs.map((f) => `${f.name}#${f.id}`).join(',')}]`;

/** The columns a call names: strings, Columns, or one array of them. */
function colArgs(args: unknown[]): unknown[] {
  return args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
}

function noSqlStrings(what: string, v: unknown): void {
  if (typeof v === 'string')
    throw new TypeError(
      `${what}: SQL expression strings like ${JSON.stringify(v)} are not supported here; build the condition from columns, e.g. col('t').gt(20)`,
    );
}

function shufflePartitions(s: SessionState): number {
  const n = Number(s.conf.get('spark.sql.shuffle.partitions') ?? '200');
  return Number.isInteger(n) && n >= 1 ? n : 200;
}

function broadcastThreshold(s: SessionState): number {
  return Number(s.conf.get('spark.sql.autoBroadcastJoinThreshold') ?? String(10 * 1024 * 1024));
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
        ? { k: 'alias', e: column.expr, name: String(name) }
        : { k: 'col', name: f.name, origin: f.origin },
    );
    if (!d.schema.some((f) => f.name.toLowerCase() === String(name).toLowerCase()))
      exprs.push({ k: 'alias', e: column.expr, name: String(name) });
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
    const gone = new Set(colArgs(names).map((n) => (n instanceof Column ? exprName(n.expr) : String(n)).toLowerCase()));
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
    st(this).rdd.persist();
    return this;
  }
  persist(): DataFrame {
    return this.cache();
  }
  unpersist(): DataFrame {
    st(this).rdd.unpersist();
    return this;
  }
  createOrReplaceTempView(name: string): void {
    const d = st(this);
    d.s.views.set(String(name).toLowerCase(), this);
  }

  // ---- actions ----
  async collect(): Promise<Record<string, unknown>[]> {
    const d = st(this);
    return toRows(d, (await d.rdd.collect()) as unknown[][]);
  }
  async count(): Promise<number> {
    return st(this).rdd.count();
  }
  async take(n: number): Promise<Record<string, unknown>[]> {
    const d = st(this);
    return toRows(d, await takeRows(d, n, 'take'));
  }
  async head(n?: number): Promise<Record<string, unknown>[] | Record<string, unknown> | null> {
    if (n === undefined) return this.first();
    return this.take(n);
  }
  async first(): Promise<Record<string, unknown> | null> {
    const [row] = await this.take(1);
    return row ?? null;
  }
  async show(n: number = 20, truncate: boolean | number = true): Promise<void> {
    const d = st(this);
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
  }
}
Object.freeze(DataFrame.prototype);

/**
 * Spark's SparkPlan.executeTake: a job over the first partition, then over 4 times as many
 * partitions as scanned so far (spark.sql.limit.scaleUpFactor), until n rows are found.
 */
async function takeRows(d: DfState, n: number, action: string): Promise<unknown[][]> {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`${action}(n): n must be a whole number of at least 0, got ${String(n)}`);
  const out: unknown[][] = [];
  const total = d.rdd.numPartitions;
  let scanned = 0;
  while (out.length < n && scanned < total) {
    let tryParts = 1;
    if (scanned > 0)
      tryParts =
        out.length === 0
          ? scanned * 4
          : Math.min(Math.max(1, Math.ceil((1.5 * n * scanned) / out.length) - scanned), scanned * 4);
    const parts = Array.from({ length: Math.min(tryParts, total - scanned) }, (_, i) => scanned + i);
    const got = await d.s.rt.runJob(d.rdd, action, (rows) => rows.slice(0, n - out.length), parts);
    for (const rows of got) for (const r of rows) if (out.length < n) out.push(r as unknown[]);
    scanned += parts.length;
  }
  return out;
}

/** An expression's text without expression ids, for RDD names in the DAG: `day#0` → `day`. */
function short(text: string): string {
  return text.replace(/#\d+/g, '');
}

const sortedBy = new WeakMap<DataFrame, { child: DfState; keys: (SortKey & { text: string })[] }>();

function simpleType(t: Field['type']): string {
  return t === 'integer' ? 'int' : t === 'long' ? 'bigint' : t === 'null' ? 'void' : t;
}

function toRows(d: DfState, rows: unknown[][]): Record<string, unknown>[] {
  const names = d.schema.map((f) => f.name);
  return rows.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? null])));
}

function derive(d: DfState, rdd: Rdd, schema: Field[], plan: Plan, size = d.size): DataFrame {
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

/** groupBy(keys).agg(aggs): HashAggregate partial → Exchange → HashAggregate final. */
export function aggregate(d: DfState, keys: Expr[], aggs: Expr[]): DataFrame {
  const keyC = keys.map((k) => compile(k, d.schema));
  const specs: AggSpec[] = [];
  const texts: string[] = [];
  const schema: Field[] = keys.map((k, i) => {
    const passthrough = k.k === 'col' ? d.schema[resolveField(d.schema, k.name, k.origin)]! : null;
    return passthrough ?? { name: exprName(k), type: keyC[i]!.type, id: d.s.nextExprId(), origin: d.id };
  });
  for (const a of aggs) {
    const inner = a.k === 'alias' ? a.e : a;
    if (inner.k !== 'agg')
      throw new TypeError(
        `agg(...): ${exprName(a)} is not an aggregate; use count, sum, avg, min or max (e.g. sum('t')), or put the column in groupBy`,
      );
    const input = inner.e ? compile(inner.e, d.schema) : null;
    if (
      (inner.fn === 'sum' || inner.fn === 'avg') &&
      input &&
      !['integer', 'long', 'double', 'null'].includes(input.type)
    )
      throw new TypeError(
        `[DATATYPE_MISMATCH] ${inner.fn}(${input.text}) needs a numeric column, but it is a ${input.type} (read the CSV with inferSchema: true, or cast it)`,
      );
    specs.push({ fn: inner.fn, input: input ? input.eval : null });
    texts.push(`${inner.fn}(${input ? input.text : '1'})`);
    const type =
      inner.fn === 'count'
        ? 'long'
        : inner.fn === 'avg'
          ? 'double'
          : inner.fn === 'sum'
            ? input?.type === 'double'
              ? 'double'
              : 'long'
            : (input?.type ?? 'null');
    schema.push({ name: exprName(a), type, id: d.s.nextExprId(), origin: d.id });
  }
  const n = shufflePartitions(d.s);
  const keyText = keyC.map((k) => k.text).join(', ');
  const partialFns = texts.map((t) => `partial_${t}`).join(', ');
  const exName = keys.length === 0 ? 'Exchange SinglePartition' : `Exchange hashpartitioning(${keyText}, ${n})`;
  const exRddName = keys.length === 0 ? exName : `Exchange hashpartitioning(${short(keyText)}, ${n})`;
  const rdd = hashAggregate(
    d.rdd,
    keyC.map((k) => k.eval),
    specs,
    n,
    {
      partial: 'HashAggregate (partial)',
      exchange: exRddName,
      final: 'HashAggregate (final)',
    },
  );
  const partial = planNode(`HashAggregate(keys=[${keyText}], functions=[${partialFns}])`, [d.plan]);
  const ex = planNode(`${exName}, ENSURE_REQUIREMENTS`, [partial], false);
  return derive(d, rdd, schema, planNode(`HashAggregate(keys=[${keyText}], functions=[${texts.join(', ')}])`, [ex]));
}

/** Spark's GroupedData: what groupBy returns, until agg or one of its shortcuts. */
export class GroupedData {
  readonly #df: DataFrame;
  readonly #keys: Expr[];
  constructor(df: DataFrame, keys: Expr[]) {
    this.#df = df;
    this.#keys = keys;
    Object.freeze(this);
  }
  agg(...exprs: unknown[]): DataFrame {
    const list = colArgs(exprs);
    if (list.length === 0) throw new TypeError('agg(...): name at least one aggregate, e.g. count("*")');
    return aggregate(
      st(this.#df),
      this.#keys,
      list.map((e) => {
        if (!(e instanceof Column))
          throw new TypeError(`agg(...): expected aggregate Columns like sum('t'), got ${JSON.stringify(e)}`);
        return e.expr;
      }),
    );
  }
  count(): DataFrame {
    return this.agg(new Column({ k: 'alias', e: { k: 'agg', fn: 'count', e: null }, name: 'count' }));
  }
  sum(...cols: string[]): DataFrame {
    return this.#each('sum', cols);
  }
  avg(...cols: string[]): DataFrame {
    return this.#each('avg', cols);
  }
  mean(...cols: string[]): DataFrame {
    return this.#each('avg', cols);
  }
  min(...cols: string[]): DataFrame {
    return this.#each('min', cols);
  }
  max(...cols: string[]): DataFrame {
    return this.#each('max', cols);
  }
  #each(fn: 'sum' | 'avg' | 'min' | 'max', cols: string[]): DataFrame {
    const d = st(this.#df);
    const names = cols.length
      ? cols
      : d.schema.filter((f) => ['integer', 'long', 'double'].includes(f.type)).map((f) => f.name);
    return this.agg(...names.map((c) => new Column({ k: 'agg', fn, e: { k: 'col', name: String(c), origin: null } })));
  }
}
Object.freeze(GroupedData.prototype);

/**
 * df.join(other, on, how): equal keys from column names (`'id'`, `['a', 'b']`: one output column
 * each) or from a Column (`a.col('id').equalTo(b.col('uid'))`, ANDed equalities). A side whose
 * estimated size is at most spark.sql.autoBroadcastJoinThreshold (10 MB), or marked with
 * broadcast(df), is broadcast (BroadcastHashJoin, no shuffle of the other side); else both sides
 * are shuffled and sorted on the keys (SortMergeJoin).
 */
function join(l: DfState, r: DfState, on: unknown, howArg: string): DataFrame {
  const how = normalizeHow(howArg);
  let lkeys: ((row: unknown[]) => unknown)[];
  let rkeys: ((row: unknown[]) => unknown)[];
  let keyText: [string, string];
  let schema: Field[];
  let combine: (a: unknown[] | null, b: unknown[] | null) => unknown[];
  const lw = l.schema.length;
  const rw = r.schema.length;
  if (on === undefined || on === null)
    throw new TypeError('join(other, on): name the join columns or give a join condition');
  if (typeof on === 'string' || (Array.isArray(on) && on.every((x) => typeof x === 'string'))) {
    const names = typeof on === 'string' ? [on] : (on as string[]);
    const li = names.map((n) => resolveField(l.schema, n, null));
    const ri = names.map((n) => resolveField(r.schema, n, null));
    lkeys = li.map((i) => (row) => row[i]);
    rkeys = ri.map((i) => (row) => row[i]);
    keyText = [
      li.map((i) => `${l.schema[i]!.name}#${l.schema[i]!.id}`).join(', '),
      ri.map((i) => `${r.schema[i]!.name}#${r.schema[i]!.id}`).join(', '),
    ];
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
    const pairs = equalities(on.expr);
    const li: number[] = [];
    const ri: number[] = [];
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
          `join: the condition ${exprName(on.expr)} must compare a column of each side (left: ${l.schema.map((f) => f.name).join(', ')}; right: ${r.schema.map((f) => f.name).join(', ')})`,
        );
      li.push(i);
      ri.push(j);
    }
    lkeys = li.map((i) => (row) => row[i]);
    rkeys = ri.map((i) => (row) => row[i]);
    keyText = [
      li.map((i) => `${l.schema[i]!.name}#${l.schema[i]!.id}`).join(', '),
      ri.map((i) => `${r.schema[i]!.name}#${r.schema[i]!.id}`).join(', '),
    ];
    schema = [...l.schema, ...r.schema];
    combine = (a, b) => [...(a ?? new Array<unknown>(lw).fill(null)), ...(b ?? new Array<unknown>(rw).fill(null))];
  } else throw new TypeError('join(other, on): on must be a column name, an array of names or a Column condition');
  const lk = groupKey(lkeys);
  const rk = groupKey(rkeys);
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
    const sorted = exchangeThen(d.rdd, n, `Exchange hashpartitioning(${short(text)}, ${n})`, key, 'Sort', (rows) =>
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

export { sizeOf };
