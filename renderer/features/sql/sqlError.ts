/**
 * DuckDB's error messages for the console. A parser error repeats its "LINE n: <text>" block, and
 * the caret line under it points at the column of the learner's query (DuckDB shows a window of
 * a long line, between "..."): said once, and the position found in the query.
 */
export interface SqlErrorView {
  /** The message with repeated paragraphs said once; its caret lines up in a monospace block. */
  text: string;
  /** Where in the query DuckDB points: 1-based line and column, 0-based offset in the whole query. */
  position: { line: number; column: number; offset: number } | null;
}

export function sqlErrorView(message: string, query: string): SqlErrorView {
  const paragraphs: string[] = [];
  for (const p of message.split(/\n\n+/)) if (!paragraphs.includes(p)) paragraphs.push(p);
  const text = paragraphs.join('\n\n').trimEnd();
  return { text, position: positionOf(text, query) };
}

function positionOf(text: string, query: string): SqlErrorView['position'] {
  const lines = query.split('\n');
  const m = /^LINE (\d+): (.*)\n( *)\^/m.exec(text);
  if (!m) {
    if (!/at end of input/.test(text)) return null;
    const line = lines.length;
    return { line, column: lines[line - 1]!.length + 1, offset: query.length };
  }
  const line = Number(m[1]);
  const shown = m[2]!;
  const inShown = m[3]!.length - `LINE ${m[1]}: `.length;
  const source = lines[line - 1];
  if (source === undefined || inShown < 0) return null;
  let column = inShown;
  if (shown.startsWith('...')) {
    const body = shown.slice(3).replace(/\.\.\.$/, '');
    const at = source.indexOf(body);
    if (at < 0) return null;
    column = at + inShown - 3;
  }
  column = Math.min(column, source.length);
  const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column;
  return { line, column: column + 1, offset };
}

/** The token at `offset` (a word, or one character): what the console selects in the query. */
export function tokenAt(query: string, offset: number): { start: number; end: number } {
  const word = /[\w$]/;
  if (!word.test(query[offset] ?? '')) return { start: offset, end: Math.min(query.length, offset + 1) };
  let end = offset;
  while (end < query.length && word.test(query[end]!)) end++;
  return { start: offset, end };
}
