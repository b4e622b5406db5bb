/**
 * The streaming-delivery lab's records, generated from fixed seeds (the same bytes on every
 * machine), one JSON object a line, each with its own `id` the delivery ledger follows:
 * - car GPS positions (Cookbook 12.2): a car reports where it is every 5 s; a position's id is
 *   the car and its timestamp, so writing it twice overwrites the same row;
 * - engine misfires (Cookbook 12.3): events a car's engine reports now and then;
 * - card payments (Cookbook 12.4): engine/datasets cardPayments.
 */
import { createRng } from '../../engine/core';
import { cardPayments } from '../../engine/datasets';

export const GPS_CARS = 12;
export const GPS_POSITIONS = 240;
export const MISFIRES = 150;
export const PAYMENTS = 200;
/** 2026-03-01T08:00:00Z, in seconds: when the cars start reporting. */
const START_S = 1_772_352_000;

const lines = (records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const car = (n: number) => `car-${String(n).padStart(2, '0')}`;

export function gpsPositionsText(): string {
  const rng = createRng(1202);
  const out: object[] = [];
  for (let i = 0; i < GPS_POSITIONS; i++) {
    const c = car(1 + (i % GPS_CARS));
    const ts = START_S + 5 * Math.floor(i / GPS_CARS);
    out.push({
      id: `${c}@${ts}`,
      car: c,
      ts,
      lat: Math.round((48.13 + rng.next() * 0.1) * 1e5) / 1e5,
      lon: Math.round((11.52 + rng.next() * 0.1) * 1e5) / 1e5,
    });
  }
  return lines(out);
}

export function misfiresText(): string {
  const rng = createRng(1203);
  const out: object[] = [];
  let ts = START_S;
  for (let i = 1; i <= MISFIRES; i++) {
    ts += 1 + rng.int(20);
    out.push({ id: `misfire-${i}`, car: car(1 + rng.int(GPS_CARS)), ts, cylinder: 1 + rng.int(4) });
  }
  return lines(out);
}

export function paymentsText(): string {
  return lines(cardPayments(PAYMENTS, { seed: 1204 }));
}

export const FLEET_CARS = 8;
/** Rounds of positions (one per car every 5 s): two minutes of driving. */
export const FLEET_ROUNDS = 24;
export const FLEET_POSITIONS = FLEET_CARS * FLEET_ROUNDS;
/** The longest a position waits in a tunnel before it is sent (s). */
export const FLEET_MAX_DELAY_S = 30;

/** Which cars drive through a tunnel, from which round to which (a round is 5 s), at most six rounds long. */
export type Tunnels = Readonly<Record<number, readonly [number, number]>>;
/** The tunnels of the step's run. */
export const SHOWN_TUNNELS: Tunnels = { 2: [3, 8], 5: [9, 12], 7: [12, 17] };

/**
 * A practice attempt's tunnels (labs/practiceSeed.ts): three cars drawn from the seed, the first
 * in a tunnel for six rounds (the step's longest wait, FLEET_MAX_DELAY_S, stays true), the others
 * for three to six, each out of its tunnel by round 17 as in the step's own.
 */
export function fleetTunnelsFor(seed: number): Tunnels {
  const rng = createRng(seed);
  const cars = Array.from({ length: FLEET_CARS }, (_, i) => i + 1);
  const tunnels: Record<number, readonly [number, number]> = {};
  for (let k = 0; k < 3; k++) {
    const n = cars.splice(rng.int(cars.length), 1)[0]!;
    const rounds = k === 0 ? 6 : 3 + rng.int(4);
    const start = 1 + rng.int(18 - rounds);
    tunnels[n] = [start, start + rounds - 1];
  }
  return tunnels;
}

/** `yyyy-MM-dd HH:mm:ss.SSS`, UTC, as the cars write the time a position was taken. */
const timestampText = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

/**
 * Car positions for the windows step (Cookbook 12.2, 25.2): car n reports every 5 s, (n - 1) × 0.6 s
 * into each 5-second slot, with the time the position was taken (`ts`, UTC) and when it is sent
 * (`sentAfterMs`, from the start of the run). A car in a tunnel sends the positions it took there
 * together when it comes out, with its next position: up to FLEET_MAX_DELAY_S late. Sorted by
 * when they are sent.
 */
export function fleetPositionsText(tunnels: Tunnels = SHOWN_TUNNELS, seed = 1205): string {
  const rng = createRng(seed);
  const out: { sentAfterMs: number; round: number; car: number; line: object }[] = [];
  for (let round = 0; round < FLEET_ROUNDS; round++)
    for (let n = 1; n <= FLEET_CARS; n++) {
      const c = car(n);
      const takenMs = 5000 * round + (n - 1) * 600;
      const tunnel = tunnels[n];
      const inside = tunnel !== undefined && round >= tunnel[0] && round <= tunnel[1];
      const sentAfterMs = inside ? 5000 * (tunnel[1] + 1) + (n - 1) * 600 : takenMs;
      const ts = timestampText(START_S * 1000 + takenMs);
      out.push({
        sentAfterMs,
        round,
        car: n,
        line: {
          id: `${c}@${ts}`,
          car: c,
          ts,
          lat: Math.round((48.13 + rng.next() * 0.1) * 1e5) / 1e5,
          lon: Math.round((11.52 + rng.next() * 0.1) * 1e5) / 1e5,
          sentAfterMs,
        },
      });
    }
  out.sort((a, b) => a.sentAfterMs - b.sentAfterMs || a.round - b.round || a.car - b.car);
  return lines(out.map((o) => o.line));
}
