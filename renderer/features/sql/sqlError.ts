/**
 * DuckDB's error messages for the console. A parser error repeats its "LINE n: <text>" block; the
 * caret line under it points at a column of the learner's query, counted in terminal cells (a TAB
 * takes none, an emoji or CJK character two) in a window of a long line (between "..."). Here the
 * block is said once, its caret redrawn one cell per character, and the position found in the query.
 */
export interface SqlErrorView {
  /** The message with repeated paragraphs said once; its caret lines up in a monospace block. */
  text: string;
  /** Where in the query DuckDB points: 1-based line and column, 0-based offset in the whole query. */
  position: { line: number; column: number; offset: number } | null;
}

const BLOCK = /^LINE (\d+): (.*)\n( *)\^/m;

export function sqlErrorView(message: string, query: string): SqlErrorView {
  const paragraphs: string[] = [];
  for (const p of message.split(/\n\n+/)) if (!paragraphs.includes(p)) paragraphs.push(p);
  let text = paragraphs.join('\n\n').trimEnd();
  const lines = query.split('\n');
  const m = BLOCK.exec(text);
  if (!m) {
    if (!/at end of input/.test(text)) return { text, position: null };
    const line = lines.length;
    return { text, position: { line, column: lines[line - 1]!.length + 1, offset: query.length } };
  }
  const prefix = `LINE ${m[1]}: `;
  const shown = m[2]!;
  const at = indexAtCell(shown, m[3]!.length - prefix.length);
  const flat = shown.replace(/\t/g, ' ');
  const caret = ' '.repeat(prefix.length + Array.from(flat.slice(0, at)).length);
  text = text.replace(BLOCK, `${prefix}${flat}\n${caret}^`);
  return { text, position: positionOf(lines, Number(m[1]), shown, at) };
}

function positionOf(lines: string[], line: number, shown: string, at: number): SqlErrorView['position'] {
  const source = lines[line - 1];
  if (source === undefined || at < 0) return null;
  let column = at;
  if (shown.startsWith('...')) {
    const start = source.indexOf(shown.slice(3).replace(/\.\.\.$/, ''));
    if (start < 0) return null;
    column = start + at - 3;
  }
  column = Math.min(column, source.length);
  const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column;
  return { line, column: column + 1, offset };
}

/** The UTF-16 index in `text` of the character at terminal cell `cells` (-1 when cells < 0). */
function indexAtCell(text: string, cells: number): number {
  if (cells < 0) return -1;
  let used = 0;
  let i = 0;
  while (i < text.length && used < cells) {
    const cp = text.codePointAt(i)!;
    used += cellsOf(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

function cellsOf(cp: number): number {
  if (cp < 32 || (cp >= 0x7f && cp < 0xa0)) return 0;
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

/** The token at `offset` (a word, or one character): what the console selects in the query. */
export function tokenAt(query: string, offset: number): { start: number; end: number } {
  const word = /[\w$]/;
  if (!word.test(query[offset] ?? '')) return { start: offset, end: Math.min(query.length, offset + 1) };
  let end = offset;
  while (end < query.length && word.test(query[end]!)) end++;
  return { start: offset, end };
}
