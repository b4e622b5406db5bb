/**
 * Runs a server step's settings (Cookbook 13.3): one night of the ETL on the chosen platform, or,
 * with growth, one night per month as the data grows, laid end to end on the simulated clock so
 * the run plays back month by month. Each night's phases come from engine/server.
 */
import { runPlatform } from '../engine/server';
import type { ServerRunReport, ServerRunSettings } from './labTypes';
import { monthGB, type ServerSettings } from './serverSettings';

export function runServerSettings(settings: ServerSettings, run: ServerRunSettings): ServerRunReport {
  const deadlineMs = run.deadlineMinutes * 60_000;
  const months = settings.growth?.months ?? 1;
  const nights: ServerRunReport['nights'] = [];
  let t = 0;
  for (let m = 1; m <= months; m++) {
    const dataGB = monthGB(settings, m);
    const night = runPlatform(settings.platform, dataGB);
    // Milliseconds on the clock (the kernel's resolution is a microsecond; a night needs no finer than a ms).
    const ms = Math.max(1, Math.round(night.totalS * 1000));
    nights.push({
      month: settings.growth ? m : null,
      dataGB,
      startMs: t,
      endMs: t + ms,
      run: night,
      meets: ms <= deadlineMs,
    });
    t += ms;
  }
  const miss = nights.findIndex((n) => !n.meets);
  return { kind: 'server', simulatedMs: t, deadlineMs, nights, firstMiss: miss < 0 ? null : miss };
}
