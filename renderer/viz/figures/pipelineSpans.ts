/**
 * What Figures 25.1, 25.2 and 28.1-28.3 share: the parts of a pipeline run that fill each of a
 * figure's areas (by part type, and by what they are wired to), a batch job's runs as they
 * happened, and the lights of the areas from their parts' spans (pipelineLights' readings).
 */
import type { PipelineResult } from '../../../engine/pipeline';
import type { PipelineRunReport } from '../../../labs/labTypes';
import type { FigureLight } from './figureLights';
import { minus, union, type PartActivity, type Span } from './pipelineLights';

/** A figure's areas, each with the ids of the run's parts that fill it (empty: drawn dashed, never lit). */
export type AreaParts = Record<string, string[]>;

/** The end of the run: lights that last "from then on" stop here. */
export function runEnd(report: PipelineRunReport): number {
  return Math.max(report.result.simulatedMs, report.simulatedMs);
}

export function idsOfType(r: PipelineResult, ...types: string[]): string[] {
  return r.parts.filter((p) => types.includes(p.type)).map((p) => p.id);
}

export function upstreamOf(r: PipelineResult, id: string): string[] {
  return r.wires.filter((w) => w.to === id).map((w) => w.from);
}

export function downstreamOf(r: PipelineResult, id: string): string[] {
  return r.wires.filter((w) => w.from === id).map((w) => w.to);
}

/** Parts of `ids` with a wire from (or, with `to`, into) a part of type `type`. */
export function wiredWith(r: PipelineResult, ids: readonly string[], type: string, side: 'from' | 'to'): string[] {
  const typeOf = new Map(r.parts.map((p) => [p.id, p.type as string]));
  return ids.filter((id) =>
    (side === 'from' ? upstreamOf(r, id) : downstreamOf(r, id)).some((other) => typeOf.get(other) === type),
  );
}

/** A batch job's runs that processed events and wrote them: from each run's start to its end. */
export function batchRunSpans(r: PipelineResult, id: string): Span[] {
  return union(
    r.events.flatMap((e) =>
      e.type === 'batch' && e.part === id && e.ok && e.events > 0 ? [{ start: e.t - e.durationMs, end: e.t }] : [],
    ),
  );
}

/**
 * A dashboard showing the newest results of the batch jobs `batches`: from the end of the first
 * refresh that started after a run had written them, until the next run has written newer ones
 * (or a refresh fails); not while the dashboard is down.
 */
export function showsBatchResults(r: PipelineResult, dashboard: string, batches: readonly string[], end: number) {
  const written = batches
    .flatMap((b) => batchRunSpans(r, b))
    .map((s) => s.end)
    .sort((a, b) => a - b);
  const refreshes = r.events
    .flatMap((e) =>
      e.type === 'refresh' && e.part === dashboard ? [{ start: e.t - e.durationMs, end: e.t, ok: e.ok }] : [],
    )
    .sort((a, b) => a.start - b.start);
  const spans: Span[] = [];
  written.forEach((at, k) => {
    const newer = written[k + 1] ?? end;
    const read = refreshes.find((x) => x.ok && x.start >= at);
    if (!read || read.end >= newer) return;
    const failed = refreshes.find((x) => !x.ok && x.start >= read.end);
    spans.push({ start: read.end, end: Math.min(newer, failed?.start ?? end) });
  });
  return spans;
}

/** Each area's lights (`area`), its parts' outages (`down:area`) and any outage (`down`). */
export function areaLights(
  areas: AreaParts,
  activity: ReadonlyMap<string, PartActivity>,
  active: (area: string, parts: PartActivity[]) => Span[],
): FigureLight[] {
  const lights: FigureLight[] = [];
  const push = (part: string, spans: Iterable<Span>) => {
    for (const s of union(spans)) lights.push({ part, start: s.start, end: s.end });
  };
  const down: Span[] = [];
  for (const [area, ids] of Object.entries(areas)) {
    const parts = ids.flatMap((id) => activity.get(id) ?? []);
    const off = union(parts.flatMap((p) => p.down));
    push(area, minus(active(area, parts), off));
    push(`down:${area}`, off);
    down.push(...off);
  }
  push('down', down);
  return lights;
}

/** Areas the run has no part for (drawn dashed). */
export function missingAreas(areas: AreaParts): Set<string> {
  return new Set(
    Object.entries(areas)
      .filter(([, ids]) => ids.length === 0)
      .map(([area]) => area),
  );
}
