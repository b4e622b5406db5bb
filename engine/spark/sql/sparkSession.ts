/**
 * Spark 3's SparkSession, the second argument of a Spark job (`export default async (sc, spark) =>`;
 * `spark.sparkContext` is `sc`): spark.read (csv, text, json), createDataFrame, table (temporary
 * views), conf (Spark's RuntimeConfig: runtimeConfig.ts) and functions.
 */
import { sizeOf, type Rdd } from '../rdd';
import type { SparkRuntime } from '../sparkRuntime';
import type { DataType, Field } from './column';
import { inferField, mergeTypes, parseField, splitCsvLine } from './csvReader';
import { DataFrame, newDataFrame, type SessionState } from './dataFrame';
import { GroupedData } from './groupedData';
import { Column } from './column';
import { functions } from './functions';
import { narrowOp } from './physicalOps';
import { planNode } from './plan';
import { shareAcrossTasks } from '../taskClosures';
import { currentTask } from '../taskContext';
import type { SqlEngine } from '../../sandbox/contract/sqlEngine';
import { sqlDataFrame } from './sqlQuery';
import { createRuntimeConfig } from './runtimeConfig';
import { readerPaths, scanLocation } from './readerPaths';

type Options = Record<string, unknown>;

const truthy = (v: unknown) => v === true || String(v).toLowerCase() === 'true';

