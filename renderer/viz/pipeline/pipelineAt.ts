/**
 * A pipeline run at one instant of its playback: what each part held (the timeline's sample at or
 * before t), whether it was down and since when, and how many events were displayed. Downs and
 * displays come from the run's events, which are exact; when the run left events out (more than
 * engine/pipeline's MAX_REPORTED_EVENTS) and t is past the last one kept, they come from the
 * sample instead, and `exact` says so, so that what is said about t stays true.
 */
import type { PipelineResult } from '../../../engine/pipeline';

export interface PartInstant {
  held: number;
  up: boolean;
  /** When it went down, if it is down and the events say since when. */
  downSince: number | null;
  /** A dashboard's events shown so far (null when not exact: then only the run's total is known). */
  shown: number | null;
}

export interface PipelineInstant {
  t: number;
  /** The time of the timeline's sample used for `held` (and for the rest when not exact). */
  sampleT: number;
  /** Whether `displayed` and each part's `up` are exact at t (otherwise: as at sampleT). */
  exact: boolean;
  displayed: number;
  parts: Map<string, PartInstant>;
}

/** The index of the last sample at or before t (0 before the first). */
export function sampleIndex(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  if (hi < 0 || times[0]! > t) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function pipelineAt(result: PipelineResult, t: number): PipelineInstant {
  const { timeline, events } = result;
  const i = sampleIndex(timeline.t, t);
  const lastKept = events.length ? events[events.length - 1]!.t : 0;
  const exact = result.eventsLeftOut === 0 || t < lastKept;
  const parts = new Map<string, PartInstant>();
  result.parts.forEach((p, k) =>
    parts.set(p.id, {
      held: timeline.held[k]?.[i] ?? 0,
      up: timeline.up[k]?.[i] ?? true,
      downSince: null,
      shown: null,
    }),
  );
  let displayed = timeline.displayed[i] ?? 0;
  if (exact) {
    displayed = 0;
    for (const p of parts.values()) {
      p.up = true;
      p.shown = 0;
    }
    for (const e of events) {
      if (e.t > t) break;
      const part = parts.get(e.part);
      if (e.type === 'refresh' && e.ok) {
        displayed += e.shown;
        if (part) part.shown = (part.shown ?? 0) + e.shown;
      } else if (e.type === 'partDown' && part) {
        part.up = false;
        part.downSince = e.t;
      } else if (e.type === 'partUp' && part) {
        part.up = true;
        part.downSince = null;
      }
    }
  }
  return { t, sampleT: timeline.t[i] ?? 0, exact, displayed, parts };
}

/** The instants worth stepping to: parts going down or up, drops, and refreshes that showed something. */
export function pipelineEventTimes(result: PipelineResult): number[] {
  const times = result.events
    .filter(
      (e) =>
        e.type === 'partDown' || e.type === 'partUp' || e.type === 'dropped' || (e.type === 'refresh' && e.shown > 0),
    )
    .map((e) => e.t);
  return [...new Set(times)].sort((a, b) => a - b);
}
