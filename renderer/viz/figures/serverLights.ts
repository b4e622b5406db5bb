/**
 * The lights of Figures 13.1-13.3 for a server step's run: 13.1's extract, transform and load
 * while a SQL platform's ETL runs (pipelined: all three at once) and "late" once a night is past
 * its deadline;
 * 13.2's part that bounds the running phase; 13.3's SAN, its servers read-only during the ETL
 * (`server:i` for each one at work), or detached while one loads the day's rows read-write.
 */
import type { PlatformPhase } from '../../../engine/server';
import type { CookbookFigureId, ServerRunReport } from '../../../labs/labTypes';
import type { FigureLight } from './figureLights';

export function serverLights(figure: CookbookFigureId, report: ServerRunReport): FigureLight[] {
  const out: FigureLight[] = [];
  const deadlineMs = report.deadlineMs;
  for (const night of report.nights) {
    const platform = night.run.platform;
    const at = (p: PlatformPhase) => ({ start: night.startMs + p.startS * 1000, end: night.startMs + p.endS * 1000 });
    const light = (part: string, p: PlatformPhase) => {
      const { start, end } = at(p);
      if (end > start) out.push({ part, start, end });
    };
    for (const p of night.run.phases) {
      // A Hadoop cluster is not the SQL platform of Figure 13.1 (nor the one server of 13.2).
      if (figure === '13.1' && p.kind === 'etl' && platform.kind !== 'hadoop')
        for (const part of ['extract', 'transform', 'load']) light(part, p);
      if (figure === '13.2' && p.kind !== 'startup' && platform.kind !== 'hadoop') light(p.bound, p);
      if (figure === '13.3' && platform.kind === 'san') {
        light('san', p);
        if (p.kind === 'refresh') {
          for (const part of ['readwrite', 'detached', 'server:0']) light(part, p);
        } else
          for (const part of ['readonly', ...Array.from({ length: p.servers }, (_, i) => `server:${i}`)])
            light(part, p);
      }
    }
    if (figure === '13.1' && platform.kind !== 'hadoop' && night.endMs - night.startMs > deadlineMs)
      out.push({ part: 'late', start: night.startMs + deadlineMs, end: night.endMs });
  }
  return out;
}
