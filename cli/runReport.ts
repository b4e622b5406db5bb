/** The readable output of `clusterlab run`: a summary, the counters and a text timeline of task attempts. */
import type { JobRunReport } from '../engine/api';
import { clipText } from '../engine/core';
import { oneLine } from './terminalSafeIo';

const sec = (ms: number) => `${(ms / 1000).toFixed(3)}s`;

/** Marks NaN and ±Infinity inside the JSON text (JSON itself writes them as null). */
const NON_FINITE = '\u0000\u0001';
const NON_FINITE_TEXT = /"\\u0000\\u0001(NaN|-?Infinity)\\u0000\\u0001"/g;

/**
 * A result row as JSON text, cut at `max` characters. Never throws: results are plain data when
 * they reach the CLI (the sandbox converts them), but a BigInt is shown as its digits, NaN and
 * ±Infinity as themselves (JSON's null would read as a missing value), and a cycle or an
 * unreadable value as a note rather than crashing the report.
 */
export function showValue(value: unknown, max = 1000): string {
  let text: string;
  try {
    text =
      JSON.stringify(value, (_key, v: unknown) =>
        typeof v === 'bigint'
          ? v.toString()
          : typeof v === 'number' && !Number.isFinite(v)
            ? `${NON_FINITE}${v}${NON_FINITE}`
            : v,
      )?.replace(NON_FINITE_TEXT, '$1') ?? String(value);
  } catch {
    text = '(a value that cannot be shown as JSON)';
  }
  return clipText(text, max);
}

export function formatReport(report: JobRunReport, clusterName: string, nodes: string[], failed = false): string {
  const lines: string[] = [];
  const m = report.metrics;
  lines.push(
    `${report.kind === 'mapreduce' ? 'MapReduce' : 'Spark'} job on cluster '${clusterName}' (${nodes.length} ${nodes.length === 1 ? 'node' : 'nodes'}): ${failed ? 'FAILED after' : 'finished in'} ${sec(report.simulatedMs)} simulated`,
  );
  if (report.generatedInputs.length > 0) lines.push(`sample data generated: ${report.generatedInputs.join(', ')}`);
  lines.push(
    `jobs ${m.jobs}, tasks ${m.tasks}, attempts ${m.attempts} (${m.killedAttempts} killed, ${m.failedAttempts} failed)`,
  );
  lines.push(
    `bytes read local ${m.bytesReadLocal}, remote ${m.bytesReadRemote}; shuffle ${m.shuffleBytes} (local ${m.shuffleBytesLocal}, remote ${m.shuffleBytesRemote})`,
  );
  if (m.kind === 'mapreduce') {
    // As Hadoop's job client prints them: each group, then `display name=value`.
    const all = m.counterGroups.flatMap((g) => g.counters);
    lines.push('', `Counters: ${all.length}`);
    for (const g of m.counterGroups) {
      lines.push(`\t${g.displayName}`);
      for (const c of g.counters) lines.push(`\t\t${c.displayName}=${c.value}`);
    }
  } else {
    lines.push('', 'Counters:');
    for (const [k, v] of Object.entries(m.counters)) lines.push(`  ${k.padEnd(30)} ${v}`);
    if (m.accumulators.length > 0) {
      lines.push('', 'Accumulators:');
      for (const a of m.accumulators) lines.push(`  ${oneLine(a.name).padEnd(30)} ${oneLine(a.value)}`);
    }
  }
  lines.push('', 'Result:');
  const shown = Array.isArray(report.result) ? report.result.slice(0, 20) : [report.result];
  for (const r of shown) lines.push(`  ${showValue(r)}`);
  if (Array.isArray(report.result) && report.result.length > 20) lines.push(`  ... ${report.result.length - 20} more`);
  lines.push('', 'Timeline (one row per task attempt; r=read c=compute s=spill f=shuffle w=write, # = startup):');
  const end = Math.max(1, report.simulatedMs);
  const width = 48;
  const at = (t: number) => Math.min(width, Math.round((t / end) * width));
  for (const a of [...report.attempts].sort((x, y) => x.start - y.start || (x.task < y.task ? -1 : 1))) {
    const bar = Array<string>(width).fill(' ');
    let t = a.start;
    const phases: [string, number][] = [
      ['#', a.cost.startup],
      ['r', a.cost.read],
      ['f', a.cost.shuffle],
      ['c', a.cost.compute],
      ['s', a.cost.spill],
      ['w', a.cost.write],
    ];
    for (const [ch, ms] of phases) {
      const from = at(t);
      t = Math.min(a.end, t + ms);
      for (let i = from; i < Math.max(from + (ms > 0 ? 1 : 0), at(t)) && i < width; i++) bar[i] = ch;
    }
    const status =
      a.status === 'succeeded' ? '' : ` ${a.status.toUpperCase()}${a.reason ? ` (${oneLine(a.reason)})` : ''}`;
    lines.push(
      `  ${a.task.padEnd(22)} #${a.attempt} ${a.node.padEnd(4)} ${a.locality.padEnd(13)} |${bar.join('')}| ${sec(a.start)}-${sec(a.end)}${status}`,
    );
  }
  for (const e of report.trace) {
    if (e.type === 'nodeDied') lines.push(`  node ${String(e.node)} died at ${sec(e.t)}`);
    if (e.type === 'nodeSlowed')
      lines.push(
        e.factor === 1
          ? `  node ${String(e.node)} back to its normal speed at ${sec(e.t)}`
          : `  node ${String(e.node)} ${String(e.factor)}x slower from ${sec(e.t)}`,
      );
    if (e.type === 'rackPartitioned') lines.push(`  rack ${String(e.rack)} cut off at ${sec(e.t)}`);
    if (e.type === 'rackHealed') lines.push(`  rack ${String(e.rack)} back at ${sec(e.t)}`);
  }
  return `${lines.join('\n')}\n`;
}