export function createSparkSession(
  rt: SparkRuntime,
  sc: unknown,
  print: (text: string) => void,
  sqlEngine: (() => Promise<SqlEngine>) | null = null,
): object {
  let exprId = 0;
  let dfId = 0;
  const s: SessionState = {
    rt,
    print,
    conf: new Map(),
    views: new Map(),
    nextExprId: () => exprId++,
    nextDfId: () => dfId++,
    sqlEngine,
  };
  const fields = (names: string[], types: DataType[], origin: number): Field[] =>
    names.map((name, i) => ({ name, type: types[i] ?? 'string', id: s.nextExprId(), origin }));

  const scanPlan = (format: string, paths: readonly string[], schema: Field[]) =>
    planNode(
      `FileScan ${format} [${schema.map((f) => `${f.name}#${f.id}`).join(',')}] Batched: false, DataFilters: [], Format: ${format.toUpperCase()}, Location: ${scanLocation(paths)}, PartitionFilters: [], PushedFilters: [], ReadSchema: struct<${schema.map((f) => `${f.name}:${f.type === 'integer' ? 'int' : f.type === 'long' ? 'bigint' : f.type}`).join(',')}>`,
      [],
      false,
    );
  const bytesOf = (rdd: { source: { ranges: [number, number][] } | null }) =>
    (rdd.source?.ranges ?? []).reduce((a, [x, y]) => a + (y - x), 0);

  // The paths are resolved at the call, as Spark's reader does: a path that does not exist throws
  // there (`call`, the reader's method as the learner called it, names it), not in the promise.
  // Each path is taken whole (readerPaths.ts): a comma is part of a path here, as in Spark.
  function csv(path: unknown, options: Options, call = 'spark.read.csv'): Promise<DataFrame> {
    const paths = readerPaths(path, call);
    return csvOf(rt.textFile(paths, 2, call), paths, options);
  }

  async function csvOf(text: Rdd, paths: readonly string[], options: Options): Promise<DataFrame> {
    const sep =
      typeof options.sep === 'string' ? options.sep : typeof options.delimiter === 'string' ? options.delimiter : ',';
    const header = truthy(options.header);
    const infer = truthy(options.inferSchema);
    // Spark reads the first line in a job of its own (for the header, or the column count).
    const first = (await rt.runJob(text, 'csv', (rows) => rows.find((l) => l !== '') ?? null)).find((x) => x !== null);
    const firstLine = (first as string | undefined) ?? '';
    const headerCells = splitCsvLine(firstLine, sep);
    const names = header ? headerCells.map((c, i) => c || `_c${i}`) : headerCells.map((_, i) => `_c${i}`);
    const dataLines = (rows: unknown[]) => (rows as string[]).filter((l) => l !== '' && !(header && l === firstLine));
    let types: DataType[] = names.map(() => 'string');
    if (infer) {
      const parts = await rt.runJob(text, 'csv', (rows) => {
        const t: DataType[] = names.map(() => 'null');
        for (const l of dataLines(rows)) {
          const cells = splitCsvLine(l, sep);
          for (let i = 0; i < t.length; i++) t[i] = mergeTypes(t[i]!, inferField(cells[i] ?? null));
        }
        return t;
      });
      types = names.map((_, i) => parts.reduce<DataType>((a, t) => mergeTypes(a, t[i]!), 'null'));
      types = types.map((t) => (t === 'null' ? 'string' : t));
    }
    const id = dfId;
    const schema = fields(names, types, id);
    const rdd = narrowOp(text, 'Scan csv', (rows) =>
      dataLines(rows).map((l) => {
        const cells = splitCsvLine(l, sep);
        return types.map((t, i) => parseField(cells[i], t));
      }),
    );
    return newDataFrame({ s, rdd, schema, plan: scanPlan('csv', paths, schema), size: bytesOf(text) });
  }

  function textDf(path: unknown, call = 'spark.read.text'): DataFrame {
    const paths = readerPaths(path, call);
    const text = rt.textFile(paths, 2, call);
    const schema = fields(['value'], ['string'], dfId);
    const rdd = narrowOp(text, 'Scan text', (rows) => rows.map((l) => [l]));
    return newDataFrame({ s, rdd, schema, plan: scanPlan('text', paths, schema), size: bytesOf(text) });
  }

  function json(path: unknown, call = 'spark.read.json'): Promise<DataFrame> {
    const paths = readerPaths(path, call);
    return jsonOf(rt.textFile(paths, 2, call), paths);
  }

  async function jsonOf(text: Rdd, paths: readonly string[]): Promise<DataFrame> {
    // Spark infers a JSON schema in a job: every field seen, sorted by name.
    const parts = await rt.runJob(text, 'json', (rows) => {
      const m: Record<string, DataType> = {};
      for (const l of rows as string[]) {
        if (l.trim() === '') continue;
        const o = parseJsonLine(l, paths);
        for (const [k, v] of Object.entries(o)) m[k] = mergeTypes(m[k] ?? 'null', jsonType(v));
      }
      return m;
    });
    const merged: Record<string, DataType> = {};
    for (const p of parts) for (const [k, t] of Object.entries(p)) merged[k] = mergeTypes(merged[k] ?? 'null', t);
    const names = Object.keys(merged).sort();
    const types = names.map((n) => (merged[n] === 'null' ? 'string' : merged[n]!));
    const schema = fields(names, types, dfId);
    const rdd = narrowOp(text, 'Scan json', (rows) =>
      (rows as string[])
        .filter((l) => l.trim() !== '')
        .map((l) => {
          const o = parseJsonLine(l, paths);
          return names.map((n, i) => {
            const v = o[n];
            return v === undefined || v === null
              ? null
              : types[i] === 'string' && typeof v !== 'string'
                ? JSON.stringify(v)
                : v;
          });
        }),
    );
    return newDataFrame({ s, rdd, schema, plan: scanPlan('json', paths, schema), size: bytesOf(text) });
  }

  const reader = (opts: Options): object => {
    const self: object = Object.freeze({
      option: (k: string, v: unknown) => reader({ ...opts, [k]: v }),
      options: (o: Options) => reader({ ...opts, ...o }),
      format: (f: string) => reader({ ...opts, format: f }),
      csv: (path: unknown, o: Options = {}) =>
        answeringMissingAwait(csv(path, { ...opts, ...o }), 'spark.read.csv', CSV_JOB),
      text: (path: unknown) => textDf(path),
      json: (path: unknown) => answeringMissingAwait(json(path), 'spark.read.json', JSON_JOB),
      load: (path: unknown) => {
        const f = String(opts.format ?? 'parquet').toLowerCase();
        const load = 'spark.read.load';
        if (f === 'csv') return answeringMissingAwait(csv(path, opts, load), load, CSV_JOB);
        if (f === 'json') return answeringMissingAwait(json(path, load), load, JSON_JOB);
        if (f === 'text')
          return answeringMissingAwait(Promise.resolve(textDf(path, load)), load, 'load gives one for every format');
        throw new Error(`spark.read.format('${f}'): this simulator reads csv, json and text`);
      },
    });
    return self;
  };

  function createDataFrame(data: unknown[], columns?: string[]): DataFrame {
    if (!Array.isArray(data))
      throw new TypeError('createDataFrame(data): data must be an array of rows (objects or arrays)');
    const objects = data.length > 0 && !Array.isArray(data[0]);
    const names =
      columns ??
      (objects
        ? [...new Set(data.flatMap((r) => Object.keys(r as object)))]
        : Array.from({ length: (data[0] as unknown[] | undefined)?.length ?? 0 }, (_, i) => `_${i + 1}`));
    const rows = data.map((r) => {
      if (objects) {
        if (typeof r !== 'object' || r === null || Array.isArray(r))
          throw new TypeError('createDataFrame(data): every row must be an object when the first one is');
        return names.map((n) => (r as Record<string, unknown>)[n] ?? null);
      }
      if (!Array.isArray(r))
        throw new TypeError('createDataFrame(data): every row must be an array when the first one is');
      return names.map((_, i) => (r[i] as unknown) ?? null);
    });
    const types = names.map((_, i) => rows.reduce<DataType>((a, r) => mergeTypes(a, valueType(r[i])), 'null'));
    const schema = fields(
      names,
      types.map((t) => (t === 'null' ? 'string' : t)),
      dfId,
    );
    const source = rt.parallelize(rows, 2);
    const rdd = narrowOp(source, 'LocalTableScan', (r) => r);
    const plan = planNode(`LocalTableScan [${schema.map((f) => `${f.name}#${f.id}`).join(', ')}]`, []);
    return newDataFrame({ s, rdd, schema, plan, size: sizeOf(rows) });
  }

  return shareAcrossTasks(
    Object.freeze({
      sparkContext: sc,
      read: reader({}),
      functions,
      createDataFrame,
      sql: (sqlText: unknown, ...rest: unknown[]) => sqlCall(s, sqlText, rest),
      table: (name: string) => {
        const df = s.views.get(String(name).toLowerCase());
        if (!df)
          throw new Error(
            `[TABLE_OR_VIEW_NOT_FOUND] The table or view \`${name}\` cannot be found; create it with df.createOrReplaceTempView('${name}')`,
          );
        return df;
      },
      conf: createRuntimeConfig(s.conf),
    }),
  );
}

/** Why spark.read.csv and json give a promise: as in Spark, they run a job before the DataFrame exists. */
const CSV_JOB = 'Spark reads its first line in a job first';
const JSON_JOB = 'Spark infers its schema in a job first';

/** The DataFrame's members a learner may reach for on a DataFrame's promise (spark.sql, spark.read.csv) when they forget `await`: its methods and its properties (df.columns). */
const DATAFRAME_MEMBERS = Object.getOwnPropertyNames(DataFrame.prototype)
  .filter((n) => n !== 'constructor')
  .map((name) => ({ name, property: Object.getOwnPropertyDescriptor(DataFrame.prototype, name)?.get !== undefined }));

/**
 * spark.sql(sqlText): refused inside a task (SPARK-5063) and with arguments this simulator does
 * not take (Spark 3.4's named parameters); otherwise DuckDB, opened on first use, plans it. The
 * promise it returns answers a DataFrame method called on it with the missing `await`.
 */
function sqlCall(s: SessionState, sqlText: unknown, rest: unknown[]): Promise<DataFrame> {
  if (currentTask() !== 0)
    throw new Error(
      'spark.sql was called inside a task: the SparkSession exists only on the driver (SPARK-5063); run queries in the driver program, not inside map or foreach',
    );
  if (rest.length > 0)
    throw new TypeError(
      `spark.sql(sqlText) takes one argument, the SQL text; got ${rest.length + 1} (named parameters, Spark 3.4's args, are not supported here: put the values in the text)`,
    );
  const open = s.sqlEngine;
  const promise = (async () => {
    if (!open)
      throw new Error(
        'spark.sql needs DuckDB, which this runner does not provide (run the job with clusterlab or in the app)',
      );
    return sqlDataFrame(s, await open(), sqlText);
  })();
  return answeringMissingAwait(promise, 'spark.sql', 'DuckDB plans the query first');
}

/**
 * `promise` (a DataFrame to come) answering a DataFrame method called on it, the learner's
 * missing `await`, with what to write instead of "df.groupBy is not a function"; `why` says why
 * `call` gives a promise where Spark gives the DataFrame.
 */
function answeringMissingAwait(promise: Promise<DataFrame>, call: string, why: string): Promise<DataFrame> {
  for (const { name, property } of DATAFRAME_MEMBERS)
    void Object.defineProperty(promise, name, {
      get() {
        // The missing await is the error the learner sees: what the promise itself may fail with
        // comes once it is awaited, not as a stray rejection first.
        promise.catch(() => {});
        throw new TypeError(
          property
            ? `${call}(...) gives a promise here (${why}): await it, then read ${name}: const df = await ${call}(...); df.${name}`
            : `${call}(...) gives a promise here (${why}): await it, then call ${name}: const df = await ${call}(...); df.${name}(...)`,
        );
      },
    });
  return promise;
}

function valueType(v: unknown): DataType {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? 'long' : 'double';
  if (typeof v === 'boolean') return 'boolean';
  return 'string';
}

function jsonType(v: unknown): DataType {
  return typeof v === 'object' && v !== null ? 'string' : valueType(v);
}

/** A JSON Lines line as an object; `paths`, the reader's (named as the learner gave them: one as a string). */
function parseJsonLine(line: string, paths: readonly string[]): Record<string, unknown> {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    o = undefined;
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o))
    throw new Error(
      `spark.read.json(${JSON.stringify(paths.length === 1 ? paths[0] : paths)}): a line is not a JSON object (JSON Lines: one object a line): ${line.slice(0, 60)}`,
    );
  return o as Record<string, unknown>;
}

/** A DataFrame, Column or GroupedData in the driver's result: what it is and what was meant (else null). */
export function describeSqlObject(value: object): string | null {
  if (value instanceof DataFrame) return 'a DataFrame — did you mean `await df.collect()`?';
  if (value instanceof GroupedData)
    return 'a GroupedData — aggregate it first, e.g. `await df.groupBy(...).count().collect()`';
  if (value instanceof Column) return 'a Column, an expression to use in select/filter/agg, not data';
  return null;
}
