/**
 * groupBy(...).agg(...): Spark's HashAggregate (partial) → Exchange → HashAggregate (final), with
 * Spark's column names (`sum(t)`, `count(1)`) and result types; and GroupedData, what groupBy returns.
 */
import { Column, exprName, exprOf, type AggFn, type DataType, type Expr, type Field } from './column';
import { compile, resolveField } from './expressions';
import {
  colArgs,
  dataFrameState as st,
  derive,
  short,
  shufflePartitions,
  type DataFrame,
  type DfState,
} from './dataFrame';
import { hashAggregate, type AggSpec } from './physicalOps';
import { planNode, type Plan } from './plan';
import { shareAcrossTasks } from '../taskClosures';

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
    const problem = numericAggProblem(inner.fn, input);
    if (problem !== null) throw new TypeError(problem);
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
  const naming = aggregateNaming(
    keyC.map((k) => k.text),
    texts,
    n,
  );
  const rdd = hashAggregate(
    d.rdd,
    keyC.map((k) => k.eval),
    specs,
    n,
    naming.rdds,
    keyC.map((k) => k.type),
  );
  return derive(d, rdd, schema, naming.plan(d.plan));
}

/**
 * Spark's names for HashAggregate (partial) → Exchange → HashAggregate (final): the RDDs' (the
 * DAG's) and the physical plan's, `HashAggregate(keys=[day], functions=[partial_sum(t)])` under
 * `Exchange hashpartitioning(day, 200), ENSURE_REQUIREMENTS` under `HashAggregate(keys=[day],
 * functions=[sum(t)])`. With no keys the Exchange is SinglePartition.
 */
export function aggregateNaming(keyTexts: string[], functions: string[], n: number) {
  const keyText = keyTexts.join(', ');
  const partialFns = functions.map((t) => `partial_${t}`).join(', ');
  const exName = keyTexts.length === 0 ? 'Exchange SinglePartition' : `Exchange hashpartitioning(${keyText}, ${n})`;
  const exRddName = keyTexts.length === 0 ? exName : `Exchange hashpartitioning(${short(keyText)}, ${n})`;
  return {
    rdds: { partial: 'HashAggregate (partial)', exchange: exRddName, final: 'HashAggregate (final)' },
    plan: (child: Plan): Plan => {
      const partial = planNode(`HashAggregate(keys=[${keyText}], functions=[${partialFns}])`, [child]);
      const ex = planNode(`${exName}, ENSURE_REQUIREMENTS`, [partial], false);
      return planNode(`HashAggregate(keys=[${keyText}], functions=[${functions.join(', ')}])`, [ex]);
    },
  };
}

/** Spark's GroupedData: what groupBy returns, until agg or one of its shortcuts. */
export class GroupedData {
  readonly #df: DataFrame;
  readonly #keys: Expr[];
  constructor(df: DataFrame, keys: Expr[]) {
    this.#df = df;
    this.#keys = keys;
    shareAcrossTasks(this);
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
        return exprOf(e);
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

/** Why sum or avg cannot take a column (Spark's DATATYPE_MISMATCH: it needs numbers), or null. */
export function numericAggProblem(fn: AggFn, input: { type: DataType; text: string } | null): string | null {
  if ((fn !== 'sum' && fn !== 'avg') || input === null || ['integer', 'long', 'double', 'null'].includes(input.type))
    return null;
  return `[DATATYPE_MISMATCH] ${fn}(${input.text}) needs a numeric column, but it is a ${input.type} (read the CSV with inferSchema: true, or cast it: col('x').cast('double'))`;
}
