/**
 * Deterministic sample data for the labs and the `clusterlab run` command: the same seed gives
 * the same bytes on every machine. Sensor readings for the IoT daily average (Cookbook 20.1.2:
 * `timestamp,sensorId,value`), a text corpus for word count, web pages with HTML tags (the
 * tag-counting example of Cookbook 20.1) and the edges of a link graph for PageRank.
 */
import { createRng } from '../core/rng';
import { decodeUtf8 } from '../core/utf8';
import { AsciiWriter } from './asciiWriter';

const DAY_SECONDS = 86400;

/** `2016-05-01 01:02:03,sensor-3,21.7`, time increasing, `days` days from 2016-05-01. */
export function sensorCsv(lines: number, options: { seed?: number; sensors?: number; days?: number } = {}): string {
  return decodeUtf8(sensorCsvBytes(lines, options));
}

/** `sensorCsv`'s text as bytes, written as bytes (asciiWriter.ts). */
export function sensorCsvBytes(
  lines: number,
  options: { seed?: number; sensors?: number; days?: number } = {},
): Uint8Array {
  checkLines(lines);
  const rng = createRng(options.seed ?? 2016);
  const sensors = options.sensors ?? 9;
  const days = options.days ?? 30;
  const step = (days * DAY_SECONDS) / Math.max(1, lines);
  const out = new AsciiWriter(lines * 36 + 1);
  const monthDays = [31, 30, 31, 31, 30, 31, 30, 31];
  for (let i = 0; i < lines; i++) {
    const t = Math.floor(i * step);
    let day = Math.floor(t / DAY_SECONDS);
    let month = 0;
    while (month < monthDays.length - 1 && day >= monthDays[month]!) day -= monthDays[month++]!;
    const s = t % DAY_SECONDS;
    const sensor = 1 + rng.int(sensors);
    const base = 18 + sensor + 4 * Math.sin((s / DAY_SECONDS) * 2 * Math.PI);
    // The value rounded to tenths, as `String(Math.round(x * 10) / 10)` writes it.
    const tenths = Math.round((base + rng.next() * 3) * 10);
    out.text('2016-');
    out.pad2(5 + month);
    out.byte(DASH);
    out.pad2(day + 1);
    out.byte(SPACE);
    out.pad2(Math.floor(s / 3600));
    out.byte(COLON);
    out.pad2(Math.floor(s / 60) % 60);
    out.byte(COLON);
    out.pad2(s % 60);
    out.text(',sensor-');
    out.number(sensor);
    out.byte(COMMA);
    writeTenths(out, tenths);
    out.byte(NEWLINE);
  }
  if (lines === 0) out.byte(NEWLINE);
  return out.bytes();
}

/** The character codes of '-', ' ', ':', ',', '\n' and '.'. */
const DASH = 45;
const SPACE = 32;
const COLON = 58;
const COMMA = 44;
const NEWLINE = 10;
const DOT = 46;

/** As the strings these were first made of (an array of `lines` lines) refused a count that is not one. */
function checkLines(lines: number): void {
  if (!(Number.isInteger(lines) && lines >= 0 && lines < 2 ** 32)) throw new RangeError(`Invalid line count: ${lines}`);
}

/** `String(tenths / 10)`: `21.7`, `22`, `0.5`. */
function writeTenths(out: AsciiWriter, tenths: number): void {
  if (!(tenths >= 0 && tenths < 1e15)) return out.text(String(tenths / 10));
  const whole = Math.floor(tenths / 10);
  out.number(whole);
  const digit = tenths - whole * 10;
  if (digit === 0) return;
  out.byte(DOT);
  out.byte(48 + digit);
}

const WORDS = (
  'data cluster node rack block replica map reduce shuffle sort spark hadoop yarn container task ' +
  'stage job driver executor partition key value record split input output file disk network memory ' +
  'cache lineage the a of and to in is for on with as by at from that this it be are was or an ' +
  'stream kafka broker topic offset batch window event time sensor average daily count word page rank'
).split(' ');

