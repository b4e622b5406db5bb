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
