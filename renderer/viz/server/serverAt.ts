/**
 * A server step's run at a playback instant: which night (month) is running, which of its phases
 * (a Hadoop job's start-up, the SAN's refresh, the ETL), how far into it, and how much of each
 * resource's work is done. The phases are pipelined, so every resource of a phase advances at
 * the same share of its own time. Pure: the pictures and the figures' lights read it.
 */
import { fixed, numberFormat } from '../../i18n/numberFormat';
import type { PlatformPhase, Resource } from '../../../engine/server';
import type { ServerNight, ServerRunReport } from '../../../labs/labTypes';

export interface ServerInstant {
  nightIndex: number;
  night: ServerNight;
  /** The phase at work at this instant; null once the night is over (the run's end). */
  phase: PlatformPhase | null;
  /** Seconds since the night began. */
  elapsedS: number;
  /** Each phase of the night: the share of it done (0 to 1). */
  phaseDone: number[];
  /** Nights that have ended by this instant. */
  nightsDone: number;
}

/** The night running at `t` (ms on the run's clock), or the last one at and after the end. */
export function serverAt(report: ServerRunReport, t: number): ServerInstant {
  const nights = report.nights;
  let i = nights.findIndex((n) => t < n.endMs);
  if (i < 0) i = nights.length - 1;
  const night = nights[i]!;
  const elapsedS = Math.max(0, Math.min(t, night.endMs) - night.startMs) / 1000;
  const over = t >= night.endMs;
  const phases = night.run.phases;
  const phaseDone = phases.map((p) =>
    over ? 1 : Math.max(0, Math.min(1, p.endS > p.startS ? (elapsedS - p.startS) / (p.endS - p.startS) : 1)),
  );
  const phase = over ? null : (phases.find((p) => elapsedS >= p.startS && elapsedS < p.endS) ?? null);
  const nightsDone = nights.filter((n) => n.endMs <= t).length;
  return { nightIndex: i, night, phase, elapsedS, phaseDone, nightsDone };
}

/** The work of `resource` done in a phase that is `done` (0 to 1) through: seconds. */
export function resourceDoneS(phase: PlatformPhase, resource: Resource, done: number): number {
  return phase.seconds[resource] * done;
}

/** Times on the run's clock where something starts or ends (for "Step ›"). */
export function serverEventTimes(report: ServerRunReport): number[] {
  const out = new Set<number>();
  for (const n of report.nights) {
    out.add(n.startMs);
    for (const p of n.run.phases) out.add(n.startMs + Math.round(p.endS * 1000));
    out.add(n.endMs);
  }
  return [...out].filter((t) => t <= report.simulatedMs).sort((a, b) => a - b);
}

/**
 * Minutes as the pictures show them and the lab's checks say them (labs/scale-up-vs-out/checks
 * `minutes`): tenths below a minute, whole minutes from one on ("0.4 min", "5 min", "13 min"), in
 * the page's number format. Until 2026-12-07 a night under ten minutes read "5.3 min" on the page
 * while the check beside it said "5 min".
 */
export function minutesText(seconds: number): string {
  const m = seconds / 60;
  // Not grouped, as the checks print it: "1500 min", not "1,500 min".
  return m < 1
    ? `${numberFormat({ maximumFractionDigits: 1 }).format(Math.round(m * 10) / 10)} min`
    : `${fixed(Math.round(m), 0)} min`;
}

/**
 * Minutes with their tenth, for a resource's work under way ("0.6 min of 1.3 min"): in whole
 * minutes a bar of 1.3 min read "1 min of 1 min" before it was done.
 */
export function minutesTenthsText(seconds: number): string {
  return `${fixed(Math.round(seconds / 6) / 10, 1)} min`;
}

/** "2,048 GB": the lab speaks GB throughout. */
export function gbText(gb: number): string {
  return `${numberFormat().format(Number(gb.toPrecision(6)))} GB`;
}
