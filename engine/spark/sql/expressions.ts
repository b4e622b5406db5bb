/**
 * Column expressions resolved against a schema (Spark's analyzer): a function of a row array, its
 * type and Spark's text with expression ids; SQL's null semantics and Spark's value order.
 */
import { exprName, type BinOp, type DataType, type Expr, type Field } from './column';
import { castValue } from './casts';
import { getJsonObject, parseJsonPath } from './jsonPath';
import { javaDoubleString } from './sqlValues';

export interface Compiled {
  eval: (row: unknown[]) => unknown;
  type: DataType;
  /** Spark's text of the expression with expression ids (`(t#2 > 20)`), for explain(). */
  text: string;
}

/** Finds a column by name (case-insensitive, as spark.sql.caseSensitive=false), or throws Spark's error. */
export function resolveField(schema: Field[], name: string, origin: number | null): number {
  const lower = name.toLowerCase();
  let hits = schema.map((f, i) => [f, i] as const).filter(([f]) => f.name.toLowerCase() === lower);
  if (origin !== null && hits.length > 1) hits = hits.filter(([f]) => f.origin === origin);
  if (hits.length === 1) return hits[0]![1];
  if (hits.length > 1)
    throw new Error(
      `[AMBIGUOUS_REFERENCE] Reference \`${name}\` is ambiguous, could be: [${hits.map(([f]) => `\`${f.name}\``).join(', ')}]. Name the DataFrame it comes from: df.col('${name}')`,
    );
  throw new Error(
    `[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name \`${name}\` cannot be resolved. Did you mean one of the following? [${schema.map((f) => `\`${f.name}\``).join(', ')}]`,
  );
}

const NUMERIC = new Set<DataType>(['integer', 'long', 'double']);

/** Resolves an expression against a schema: a function of a row, its type and its text. */
export function compile(e: Expr, schema: Field[]): Compiled {
  switch (e.k) {
    case 'col': {
      const i = resolveField(schema, e.name, e.origin);
      const f = schema[i]!;
      return { eval: (row) => row[i], type: f.type, text: `${f.name}#${f.id}` };
    }
    case 'lit': {
      const v = e.v;
      const type: DataType =
        v === null
          ? 'null'
          : typeof v === 'number'
            ? Number.isInteger(v)
              ? 'integer'
              : 'double'
            : typeof v === 'boolean'
              ? 'boolean'
              : 'string';
      if (typeof v !== 'number' && typeof v !== 'string' && typeof v !== 'boolean' && v !== null)
        throw new TypeError(`lit(): a literal must be a number, a string, a boolean or null, got a ${typeof v}`);
      return { eval: () => v, type, text: exprName(e) };
    }
    case 'alias': {
      const c = compile(e.e, schema);
      return { ...c, text: `${c.text} AS ${e.name}` };
    }
    case 'not': {
      const c = compile(e.e, schema);
      return { eval: (r) => nullOr(c.eval(r), (x) => !x), type: 'boolean', text: `NOT ${c.text}` };
    }
    case 'isnull': {
      const c = compile(e.e, schema);
      return {
        eval: (r) => (c.eval(r) === null) !== e.neg,
        type: 'boolean',
        text: `${e.neg ? 'isnotnull' : 'isnull'}(${c.text})`,
      };
    }
    case 'bin':
      return compileBin(e.op, compile(e.l, schema), compile(e.r, schema));
    case 'fn':
      return compileFn(
        e.fn,
        e.args.map((a) => compile(a, schema)),
      );
    case 'sort':
      return compile(e.e, schema);
    case 'agg':
      throw new Error(
        `${exprName(e)} is an aggregate function: use it in groupBy(...).agg(...) or df.agg(...), not in select/filter/withColumn`,
      );
    case 'broadcastHint':
      throw new Error('broadcast() marks a DataFrame for a join: use it as df1.join(broadcast(df2), ...)');
    case 'cast': {
      const c = compile(e.e, schema);
      if (c.type === 'binary' && e.to !== 'string' && e.to !== 'binary')
        throw new Error(
          `[DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] cannot resolve "${exprName(e)}": a binary casts only to a string (cast it to a string first)`,
        );
      const from = c.type;
      return { eval: (r) => castValue(c.eval(r), from, e.to), type: e.to, text: `cast(${c.text} as ${e.to})` };
    }
    case 'window':
      throw new Error(
        'window() groups rows by event time: use it in a streaming groupBy, e.g. groupBy(window(col("ts"), "1 minute")), not in select/filter/withColumn',
      );
  }
}

function nullOr(x: unknown, f: (x: unknown) => unknown): unknown {
  return x === null || x === undefined ? null : f(x);
}

