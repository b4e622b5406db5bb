// The sensor readings and the text corpus are written as bytes (asciiWriter.ts): the same text,
// byte for byte, as the strings they were first made as (kept here as the reference), so every
// lab's data, check and golden trace stays as it was.
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng';
import { encodeUtf8 } from '../core/utf8';
import { sensorCsv, sensorCsvBytes, textCorpus, textCorpusBytes } from './sampleData';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function referenceSensorCsv(lines: number, options: { seed?: number; sensors?: number; days?: number } = {}): string {
  const rng = createRng(options.seed ?? 2016);
  const sensors = options.sensors ?? 9;
  const days = options.days ?? 30;
  const step = (days * 86400) / Math.max(1, lines);
  const out: string[] = new Array<string>(lines);
  const monthDays = [31, 30, 31, 31, 30, 31, 30, 31];
  for (let i = 0; i < lines; i++) {
    const t = Math.floor(i * step);
    let day = Math.floor(t / 86400);
    let month = 0;
    while (month < monthDays.length - 1 && day >= monthDays[month]!) day -= monthDays[month++]!;
    const s = t % 86400;
    const sensor = 1 + rng.int(sensors);
    const base = 18 + sensor + 4 * Math.sin((s / 86400) * 2 * Math.PI);
    const value = Math.round((base + rng.next() * 3) * 10) / 10;
    out[i] =
      `2016-${pad(5 + month)}-${pad(day + 1)} ${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)},sensor-${sensor},${value}`;
  }
  return `${out.join('\n')}\n`;
}

const WORDS = (
  'data cluster node rack block replica map reduce shuffle sort spark hadoop yarn container task ' +
  'stage job driver executor partition key value record split input output file disk network memory ' +
  'cache lineage the a of and to in is for on with as by at from that this it be are was or an ' +
  'stream kafka broker topic offset batch window event time sensor average daily count word page rank'
).split(' ');

function referenceTextCorpus(lines: number, options: { seed?: number; wordsPerLine?: number } = {}): string {
  const rng = createRng(options.seed ?? 7);
  const per = options.wordsPerLine ?? 10;
  const out: string[] = new Array<string>(lines);
  const words: string[] = [];
  for (let i = 0; i < lines; i++) {
    words.length = 0;
    const n = 1 + rng.int(per * 2 - 1);
    for (let j = 0; j < n; j++) {
      const r = rng.next();
      words.push(WORDS[Math.floor(r * r * WORDS.length)]!);
    }
    out[i] = words.join(' ');
  }
  return `${out.join('\n')}\n`;
}

/** The first index where a and b differ, or -1 (expect's deep equality walks megabytes slowly). */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe('sample data written as bytes', () => {
  it.each([
    [100_000, {}],
    [0, {}],
    [1, {}],
    [7, { seed: 3 }],
    [5_000, { seed: 2016, sensors: 1, days: 1 }],
    // More days than the months count: the day of the last month passes 31 (three digits at last).
    [20_000, { seed: 9, sensors: 12, days: 400 }],
    // What no caller passes still comes out as the strings wrote it.
    [300, { sensors: -5, days: -3 }],
    [300, { sensors: 2.5, days: 0.37 }],
    [300, { sensors: Number.NaN, days: Number.NaN }],
    [300, { seed: -1, sensors: 1e9, days: 1e17 }],
  ] as const)('sensorCsv(%i, %j) as the strings made it', (lines, options) => {
    const bytes = sensorCsvBytes(lines, options);
    expect(firstDifference(bytes, encodeUtf8(referenceSensorCsv(lines, options)))).toBe(-1);
    expect(sensorCsv(lines, options)).toBe(referenceSensorCsv(lines, options));
  });

  it.each([
    [40_000, {}],
    [0, {}],
    [1, {}],
    [2_000, { seed: 7 }],
    [3_000, { seed: 11, wordsPerLine: 1 }],
    [3_000, { seed: 12, wordsPerLine: 40 }],
    [300, { wordsPerLine: 0 }],
    [300, { wordsPerLine: -2 }],
    [300, { wordsPerLine: 0.5 }],
  ] as const)('textCorpus(%i, %j) as the strings made it', (lines, options) => {
    const bytes = textCorpusBytes(lines, options);
    expect(firstDifference(bytes, encodeUtf8(referenceTextCorpus(lines, options)))).toBe(-1);
    expect(textCorpus(lines, options)).toBe(referenceTextCorpus(lines, options));
  });

  it('refuses a line count that is not a whole number from 0, as the strings did', () => {
    for (const lines of [-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => referenceSensorCsv(lines)).toThrow(RangeError);
      expect(() => sensorCsvBytes(lines)).toThrow(RangeError);
      expect(() => referenceTextCorpus(lines)).toThrow(RangeError);
      expect(() => textCorpus(lines)).toThrow(RangeError);
    }
  });
});
