/**
 * Why a trending row's data grew too old in one stretch between refreshes, said from what the run
 * reports: the dashboard or its store down (their partDown and partUp events), the store out of
 * reach, the data already old when it was read, or simply the time between two refreshes.
 */
import type { AgePeak, PipelineResult, ViewReport } from '../../engine/pipeline';
import { ageSeconds, seconds, wholeSeconds } from '../checkKit';

// An instant of the run as the dashboards' sentences say it ("58.00 s"), a setting as the steps' texts do ("every 29 s").

/** The first stretch in which `part` was down that overlaps (fromMs, toMs), from the run's events. */
function downDuring(
  result: PipelineResult,
  part: string,
  fromMs: number,
  toMs: number,
): { fromMs: number; toMs: number | null } | null {
  let since: number | null = null;
  for (const e of result.events) {
    if (e.part !== part) continue;
    if (e.type === 'partDown' && since === null) since = e.t;
    else if (e.type === 'partUp' && since !== null) {
      if (e.t > fromMs && since < toMs) return { fromMs: since, toMs: e.t };
      since = null;
    }
  }
  return since !== null && since < toMs ? { fromMs: since, toMs: null } : null;
}

/** Why the row's data was `peak.ageMs` old at `peak.atMs` (a sentence ending without a full stop). */
export function whyStale(result: PipelineResult, view: ViewReport, peak: AgePeak, boundMs: number): string {
  const board = result.parts.find((p) => p.id === view.dashboard);
  const store = result.parts.find((p) => p.id === view.store);
  const refreshMs = Number(board?.settings.refreshMs);
  const on = (p: typeof board) => (p?.node ? ` (on ${p.node})` : '');
  const until = (d: { toMs: number | null }) => (d.toMs === null ? 'the end of the run' : seconds(d.toMs));
  for (const part of [board, store]) {
    if (!part) continue;
    const down = downDuring(result, part.id, peak.refreshMs, peak.atMs);
    if (down)
      return part === board
        ? `${view.dashboard}${on(board)} was down from ${seconds(down.fromMs)} to ${until(down)}: it showed no row`
        : `${view.store}${on(store)} was down from ${seconds(down.fromMs)} to ${until(down)}: ${view.dashboard} could not read it and showed no new row`;
  }
  const stretch = peak.atMs - peak.refreshMs;
  if (stretch > 2 * refreshMs)
    return `${view.dashboard} showed no new row from ${seconds(peak.refreshMs)} to ${peak.nextRefreshMs === null ? 'the end of the run' : seconds(peak.nextRefreshMs)}: it could not read ${view.store}`;
  if (peak.behindMs > boundMs)
    return `its row ranks only what had reached ${view.store}: at its refresh at ${seconds(peak.refreshMs)} the oldest play it lacked was already ${ageSeconds(peak.behindMs)} old`;
  return `it refreshes every ${wholeSeconds(refreshMs)} (refreshMs ${refreshMs}): between two refreshes its row lacks every play made since the last one, and the row it read at ${seconds(peak.refreshMs)} already lacked the last ${ageSeconds(peak.behindMs)} of plays`;
}
