/** Formats a streaming scenario's result for the terminal: the ledger table, lag per partition, metrics and expectations. */
import type { ScenarioResult } from '../engine/streaming';
import { oneLine } from './terminalSafeIo';

/** A table row for the terminal: the first cell left-aligned, the others right-aligned, in `widths`. */
export function row(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ');
}

export function formatStreamReport(result: ScenarioResult, file: string, partitions: string): string {
  const l = result.ledger;
  const lines: string[] = [];
  lines.push(`${oneLine(result.scenario)} (${file}, seed ${result.seed})`);
  lines.push(
    `delivery ${result.delivery}, sink ${result.sink}; brokers on ${result.brokers.join(', ')}; ${partitions}`,
  );
  lines.push(`simulated ${(result.simulatedMs / 1000).toFixed(1)} s`);
  lines.push('');
  const w = [24, 9];
  lines.push(`  ${row(['ledger (records)', 'count'], w)}`);
  const entries: [string, number, string][] = [
    ['produced', l.produced, ''],
    ['appended to the log', l.appended, `more than once: ${l.logDuplicated}`],
    ['processed', l.processed, `more than once: ${l.reprocessed}`],
    ['stored', l.stored, ''],
    ['duplicated', l.duplicated, 'stored more than once'],
    ['filtered', l.filtered, 'dropped by the processing function'],
    ['late', l.late, 'dropped by the watermark'],
    ['pending', l.pending, 'still on its way at the end'],
    ['lost', l.lost, `never reached the log: ${l.lostBeforeLog}`],
  ];
  for (const [name, n, note] of entries) lines.push(`  ${row([name, n], w)}${note ? `   ${note}` : ''}`);
  lines.push('');
  const lw = [9, 10, 12, 9, 9, 10, 7];
  lines.push(`  ${row(['partition', 'leader', 'isr', 'log-start', 'log-end', 'committed', 'lag'], lw)}`);
  for (const p of result.lag) {
    lines.push(
      `  ${row([p.partition, p.leader ?? 'offline', p.isr.join(','), p.logStartOffset, p.logEndOffset, p.committed, p.lag], lw)}`,
    );
  }
  lines.push('');
  lines.push('  metrics');
  for (const [k, v] of Object.entries(result.metrics)) lines.push(`    ${k.padEnd(20)} ${v}`);
  lines.push('');
  lines.push(`  output: ${result.output.entries} entries in the sink`);
  for (const e of result.output.sample) {
    const where = e.window ? ` [${e.window.start}, ${e.window.end})` : '';
    lines.push(`    ${e.key}${where}: ${JSON.stringify(e.value)}`);
  }
  if (result.expectations.length > 0) {
    lines.push('');
    lines.push('  expectations');
    for (const e of result.expectations)
      lines.push(`    ${e.field} = ${e.expected}: ${e.ok ? 'ok' : `FAILED (got ${e.actual})`}`);
  }
  lines.push('');
  lines.push(result.ok ? 'ok' : 'FAILED: the ledger does not match the expectations');
  return `${lines.join('\n')}\n`;
}
