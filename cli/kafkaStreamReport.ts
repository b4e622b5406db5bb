/** Formats a KafkaJS program's streaming run for the terminal: the ledger, each partition's log and lag, the group and the sink. */
import type { KafkaJobReport } from '../engine/api';
import { oneLine } from './terminalSafeIo';
import { row } from './streamReport';

/** Rows of the sink shown (the JSON output has them all). */
const SINK_SAMPLE = 10;

export function formatKafkaReport(report: KafkaJobReport, file: string, seed: number, idField: string): string {
  const l = report.ledger;
  const lines: string[] = [];
  lines.push(`${file}: KafkaJS program, seed ${seed}; brokers ${report.brokers.join(', ')}`);
  lines.push(
    `simulated ${(report.simulatedMs / 1000).toFixed(1)} s, ${report.steps} steps; ${
      report.ended === 'quiet' ? 'every call answered' : 'stopped at the end of the run'
    }`,
  );
  lines.push('');
  const w = [24, 9];
  lines.push(`  ${row(['ledger (records)', 'count'], w)}`);
  const entries: [string, number, string][] = [
    ['produced', l.produced, ''],
    ['appended to the log', l.appended, `more than once: ${l.logDuplicated}`],
    ['processed', l.processed, `more than once: ${l.reprocessed}`],
    [
      'stored',
      l.stored,
      report.storeTopic ? `in the sink and committed in ${oneLine(report.storeTopic)}` : 'in the sink',
    ],
    ['duplicated', l.duplicated, 'stored more than once'],
    // A Structured Streaming query's records: counted in its windows, or dropped behind the watermark.
    ...(l.aggregated + l.late > 0
      ? ([
          ['in windows', l.aggregated, "counted in a streaming query's windows"],
          ['late', l.late, 'dropped by the watermark'],
        ] as [string, number, string][])
      : []),
    ['pending', l.pending, 'still on its way at the end'],
    ['lost', l.lost, `never reached the log: ${l.lostBeforeLog}`],
  ];
  for (const [name, n, note] of entries) lines.push(`  ${row([name, n], w)}${note ? `   ${note}` : ''}`);
  if (report.unidentified > 0)
    lines.push(
      `  note: ${report.unidentified} produced records have no '${oneLine(idField)}' field in a JSON value (--id): the ledger cannot follow them into the sink`,
    );
  lines.push('');
  const lw = [16, 9, 7, 8, 9, 8, 10, 7];
  lines.push(`  ${row(['topic', 'partition', 'leader', 'isr', 'log-start', 'log-end', 'committed', 'lag'], lw)}`);
  for (const p of report.partitions)
    lines.push(
      `  ${row(
        [
          oneLine(p.topic),
          p.partition,
          p.leader ?? 'offline',
          p.isr.join(','),
          p.logStartOffset,
          p.logEndOffset,
          p.committed ?? '-',
          p.lag,
        ],
        lw,
      )}`,
    );
  if (report.partitions.length === 0) lines.push('  (no topic)');
  lines.push('');
  const g = report.group;
  lines.push(
    g
      ? `  group ${oneLine(g.groupId)}: ${g.members} members at the end, generation ${g.generation}, ${g.rebalances} rebalances`
      : '  no consumer group (or more than one): lag is counted from the start of each log',
  );
  lines.push('');
  lines.push(`  sink: ${report.sinkRows.length} rows`);
  for (const r of report.sinkRows.slice(0, SINK_SAMPLE))
    lines.push(`    ${r.key === null ? '(appended)' : oneLine(r.key).slice(0, 60)}: ${oneLine(r.value).slice(0, 100)}`);
  if (report.sinkRows.length > SINK_SAMPLE)
    lines.push(`    … ${report.sinkRows.length - SINK_SAMPLE} more (--json has them all)`);
  return `${lines.join('\n')}\n`;
}
