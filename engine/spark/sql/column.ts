/**
 * Spark SQL's Column: an expression tree built by the job (`col('t').gt(20)`, `sum('t')`) and
 * resolved against a DataFrame's schema when a transformation uses it (Spark's analyzer runs
 * eagerly too: a missing column fails at the learner's line). Rows inside the engine are arrays
 * in schema order; nulls follow SQL's three-valued logic.
 */
import { castTypeOf } from './casts';
import { javaDoubleString } from './sqlValues';
import { shareAcrossTasks } from '../taskClosures';

export type DataType = 'integer' | 'long' | 'double' | 'string' | 'boolean' | 'timestamp' | 'binary' | 'null';

/** One column of a schema: its name, type and Spark's expression id (`day#1`). */
export interface Field {
  name: string;
  type: DataType;
  id: number;
  /** The DataFrame the column came from (for `df.col('id')` after a join). */
  origin: number;
}

export type AggFn = 'count' | 'sum' | 'avg' | 'min' | 'max';
export type BinOp = '+' | '-' | '*' | '/' | '%' | '=' | '!=' | '<' | '<=' | '>' | '>=' | 'AND' | 'OR' | '<=>';

export type Expr =
  | { k: 'col'; name: string; origin: number | null }
  | { k: 'lit'; v: unknown }
  | { k: 'bin'; op: BinOp; l: Expr; r: Expr }
  | { k: 'not'; e: Expr }
  | { k: 'isnull'; e: Expr; neg: boolean }
  | { k: 'alias'; e: Expr; name: string }
  | { k: 'agg'; fn: AggFn; e: Expr | null }
  | {
      k: 'fn';
      fn: 'upper' | 'lower' | 'length' | 'round' | 'concat' | 'coalesce' | 'substring' | 'get_json_object';
      args: Expr[];
    }
  | { k: 'cast'; e: Expr; to: DataType }
  /** functions.window(timeColumn, windowDuration, slideDuration): the event-time windows a row falls in. */
  | { k: 'window'; e: Expr; sizeMs: number; slideMs: number; text: string }
  | { k: 'sort'; e: Expr; asc: boolean; nullsFirst: boolean }
  | { k: 'broadcastHint' };

/** Each Column's expression, out of the job's reach (a job sees only Spark's Column methods). */
const exprs = new WeakMap<Column, Expr>();

/** The expression behind a Column (for the DataFrame's planning, never for jobs). */
export function exprOf(column: Column): Expr {
  return exprs.get(column)!;
}

export class Column {
  constructor(expr: Expr) {
    exprs.set(this, expr);
    shareAcrossTasks(this);
    Object.freeze(this);
  }
  toString(): string {
    return `Column<'${exprName(exprOf(this))}'>`;
  }
  alias(name: string): Column {
    return new Column({ k: 'alias', e: exprOf(this), name: String(name) });
  }
  as(name: string): Column {
    return this.alias(name);
  }
  name(name: string): Column {
    return this.alias(name);
  }
  plus(o: unknown): Column {
    return bin('+', this, o);
  }
  minus(o: unknown): Column {
    return bin('-', this, o);
  }
  multiply(o: unknown): Column {
    return bin('*', this, o);
  }
  divide(o: unknown): Column {
    return bin('/', this, o);
  }
  mod(o: unknown): Column {
    return bin('%', this, o);
  }
  equalTo(o: unknown): Column {
    return bin('=', this, o);
  }
  eq(o: unknown): Column {
    return bin('=', this, o);
  }
  notEqual(o: unknown): Column {
    return bin('!=', this, o);
  }
  eqNullSafe(o: unknown): Column {
    return bin('<=>', this, o);
  }
  gt(o: unknown): Column {
    return bin('>', this, o);
  }
  geq(o: unknown): Column {
    return bin('>=', this, o);
  }
  lt(o: unknown): Column {
    return bin('<', this, o);
  }
  leq(o: unknown): Column {
    return bin('<=', this, o);
  }
  and(o: unknown): Column {
    return bin('AND', this, o);
  }
  or(o: unknown): Column {
    return bin('OR', this, o);
  }
  /** Column.cast(to): Spark's CAST; a value that does not convert is null (ANSI mode off, Spark 3's default). */
  cast(to: string): Column {
    return new Column({ k: 'cast', e: exprOf(this), to: castTypeOf(to) });
  }
  astype(to: string): Column {
    return this.cast(to);
  }
  not(): Column {
    return new Column({ k: 'not', e: exprOf(this) });
  }
  isNull(): Column {
    return new Column({ k: 'isnull', e: exprOf(this), neg: false });
  }
  isNotNull(): Column {
    return new Column({ k: 'isnull', e: exprOf(this), neg: true });
  }
  asc(): Column {
    return new Column({ k: 'sort', e: exprOf(this), asc: true, nullsFirst: true });
  }
  asc_nulls_last(): Column {
    return new Column({ k: 'sort', e: exprOf(this), asc: true, nullsFirst: false });
  }
  desc(): Column {
    return new Column({ k: 'sort', e: exprOf(this), asc: false, nullsFirst: false });
  }
  desc_nulls_first(): Column {
    return new Column({ k: 'sort', e: exprOf(this), asc: false, nullsFirst: true });
  }
}
Object.freeze(Column.prototype);

