/**
 * The part of `clusterlab pipeline`'s text about what the dashboards showed of counts by key (how
 * far behind, counted twice, trending rows, the end against a full recomputation) and about the
 * models (the registry, drifts, the served predictions' error).
 */
import type { PipelineResult } from '../engine/pipeline';

const n = (v: number) => v.toLocaleString('en-US');
const s = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`);
const kw = (v: number | null) => (v === null ? '–' : `${v.toFixed(2)} kW`);

export function formatViewsAndModels(r: PipelineResult): string[] {
  const lines: string[] = [];
  for (const v of r.views) {
    const f = v.final;
    const trending = v.samples.filter((x) => x.trending);
    const full = trending.filter((x) => x.trending!.row.length > 0 && x.trending!.hits === x.trending!.truth.length);
    lines.push(
      `Dashboard ${v.dashboard} (reads ${v.store}): ${n(v.samples.length + v.samplesLeftOut)} refreshes, at worst ${s(v.maxBehindMs)} behind, at most ${n(v.maxDoubleCounted)} events counted twice.`,
      `  At the end: ${n(f.viewTotal)} counted against ${n(f.truthTotal)} produced; ${f.differing === 0 ? 'every key equals a full recomputation' : `${n(f.differing)} keys differ from a full recomputation`}${f.shownAsItEnded ? '' : ' (the last refresh came before the last change)'}.`,
    );
    if (trending.length > 0)
      lines.push(
        `  Trending row: the true top ${trending[0]!.trending!.truth.length} at ${n(full.length)} of ${n(trending.length)} listed refreshes${v.worstTrending ? `; at worst ${v.worstTrending.trending!.hits} true titles (${s(v.worstTrending.t)})` : ''}.`,
      );
    if (v.gaps.length > 0)
      lines.push(
        `  No refresh from ${s(v.gaps[0]!.fromMs)} to ${s(v.gaps[0]!.toMs)}${v.gaps.length > 1 ? ` (and ${n(v.gaps.length - 1)} more gaps)` : ''}.`,
      );
    lines.push('');
  }
  const ml = r.ml;
  if (ml) {
    const deployed = ml.models.filter((m) => m.deployedAtMs !== null).length;
    const last = ml.byKey.reduce((a, k) => a + k.scored, 0);
    const sum = ml.byKey.reduce((a, k) => a + (k.mae ?? 0) * k.scored, 0);
    lines.push(
      `Models: ${n(ml.models.length)} trained, ${n(deployed)} served, ${n(ml.drifts.length)} drifts detected; the last ${s(ml.lastMs)}: ${n(last)} predictions off by ${kw(last ? sum / last : null)} on average.`,
    );
    for (const m of ml.models.slice(-5))
      lines.push(
        `  v${m.version} by ${m.trainer} at ${s(m.trainedAtMs)} (${m.trigger}): ${n(m.rows)} readings, ${m.settings.modelPer === 'key' ? `${m.models.length} models, one per key` : `power = ${m.models[0]?.slope ?? 0} × load + ${m.models[0]?.intercept ?? 0}`}, held-out ${kw(m.holdoutMae)}, ${m.deployedAtMs !== null ? `served from ${s(m.deployedAtMs)}` : m.rejected ? `refused: ${m.rejected}` : 'not served'}`,
      );
    if (ml.models.length > 5) lines.push(`  (the ${n(ml.models.length - 5)} earlier models are in --json)`);
    lines.push('');
  }
  return lines;
}
