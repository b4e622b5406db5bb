/**
 * Spark's interval strings, as window(), withWatermark() and trigger(processingTime) take them:
 * `10 seconds`, `1 minute`, `1 hour 30 minutes`, `500 milliseconds` (a leading `interval` allowed).
 * Returns milliseconds; throws Spark's message, naming what was given, for anything else.
 */
const UNITS: Record<string, number> = {
  millisecond: 1,
  milliseconds: 1,
  ms: 1,
  second: 1000,
  seconds: 1000,
  sec: 1000,
  secs: 1000,
  minute: 60_000,
  minutes: 60_000,
  min: 60_000,
  mins: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
  week: 604_800_000,
  weeks: 604_800_000,
};

export function intervalMs(text: unknown, what: string): number {
  const bad = () =>
    new Error(
      `[CANNOT_PARSE_INTERVAL] ${what}: cannot read ${JSON.stringify(String(text).slice(0, 60))} as an interval; write a number and a unit, e.g. '10 seconds', '1 minute' or '1 hour 30 minutes'`,
    );
  if (typeof text !== 'string') throw bad();
  const words = text.trim().toLowerCase().split(/\s+/);
  if (words[0] === 'interval') words.shift();
  if (words.length === 0 || words.length % 2 !== 0) throw bad();
  let ms = 0;
  for (let i = 0; i < words.length; i += 2) {
    const n = Number(words[i]);
    const unit = UNITS[words[i + 1]!];
    if (!/^\d+(\.\d+)?$/.test(words[i]!) || unit === undefined || !Number.isFinite(n)) throw bad();
    ms += n * unit;
  }
  // At most a thousand years: longer is no interval a run of an hour can tell apart from for ever.
  if (!Number.isFinite(ms) || ms > MAX_INTERVAL_MS)
    throw new Error(
      `[CANNOT_PARSE_INTERVAL] ${what}: ${JSON.stringify(String(text).slice(0, 60))} is longer than ClusterLab takes (a thousand years)`,
    );
  return Math.round(ms);
}

const MAX_INTERVAL_MS = 1000 * 365 * 86_400_000;
