/**
 * The checks of the windows step (Cookbook 12.2, 25.2): a Structured Streaming query counts each
 * car's positions in 10-second windows of when they were taken. They judge the real run: the
 * ledger (no position dropped as late), the store (each window of the first minute there, with
 * every position taken in it, recomputed here from the dataset) and the query's state (it forgets
 * finished windows, so its memory stays bounded).
 */
import type { KafkaJobReport } from '../../engine/api';
import { fail, pass, seconds } from '../checkKit';
import { isVerdict, judged } from '../streamChecks';
import { plural } from '../plural';
import type { CheckVerdict, LabCheck, StepRun } from '../labTypes';

/** What the checks need of the dataset: each position's car and when it was taken (`yyyy-MM-dd HH:mm:ss`, UTC). */
export interface FleetPosition {
  car: string;
  ts: string;
}

const WINDOW_MS = 10_000;

/** A check of the step's own run (not judged when a crash injected from the page never happened). */
function judgedCheck(id: string, title: string, judge: (r: KafkaJobReport, run: StepRun) => CheckVerdict): LabCheck {
  return {
    id,
    title,
    evaluate(run) {
      const j = judged(run, null);
      return isVerdict(j) ? j : judge(j.r, run);
    },
  };
}
const utcMs = (ts: string) => Date.parse(`${ts.replace(' ', 'T')}Z`);
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/** No position was dropped as late by the watermark. */
export function noLatePositionsCheck(id: string, title: string, total: number): LabCheck {
  return judgedCheck(id, title, (r) => {
    const l = r.ledger;
    if (l.aggregated + l.late === 0)
      return fail(
        'no position reached the windows: the query must read the topic positions and group by window(...) of when each position was taken',
      );
    if (l.late > 0) {
      const worst = r.trace.find((e) => e.type === 'recordAggregated' && e.late === true);
      return fail(
        `${plural(l.late, 'position')} dropped as late${worst ? ` (the first at ${seconds(worst.t)}, taken at ${clock(worst.eventTime as number)})` : ''}: when ${l.late === 1 ? 'it' : 'they'} arrived, the watermark had passed the end of ${l.late === 1 ? 'its window' : 'their windows'}. How late can a position from the tunnel be?`,
      );
    }
    if (l.aggregated < total)
      return fail(
        `only ${l.aggregated} of the ${total} positions reached the windows by the end of the run: the query read too little of the topic (how many records may a batch read, and from which offset does it start?)`,
      );
    return pass(`all ${plural(total, 'position')} were counted in their windows, none dropped as late`);
  });
}

/** Each car's windows of the first minute are in the store, with every position taken in them. */
export function everyWindowStoredCheck(
  id: string,
  title: string,
  /** The positions of the run (a practice attempt draws its own). */
  positions: (run: StepRun) => readonly FleetPosition[],
  firstMinute: string,
): LabCheck {
  return judgedCheck(id, title, (r, run) => {
    const from = utcMs(firstMinute);
    const want = new Map<string, number>();
    for (const p of positions(run)) {
      const t = utcMs(p.ts);
      if (t < from || t >= from + 60_000) continue;
      const start = Math.floor(t / WINDOW_MS) * WINDOW_MS;
      const k = `${p.car} ${new Date(start).toISOString()}`;
      want.set(k, (want.get(k) ?? 0) + 1);
    }
    const have = storedWindows(r);
    const wrong: string[] = [];
    for (const [k, n] of [...want].sort(([a], [b]) => a.localeCompare(b))) {
      const got = have.get(k);
      const [car, start] = k.split(' ') as [string, string];
      const window = `${car}'s window ${clock(Date.parse(start))}–${clock(Date.parse(start) + WINDOW_MS)}`;
      if (got === undefined) wrong.push(`${window} is not in the store`);
      else if (got !== n) wrong.push(`${window} holds ${got}, ${plural(n, 'position')} were taken in it`);
    }
    // Nothing written at all: no window closed in the run (the rows' shape cannot be the cause).
    if (r.sinkRows.length === 0)
      return fail(
        'nothing was written to the store: no window closed before the run ended. A window is written when the watermark (the latest event time seen, less the delay given to withWatermark) passes its end: is the delay short enough for the first minute to close while positions still come?',
      );
    if (have.size === 0)
      return fail(
        'the store holds no window in the shape the dashboard reads: a row per car and window, its value the JSON of { car, start, end, positions } with start and end as ISO strings, written from foreachBatch',
      );
    if (wrong.length > 0)
      return fail(
        `${plural(wrong.length, 'window')} of the first minute ${wrong.length === 1 ? 'is' : 'are'} wrong: ${wrong.slice(0, 3).join('; ')}${wrong.length > 3 ? `; and ${wrong.length - 3} more` : ''}. A window is written when the watermark passes its end; is every window of the first minute closed before the run ends, and is nothing dropped?`,
      );
    return pass(`each of the ${want.size} car-windows of the first minute is in the store with all its positions`);
  });
}