/** Lines of words drawn with a Zipf-like skew (a few words are very common, as in real text). */
export function textCorpus(lines: number, options: { seed?: number; wordsPerLine?: number } = {}): string {
  return decodeUtf8(textCorpusBytes(lines, options));
}

/** `textCorpus`'s text as bytes, written as bytes (asciiWriter.ts). */
export function textCorpusBytes(lines: number, options: { seed?: number; wordsPerLine?: number } = {}): Uint8Array {
  checkLines(lines);
  const rng = createRng(options.seed ?? 7);
  const per = options.wordsPerLine ?? 10;
  const out = new AsciiWriter(lines * Math.max(1, per) * 7 + 1);
  for (let i = 0; i < lines; i++) {
    const n = 1 + rng.int(per * 2 - 1);
    for (let j = 0; j < n; j++) {
      const r = rng.next();
      if (j > 0) out.byte(SPACE);
      out.text(WORDS[Math.floor(r * r * WORDS.length)]!);
    }
    out.byte(NEWLINE);
  }
  if (lines === 0) out.byte(NEWLINE);
  return out.bytes();
}

const TAGS = ['h1', 'h2', 'p', 'a', 'div', 'span', 'li', 'title'];

/** One page per line: `url TAB <html>...</html>`, tags and words drawn from a seeded stream. */
export function webPages(pages: number, options: { seed?: number } = {}): string {
  const rng = createRng(options.seed ?? 2004);
  const out: string[] = [];
  for (let i = 0; i < pages; i++) {
    const parts: string[] = [];
    const elements = 3 + rng.int(8);
    for (let j = 0; j < elements; j++) {
      const tag = TAGS[rng.int(TAGS.length)]!;
      const text = Array.from({ length: 1 + rng.int(5) }, () => WORDS[rng.int(WORDS.length)]).join(' ');
      parts.push(`<${tag}>${text}</${tag}>`);
    }
    out.push(`http://site${rng.int(50)}.example/page${i}\t<html>${parts.join('')}</html>`);
  }
  return `${out.join('\n')}\n`;
}

/** Directed edges `src dst` of a link graph: every page links to 1..maxOut others, no self links. */
export function graphEdges(pages: number, options: { seed?: number; maxOut?: number } = {}): string {
  const rng = createRng(options.seed ?? 1998);
  const maxOut = options.maxOut ?? 4;
  const out: string[] = [];
  for (let p = 0; p < pages; p++) {
    const n = 1 + rng.int(maxOut);
    const seen = new Set<number>();
    for (let j = 0; j < n; j++) {
      // Skewed targets: low-numbered pages attract more links, so ranks differ visibly.
      const r = rng.next();
      const q = Math.floor(r * r * pages);
      if (q === p || seen.has(q)) continue;
      seen.add(q);
      out.push(`p${p} p${q}`);
    }
    if (seen.size === 0) out.push(`p${p} p${(p + 1) % pages}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * Card payments for the streaming labs (Cookbook 12.4): `{ id, card, cents, merchant }`, each with
 * its own id (`pay-1`, ...) that the delivery ledger follows into the sink; a few cards pay often.
 * By default one card for every 40 payments (at least 8), so a topic keyed by card spreads them
 * over many partitions when it has many.
 */
export function cardPayments(
  count: number,
  options: { seed?: number; cards?: number } = {},
): Record<string, unknown>[] {
  const rng = createRng(options.seed ?? 12);
  const cards = options.cards ?? Math.max(8, Math.round(count / 40));
  const merchants = ['bakery', 'bookshop', 'cinema', 'grocer', 'pharmacy', 'station'];
  const out: Record<string, unknown>[] = [];
  for (let i = 1; i <= count; i++) {
    // Skewed: card 1 pays about twice as often as the last.
    const card = 1 + Math.min(cards - 1, Math.floor(rng.next() * rng.next() * 2 * cards));
    out.push({
      id: `pay-${i}`,
      card: `card-${card}`,
      cents: 100 + rng.int(9900),
      merchant: merchants[rng.int(merchants.length)],
    });
  }
  return out;
}