/** A column name or a Column, as Spark's API takes them; anything else is a literal. */
export function toExpr(v: unknown, literal = false): Expr {
  if (v instanceof Column) return exprOf(v);
  if (!literal && typeof v === 'string') return { k: 'col', name: v, origin: null };
  if (v === undefined) throw new TypeError('a column or a value is missing (got undefined)');
  if (typeof v === 'function')
    throw new TypeError(
      "DataFrame methods take Columns, not JavaScript functions: write the condition or value with columns, e.g. col('t').gt(20) or col('t').multiply(2)",
    );
  if (v !== null && typeof v === 'object')
    throw new TypeError(
      `expected a Column, a column name or a literal value, got ${Array.isArray(v) ? 'an array' : 'an object'}`,
    );
  return { k: 'lit', v };
}

function bin(op: BinOp, l: Column, r: unknown): Column {
  return new Column({ k: 'bin', op, l: exprOf(l), r: toExpr(r, true) });
}

/** The name Spark gives an expression's column when it has no alias: `sum(t)`, `(t + 1)`, `count(1)`. */
export function exprName(e: Expr): string {
  switch (e.k) {
    case 'col':
      return e.name;
    case 'lit':
      return e.v === null ? 'NULL' : typeof e.v === 'number' ? javaDoubleLiteral(e.v) : String(e.v);
    case 'bin':
      return `(${exprName(e.l)} ${e.op} ${exprName(e.r)})`;
    case 'not':
      return `(NOT ${exprName(e.e)})`;
    case 'isnull':
      return `(${exprName(e.e)} IS ${e.neg ? 'NOT ' : ''}NULL)`;
    case 'alias':
      return e.name;
    case 'agg':
      return `${e.fn}(${e.e ? exprName(e.e) : '1'})`;
    case 'fn':
      return `${e.fn}(${e.args.map(exprName).join(', ')})`;
    case 'sort':
      return `${exprName(e.e)} ${e.asc ? 'ASC' : 'DESC'} NULLS ${e.nullsFirst ? 'FIRST' : 'LAST'}`;
    case 'broadcastHint':
      return 'broadcast';
    case 'cast':
      return `CAST(${exprName(e.e)} AS ${DDL_NAMES[e.to]})`;
    case 'window':
      return 'window';
  }
}

function javaDoubleLiteral(v: number): string {
  return Number.isInteger(v) ? String(v) : javaDoubleString(v);
}

/** A type's name in Spark's DDL, as CAST prints it. */
export const DDL_NAMES: Record<DataType, string> = {
  integer: 'INT',
  long: 'BIGINT',
  double: 'DOUBLE',
  string: 'STRING',
  boolean: 'BOOLEAN',
  timestamp: 'TIMESTAMP',
  binary: 'BINARY',
  null: 'VOID',
};
