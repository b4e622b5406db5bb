/** Whether the file now drawn is not the pipeline that ran: other parts, kinds, machines, settings or wires. */
import { PART_CATALOGUE, type PipelineResult } from '../../../engine/pipeline';
import type { DrawnPipeline } from '../../viz/pipeline/readPipelineText';

export function runDiffers(drawn: DrawnPipeline, result: PipelineResult): boolean {
  const ran = new Map(result.parts.map((p) => [p.id, p]));
  if (drawn.parts.length !== result.parts.length) return true;
  for (const p of drawn.parts) {
    const r = ran.get(p.id);
    if (!r || r.type !== p.type || (p.type !== 'clients' && r.node !== p.node)) return true;
    for (const [key, def] of Object.entries(PART_CATALOGUE[p.type].settings))
      if ((p.settings[key] ?? def.default) !== r.settings[key]) return true;
  }
  const wires = (list: { from: string; to: string }[]) =>
    list
      .map((w) => `${w.from}>${w.to}`)
      .sort()
      .join(',');
  return wires(drawn.wires) !== wires(result.wires);
}
