/**
 * TextOutputFormat lines (`key TAB value`) and reading them back. Values are written as Hadoop
 * would print them (numbers and text as is, other values as JSON, null as nothing); reading back
 * turns text that round-trips exactly as a number or JSON into that value, anything else stays text.
 */
import { keyText } from './keyOrder';

/**
 * The line TextOutputFormat writes for a record, or null when it writes none: Hadoop's
 * LineRecordWriter skips a record whose key and value are both null (the record still counts as
 * written: REDUCE_OUTPUT_RECORDS, MAP_OUTPUT_RECORDS).
 */
export function formatRecord(key: unknown, value: unknown): string | null {
  const noKey = key === null || key === undefined;
  if (noKey && (value === null || value === undefined)) return null;
  const k = noKey ? '' : keyText(key);
  if (value === null || value === undefined) return k;
  const v = keyText(value);
  return key === null || key === undefined ? v : `${k}\t${v}`;
}

export function parseField(text: string): unknown {
  const c = text.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 45) {
    const n = Number(text);
    if (Number.isFinite(n) && String(n) === text) return n;
    return text;
  }
  if (c === 91 || c === 123) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  if (text === 'true') return true;
  if (text === 'false') return false;
  return text;
}

/** Parses a part file's text into `[key, value]` pairs, in line order. */
export function parseRecords(text: string): [unknown, unknown][] {
  const out: [unknown, unknown][] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    const tab = line.indexOf('\t');
    if (tab < 0) out.push([parseField(line), null]);
    else out.push([parseField(line.slice(0, tab)), parseField(line.slice(tab + 1))]);
  }
  return out;
}