/** The store's windows by `car start` (start as an ISO string), with their counts. */
function storedWindows(r: KafkaJobReport): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of r.sinkRows) {
    try {
      const v = JSON.parse(row.value) as { car?: unknown; start?: unknown; positions?: unknown };
      const start = typeof v.start === 'string' ? Date.parse(v.start) : Number.NaN;
      if (typeof v.car !== 'string' || Number.isNaN(start) || typeof v.positions !== 'number') continue;
      out.set(`${v.car} ${new Date(start).toISOString()}`, v.positions);
    } catch {
      // not a window's row
    }
  }
  return out;
}

/** The query's state never holds more than `most` groups: it forgets the windows the watermark has closed. */
export function boundedStateCheck(id: string, title: string, most: number): LabCheck {
  return judgedCheck(id, title, (r) => {
    const batches = r.trace.filter((e) => e.type === 'microBatch');
    if (batches.length === 0) return fail('no micro-batch ran: start the query with writeStream...start()');
    const largest = batches.reduce((a, e) => Math.max(a, e.stateSize as number), 0);
    if (largest > most)
      return fail(
        `the query's state grew to ${largest} car-windows (at most ${most} wanted): a window stays in the state until the watermark passes its end, and the longer the watermark waits (or if nothing makes it pass), the more windows are held. What tells Spark a window is final, and how long must it wait?`,
      );
    return pass(`the state held at most ${largest} car-windows: finished windows are forgotten`);
  });
}

/**
 * The watermark trails the latest event time by at least `longestS`, the longest any position
 * waited: Spark promises to keep a row less late than the delay, and may drop a later one (or
 * not, as the batches happen to fall). Read from the run: each batch that moved the watermark
 * says where it put it, and its rows say the latest event time by then.
 */
export function watermarkCoversDelayCheck(id: string, title: string, longestS: number): LabCheck {
  return judgedCheck(id, title, (r) => {
    let latest = Number.NEGATIVE_INFINITY;
    let trail = Number.POSITIVE_INFINITY;
    let previous: number | null = null;
    for (const e of r.trace) {
      if (e.type !== 'microBatch') continue;
      for (const x of e.events as { eventTime: number }[]) latest = Math.max(latest, x.eventTime);
      const next = e.nextWatermark as number | null;
      if (next !== null && next !== previous && Number.isFinite(latest)) trail = Math.min(trail, latest - next);
      previous = next;
    }
    if (!Number.isFinite(trail))
      return fail('the query has no watermark that moves: set one on the time the positions were taken');
    const s = Math.round(trail / 100) / 10;
    if (trail < longestS * 1000)
      return fail(
        `the watermark trails the latest position by ${s} s, and a position from the tunnel reached Kafka ${longestS} s after it was taken. Spark promises to keep a row only when it is less late than the delay${
          r.ledger.late === 0 ? ': that none was dropped in this run is the timing of its batches, not a promise' : ''
        }`,
      );
    return pass(
      `the watermark trails the latest position by ${s} s: no position up to ${longestS} s late can be dropped`,
    );
  });
}
