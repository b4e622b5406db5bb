/**
 * Where each value of a (valid) JSON text starts, by field path (`file.size`, `faults[1].node`),
 * so a settings error can name the line and column of the field at fault. JSON.parse has
 * already accepted the text; this scanner only walks it.
 */

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** Offsets of the keys (for object members) or values (for array items) by path. */
export function jsonPositions(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      while (text[i] === '"') {
        const keyAt = i;
        const key = str();
        const child = path ? `${path}.${key}` : key;
        out.set(child, keyAt);
        ws();
        i++; // ':'
        value(child);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++; // '}'
    } else if (c === '[') {
      i++;
      ws();
      let k = 0;
      while (i < text.length && text[i] !== ']') {
        ws();
        out.set(`${path}[${k}]`, i);
        value(`${path}[${k}]`);
        k++;
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++; // ']'
    } else if (c === '"') {
      str();
    } else {
      while (i < text.length && /[^,\]}\s]/.test(text[i]!)) i++;
    }
  };
  try {
    value('');
  } catch {
    // Positions are a courtesy for messages; a scan problem must not hide the real error.
  }
  return out;
}

/**
 * Where a JSON text first breaks the grammar (RFC 8259), as an offset: JSON.parse's messages do
 * not always carry a position (V8 quotes a snippet instead), and a learner needs the line and
 * column. Null when the text is valid JSON. The caller bounds nesting first (it recurses per level).
 */
export function jsonSyntaxErrorOffset(text: string): number | null {
  let i = 0;
  const n = text.length;
  class Bad extends Error {}
  const fail = (): never => {
    throw new Bad();
  };
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const str = () => {
    i++; // '"'
    for (;;) {
      if (i >= n) fail();
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 0x20) fail();
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i++;
            fail();
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          fail();
        }
      } else i++;
    }
  };
  const num = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    if (i >= n) fail();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail();
      }
    } else if (c === '"') str();
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) num();
    else {
      for (const word of ['true', 'false', 'null'])
        if (text.startsWith(word, i)) {
          i += word.length;
          return;
        }
      fail();
    }
  };
  try {
    value();
    ws();
    return i < n ? i : null;
  } catch (error) {
    if (error instanceof Bad) return Math.min(i, n);
    throw error;
  }
}

/**
 * Line and column of a JSON.parse error, from V8's "position N" or Firefox's "line L column C";
 * else where the text first breaks JSON's grammar (V8 often quotes a snippet instead: a comment on
 * line 1 was reported at the end of the file).
 */
export function jsonErrorLineColumn(text: string, message: string): { line: number; column: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (pos) return lineColumn(text, Number(pos[1]));
  let at: number | null = null;
  try {
    at = jsonSyntaxErrorOffset(text);
  } catch (error) {
    // Nested past the stack (the grammar walk recurses per level): the end, as before.
    if (!(error instanceof RangeError)) throw error;
  }
  return lineColumn(text, at ?? text.length);
}
