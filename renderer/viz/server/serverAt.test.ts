/** A server run at an instant, and the lights of Figures 13.1-13.3 on its clock. */
import { describe, expect, it } from 'vitest';
import { runServerSettings } from '../../../labs/runServerSettings';
import { parseServerSettings } from '../../../labs/serverSettings';
import lab from '../../../labs/scale-up-vs-out/lab';
import { litParts } from '../figures/figureLights';
import { serverLights } from '../figures/serverLights';
import { minutesTenthsText, minutesText, serverAt, serverEventTimes } from './serverAt';
import { minutes } from '../../../labs/scale-up-vs-out/checks';

const report = (i: number, which: 'starter' | 'solution' = 'solution') =>
  runServerSettings(parseServerSettings(lab.steps[i]![which]), { seed: 1, deadlineMinutes: 60 });

describe('a server run at an instant', () => {
  it('walks a growth run month by month, each resource filling at its share', () => {
    const r = report(0);
    const last = r.nights[r.nights.length - 1]!;
    const mid = (last.startMs + last.endMs) / 2;
    const at = serverAt(r, mid);
    expect(at.nightIndex).toBe(r.nights.length - 1);
    expect(at.nightsDone).toBe(r.nights.length - 1);
    expect(at.phaseDone[0]).toBeCloseTo(0.5, 3);
    expect(at.phase?.kind).toBe('etl');
    const end = serverAt(r, r.simulatedMs);
    expect(end.phase).toBeNull();
    expect(end.nightsDone).toBe(r.nights.length);
    expect(serverEventTimes(r)).toContain(last.startMs);
  });

  it('lights 13.3: the refresh on one server with the others detached, then the reports on all', () => {
    const r = report(2);
    const [refresh, etl] = r.nights[0]!.run.phases;
    const lights = serverLights('13.3', r);
    const during = (p: typeof refresh) => litParts(lights, ((p!.startS + p!.endS) / 2) * 1000);
    expect([...during(refresh)].sort()).toEqual(['detached', 'readwrite', 'san', 'server:0']);
    expect(during(etl)).toEqual(new Set(['san', 'readonly', ...Array.from({ length: 8 }, (_, i) => `server:${i}`)]));
  });

  it('lights 13.2 with the bound of the running phase, and 13.1 late only past the deadline', () => {
    const r = report(1, 'starter'); // 130 min on the base server, bounded by its disks
    const at = (m: number) => m * 60_000;
    expect(litParts(serverLights('13.2', r), at(10))).toEqual(new Set(['disk']));
    expect(litParts(serverLights('13.1', r), at(59)).has('late')).toBe(false);
    expect(litParts(serverLights('13.1', r), at(61)).has('late')).toBe(true);
    expect(litParts(serverLights('13.1', r), at(61)).has('extract')).toBe(true);
  });

  it('lights nothing of the SQL figures for a Hadoop cluster', () => {
    const r = report(3, 'starter');
    for (const f of ['13.1', '13.2', '13.3'] as const) expect(serverLights(f, r)).toEqual([]);
  });
});

describe('minutes on the server page', () => {
  it('say a night as the lab’s checks do: "5 min", not "5.3 min"', () => {
    expect(minutesText(318)).toBe('5 min');
    expect(minutesText(24)).toBe('0.4 min');
    expect(minutesText(7800)).toBe('130 min');
    for (let s = 0; s < 4000; s += 7) expect(minutesText(s), `${s} s`).toBe(minutes(s));
    // A night past 16 hours (a learner's settings may make one): not grouped, as the check prints it.
    expect(minutesText(90_000)).toBe(minutes(90_000));
    expect(minutesText(90_000)).toBe('1500 min');
  });

  it('keep the tenth for work under way: "0.6 min of 1.3 min", not "1 min of 1 min"', () => {
    expect(minutesTenthsText(78)).toBe('1.3 min');
    expect(minutesTenthsText(39)).toBe('0.7 min');
    expect(minutesTenthsText(90_000)).toBe('1500.0 min');
  });
});
