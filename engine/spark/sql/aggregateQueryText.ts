/**
 * The one place spark.sql looks at the learner's SQL text, and only to cut it, never to evaluate
 * it: a query of the form
 *
 *   SELECT items FROM view [alias] [WHERE ...] [GROUP BY ...] [HAVING ...] [ORDER BY ...] [LIMIT ... [OFFSET ...]]
 *
 * whose aggregate calls are `count(*)`, `count()`, `count(e)`, `sum(e)`, `min(e)`, `max(e)` or
 * `avg(e)` with one argument, is cut into its clauses and its aggregate calls (their spans in the
 * text), so that sqlPartialAggregate.ts can ask DuckDB for Spark's partial and final aggregates.
 * Anything else gives null (the query then runs as before): a second SELECT (subqueries, CTEs,
 * set operations), DISTINCT, FILTER, OVER, WITHIN, QUALIFY, WINDOW, GROUPING SETS / ROLLUP / CUBE,
 * joins, `$` (parameters, dollar quoting), unbalanced brackets, an aggregate in WHERE, GROUP BY,
 * FROM or LIMIT, an aggregate call nested in another. The tokens are only words, quoted names,
 * strings, numbers, brackets and other characters; comments are skipped. DuckDB then binds the
 * rewritten queries and checks them against its own plan (sqlPartialAggregate.ts).
 */

interface Token {
  text: string;
  start: number;
  end: number;
  kind: 'word' | 'quoted' | 'string' | 'number' | 'other';
  /** How many brackets ( [ { enclose it (a bracket itself counts as outside). */
  depth: number;
}

export type AggregateFn = 'count' | 'sum' | 'min' | 'max' | 'avg';

export interface AggregateCall {
  fn: AggregateFn;
  /** The argument's text as written; null for count(*) and count(). */
  arg: string | null;
  /** The call's span in the text (from the name to its closing parenthesis). */
  start: number;
  end: number;
}

/** A clause's text span (after its keyword). */
export type Span = [number, number];

export interface AggregateQueryText {
  select: Span;
  from: Span;
  where: Span | null;
  groupBy: Span | null;
  having: Span | null;
  orderBy: Span | null;
  /** LIMIT ... [OFFSET ...], keywords included. */
  limit: Span | null;
  calls: AggregateCall[];
}

const AGGREGATES = new Set<string>(['count', 'sum', 'min', 'max', 'avg', 'mean']);
/**
 * Names DuckDB plans as one of the mergeable aggregates that the cut does not read as calls: a query
 * naming one is refused (else its partial column would be missing and the merge would count rows).
 */
const UNREAD_ALIASES = new Set<string>(['count_star', 'sum_no_overflow']);
/** Words that make a query anything but the plain form above, at any depth. */
const REFUSED = new Set([
  'distinct',
  'filter',
  'over',
  'within',
  'qualify',
  'window',
  'grouping',
  'rollup',
  'cube',
  'join',
  'union',
  'except',
  'intersect',
  'with',
  'using',
  'sample',
  'tablesample',
  'pivot',
  'unpivot',
  'lateral',
  'fetch',
  'returning',
  'natural',
  'positional',
  'asof',
]);

export function sqlTokens(sql: string): Token[] | null {
  const out: Token[] = [];
  let depth = 0;
  let i = 0;
  const word = /[\p{L}_][\p{L}\p{N}_]*/uy;
  const number = /[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?/y;
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (sql.startsWith('--', i)) {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl + 1;
      continue;
    }
    if (sql.startsWith('/*', i)) {
      const close = sql.indexOf('*/', i + 2);
      if (close < 0) return null;
      i = close + 2;
      continue;
    }
    if (c === '$') return null;
    if (c === "'" || c === '"') {
      let j = i + 1;
      for (;;) {
        const q = sql.indexOf(c, j);
        if (q < 0) return null;
        if (sql[q + 1] === c) j = q + 2;
        else {
          j = q + 1;
          break;
        }
      }
      out.push({ text: sql.slice(i, j), start: i, end: j, kind: c === "'" ? 'string' : 'quoted', depth });
      i = j;
      continue;
    }
    word.lastIndex = i;
    number.lastIndex = i;
    const w = word.exec(sql) ?? null;
    const n = w ? null : number.exec(sql);
    const m = w ?? n;
    if (m) {
      out.push({ text: m[0], start: i, end: i + m[0].length, kind: w ? 'word' : 'number', depth });
      i += m[0].length;
      continue;
    }
    if ('([{'.includes(c)) {
      out.push({ text: c, start: i, end: i + 1, kind: 'other', depth });
      depth++;
    } else if (')]}'.includes(c)) {
      if (depth === 0) return null;
      depth--;
      out.push({ text: c, start: i, end: i + 1, kind: 'other', depth });
    } else out.push({ text: c, start: i, end: i + 1, kind: 'other', depth });
    i++;
  }
  return depth === 0 ? out : null;
}