function compileBin(op: BinOp, l: Compiled, r: Compiled): Compiled {
  const text = `(${l.text} ${op} ${r.text})`;
  if (op === 'AND' || op === 'OR') {
    const and = op === 'AND';
    return {
      text,
      type: 'boolean',
      eval: (row) => {
        const a = l.eval(row);
        if (a === !and) return !and; // false AND x, true OR x
        const b = r.eval(row);
        if (b === !and) return !and;
        if (a === null || b === null) return null;
        return and;
      },
    };
  }
  if (op === '<=>') return { text, type: 'boolean', eval: (row) => compareValues(l.eval(row), r.eval(row)) === 0 };
  if (['=', '!=', '<', '<=', '>', '>='].includes(op)) {
    const test = {
      '=': (c: number) => c === 0,
      '!=': (c: number) => c !== 0,
      '<': (c: number) => c < 0,
      '<=': (c: number) => c <= 0,
      '>': (c: number) => c > 0,
      '>=': (c: number) => c >= 0,
    }[op as '=']!;
    return {
      text,
      type: 'boolean',
      eval: (row) => {
        const a = l.eval(row);
        const b = r.eval(row);
        return a === null || b === null ? null : test(compareValues(a, b));
      },
    };
  }
  for (const side of [l, r])
    if (!NUMERIC.has(side.type) && side.type !== 'null')
      throw new Error(
        `[DATATYPE_MISMATCH] cannot resolve "${text}": the operator ${op} needs numbers, but ${side.text} is a ${side.type}`,
      );
  const type: DataType =
    op === '/' || l.type === 'double' || r.type === 'double'
      ? 'double'
      : l.type === 'long' || r.type === 'long'
        ? 'long'
        : 'integer';
  const f = {
    '+': (a: number, b: number) => a + b,
    '-': (a: number, b: number) => a - b,
    '*': (a: number, b: number) => a * b,
    '/': (a: number, b: number) => (b === 0 ? null : a / b),
    '%': (a: number, b: number) => (b === 0 ? null : a % b),
  }[op as '+']!;
  const integral = type !== 'double';
  return {
    text,
    type,
    eval: (row) => {
      const a = l.eval(row);
      const b = r.eval(row);
      if (a === null || b === null) return null;
      const v = f(a as number, b as number);
      return integral && typeof v === 'number' ? Math.trunc(v) : v;
    },
  };
}

function compileFn(fn: string, args: Compiled[]): Compiled {
  const text = `${fn}(${args.map((a) => a.text).join(', ')})`;
  const [a, b] = args;
  switch (fn) {
    case 'upper':
    case 'lower':
      return {
        text,
        type: 'string',
        eval: (r) => nullOr(a!.eval(r), (x) => (fn === 'upper' ? String(x).toUpperCase() : String(x).toLowerCase())),
      };
    case 'length':
      return { text, type: 'integer', eval: (r) => nullOr(a!.eval(r), (x) => String(x).length) };
    case 'round': {
      const scale = b ? (b.eval([]) as number) : 0;
      return {
        text,
        type: a!.type === 'double' ? 'double' : a!.type,
        // Spark rounds HALF_UP (away from zero at .5).
        eval: (r) =>
          nullOr(a!.eval(r), (x) => {
            const m = 10 ** scale;
            const v = (x as number) * m;
            return (Math.sign(v) * Math.round(Math.abs(v) + 1e-9)) / m;
          }),
      };
    }
    case 'substring': {
      // Spark's substring(str, pos, len): pos counts from 1 (0 acts as 1), a negative pos from the end.
      const pos = b!.eval([]) as number;
      const len = args[2]!.eval([]) as number;
      return {
        text,
        type: 'string',
        eval: (r) =>
          nullOr(a!.eval(r), (x) => {
            const str = String(x);
            const start = pos > 0 ? pos - 1 : pos < 0 ? Math.max(0, str.length + pos) : 0;
            return str.slice(start, start + Math.max(0, len));
          }),
      };
    }
    case 'concat':
      return {
        text,
        type: 'string',
        eval: (r) => {
          const vs = args.map((x) => x.eval(r));
          return vs.some((v) => v === null) ? null : vs.map((v) => valueText(v)).join('');
        },
      };
    case 'get_json_object': {
      const steps = parseJsonPath(String(b!.eval([])));
      return {
        text,
        type: 'string',
        eval: (r) => nullOr(a!.eval(r), (x) => (steps ? getJsonObject(String(x), steps) : null)),
      };
    }
    default: // coalesce
      return {
        text,
        type: args.find((x) => x.type !== 'null')?.type ?? 'null',
        eval: (r) => {
          for (const x of args) {
            const v = x.eval(r);
            if (v !== null) return v;
          }
          return null;
        },
      };
  }
}

/** Orders two non-null values as Spark does: numbers by value, strings by code unit, false < true. */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function valueText(v: unknown): string {
  return typeof v === 'number' && !Number.isInteger(v) ? javaDoubleString(v) : String(v);
}
