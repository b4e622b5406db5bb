/** The text `clusterlab pipeline` prints: what became of the events, the latency, each part, the dashboards' counts and the models. */
import type { PipelineResult } from '../engine/pipeline';
import { formatViewsAndModels } from './pipelineViewsReport';

const n = (v: number) => v.toLocaleString('en-US');
const s = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function formatPipelineReport(r: PipelineResult): string {
  const { summary: sum } = r;
  const lines: string[] = [];
  lines.push(
    `Pipeline of ${r.parts.length} parts on the ${r.cluster} cluster (seed ${r.seed}): ${s(r.simulatedMs)} simulated, ended: ${r.ended}`,
    '',
    table([
      ['events', 'count'],
      ['produced', n(sum.produced)],
      ['displayed', n(sum.displayed)],
      ['pending', n(sum.pending)],
      ['lost', n(sum.lost)],
    ]),
    '',
  );
  if (sum.latencyMs)
    lines.push(
      `Latency from client to display: median ${s(sum.latencyMs.p50)}, p95 ${s(sum.latencyMs.p95)}, p99 ${s(sum.latencyMs.p99)}, max ${s(sum.latencyMs.max)}`,
      '',
    );
  else lines.push('No event reached the display.', '');
  lines.push(
    table([
      ['part', 'type', 'node', 'received', 'handed on', 'refused', 'dropped', 'busy', 'down', 'held at end', 'notes'],
      ...r.parts.map((p) => [
        p.id,
        p.type,
        p.node ?? '-',
        n(p.received),
        n(p.delivered),
        n(p.refused),
        n(p.dropped),
        s(p.busyMs),
        p.downMs > 0 ? s(p.downMs) : '-',
        n(p.heldAtEnd),
        [
          p.batches !== undefined ? `${n(p.batches)} batches` : '',
          p.files !== undefined ? `${n(p.files)} files` : '',
          p.rows !== undefined ? `${n(p.rows)} rows` : '',
          p.refreshes !== undefined ? `${n(p.refreshes)} refreshes` : '',
        ]
          .filter(Boolean)
          .join(', '),
      ]),
    ]),
    '',
  );
  lines.push(...formatViewsAndModels(r));
  const lost = r.paths.filter((p) => p.state === 'lost');
  if (lost.length > 0)
    lines.push(
      `Lost events, for example #${lost[0]!.id}: last reached ${lost[0]!.hops.at(-1)?.part ?? 'nothing'}${lost[0]!.lostAt ? `, dropped at ${lost[0]!.lostAt}` : ''}.`,
      '',
    );
  return `${lines.join('\n')}\n`;
}