const isWord = (t: Token | undefined, w: string) => t?.kind === 'word' && t.text.toLowerCase() === w;

/** The aggregate calls of tokens[from, to), or null when one is not of the accepted form. */
function callsIn(tokens: Token[], from: number, to: number, sql: string): AggregateCall[] | null {
  const calls: AggregateCall[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    // A function named in quotes ("count"(*)) or by an alias the cut does not read: not the plain form.
    if (tokens[i + 1]?.text === '(' && (t.kind === 'quoted' || UNREAD_ALIASES.has(t.text.toLowerCase()))) return null;
    if (t.kind !== 'word' || !AGGREGATES.has(t.text.toLowerCase()) || tokens[i + 1]?.text !== '(') continue;
    if (tokens[i - 1]?.text === '.') return null;
    const close = tokens.findIndex((u, j) => j > i + 1 && u.text === ')' && u.depth === t.depth);
    if (close < 0 || close >= to) return null;
    const args = tokens.slice(i + 2, close);
    if (args.some((a) => a.depth === t.depth + 1 && a.text === ',')) return null;
    if (args.some((a, j) => a.kind === 'word' && AGGREGATES.has(a.text.toLowerCase()) && args[j + 1]?.text === '('))
      return null;
    // mean is avg's other name, in Spark SQL and in DuckDB alike.
    const name = t.text.toLowerCase();
    const fn = (name === 'mean' ? 'avg' : name) as AggregateFn;
    const star = args.length === 0 || (args.length === 1 && args[0]!.text === '*');
    if (star && fn !== 'count') return null;
    calls.push({
      fn,
      arg: star ? null : sql.slice(args[0]!.start, args.at(-1)!.end),
      start: t.start,
      end: tokens[close]!.end,
    });
    i = close;
  }
  return calls;
}

/** The learner's query cut into clauses and aggregate calls, or null when it is not of the plain form. */
export function aggregateQueryText(sql: string): AggregateQueryText | null {
  const tokens = sqlTokens(sql);
  if (!tokens) return null;
  while (tokens.length > 0 && tokens.at(-1)!.text === ';') tokens.pop();
  if (tokens.some((t) => t.text === ';')) return null;
  if (!isWord(tokens[0], 'select')) return null;
  if (tokens.some((t, i) => i > 0 && isWord(t, 'select'))) return null;
  if (tokens.some((t) => t.kind === 'word' && REFUSED.has(t.text.toLowerCase()))) return null;
  // The clauses' keywords outside brackets, in the order SQL puts them.
  const order = ['select', 'from', 'where', 'group', 'having', 'order', 'limit', 'offset'];
  const starts: { clause: string; at: number; body: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.depth !== 0 || t.kind !== 'word') continue;
    const w = t.text.toLowerCase();
    if (!order.includes(w)) continue;
    const two = w === 'group' || w === 'order';
    if (two && !isWord(tokens[i + 1], 'by')) return null;
    const last = starts.at(-1);
    if (last && order.indexOf(last.clause) >= order.indexOf(w)) return null;
    starts.push({ clause: w, at: i, body: two ? i + 2 : i + 1 });
  }
  const span = (clause: string): [number, number] | null => {
    const k = starts.findIndex((s) => s.clause === clause);
    if (k < 0) return null;
    const end = starts[k + 1]?.at ?? tokens.length;
    return [starts[k]!.body, end];
  };
  const text = (s: [number, number] | null): Span | null =>
    s === null || s[0] >= s[1] ? null : [tokens[s[0]]!.start, tokens[s[1] - 1]!.end];
  const select = text(span('select'));
  const from = text(span('from'));
  if (select === null || from === null) return null;
  const fromTokens = span('from')!;
  if (tokens.slice(fromTokens[0], fromTokens[1]).some((t) => t.text === ',' || t.text === '(')) return null;
  const calls: AggregateCall[] = [];
  for (const clause of ['select', 'having', 'order']) {
    const s = span(clause);
    const found = s ? callsIn(tokens, s[0], s[1], sql) : [];
    if (found === null) return null;
    calls.push(...found);
  }
  for (const clause of ['from', 'where', 'group', 'limit', 'offset']) {
    const s = span(clause);
    if (s && tokens.slice(s[0], s[1]).some((t) => t.kind === 'word' && AGGREGATES.has(t.text.toLowerCase())))
      return null;
  }
  if (calls.length === 0) return null;
  const limitAt = starts.find((s) => s.clause === 'limit' || s.clause === 'offset');
  return {
    select,
    from,
    where: text(span('where')),
    groupBy: text(span('group')),
    having: text(span('having')),
    orderBy: text(span('order')),
    limit: limitAt ? [tokens[limitAt.at]!.start, tokens.at(-1)!.end] : null,
    calls,
  };
}
