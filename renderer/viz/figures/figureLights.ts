/**
 * A figure's parts lit over time: each light is a part id and the half-open interval
 * [start, end) of simulated time in which the trace says that part of the figure is happening
 * (end Infinity: from then on). `litParts` answers "what is lit at t" for the playback clock.
 */
export interface FigureLight {
  part: string;
  start: number;
  end: number;
}

/** The parts lit at simulated time t (none before a run: pass t = null). */
export function litParts(lights: readonly FigureLight[], t: number | null): Set<string> {
  const out = new Set<string>();
  if (t === null) return out;
  for (const l of lights) if (l.start <= t && t < l.end) out.add(l.part);
  return out;
}

/** Lights for every non-empty interval in `intervals`, under one part id. */
export function lightsOf(part: string, intervals: Iterable<{ start: number; end: number }>): FigureLight[] {
  const out: FigureLight[] = [];
  for (const i of intervals) if (i.end > i.start) out.push({ part, start: i.start, end: i.end });
  return out;
}
