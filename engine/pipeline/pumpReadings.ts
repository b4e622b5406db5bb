/**
 * Pumps' readings for machine learning in production (Cookbook 22.3–22.7): each event is one
 * pump's reading, the load it runs at (a share of its capacity) and the power it draws. A healthy
 * pump draws a base power plus a power per unit of load, both its own (machines differ by up to
 * ±10%); wear makes a worn pump draw more for the same load, more and more as the hours pass.
 * Measurement noise is Gaussian. A model fit on the healthy pumps stops fitting once they wear.
 */
import type { Rng } from '../core';

/** A typical pump: 5 kW idle, 30 kW more at full load, readings within about 1 kW. */
export const BASE_KW = 5;
export const KW_PER_LOAD = 30;
export const NOISE_KW = 1;
export const MIN_LOAD = 0.2;

export interface PumpFleet {
  base: Float64Array;
  perLoad: Float64Array;
  /** Whether each pump wears (the first `wearingKeys`, or all). */
  wears: Uint8Array;
}

export function pumpFleet(keys: number, wearingKeys: number, rng: Rng): PumpFleet {
  const base = new Float64Array(keys);
  const perLoad = new Float64Array(keys);
  const wears = new Uint8Array(keys);
  for (let k = 0; k < keys; k++) {
    base[k] = BASE_KW * (0.9 + 0.2 * rng.next());
    perLoad[k] = KW_PER_LOAD * (0.9 + 0.2 * rng.next());
    wears[k] = wearingKeys === 0 || k < wearingKeys ? 1 : 0;
  }
  return { base, perLoad, wears };
}

/** A standard normal number (Box–Muller). */
function gaussian(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** How much more power per unit of load pump `key` draws at `t` (0 while healthy). */
export function wearAt(fleet: PumpFleet, key: number, t: number, wearFromMs: number, wearPerHour: number): number {
  return fleet.wears[key] ? (wearPerHour * Math.max(0, t - wearFromMs)) / 3_600_000 : 0;
}

export function pumpReading(
  fleet: PumpFleet,
  key: number,
  t: number,
  wear: { fromMs: number; perHour: number },
  rng: Rng,
): { load: number; power: number } {
  const load = MIN_LOAD + (1 - MIN_LOAD) * rng.next();
  const w = wearAt(fleet, key, t, wear.fromMs, wear.perHour);
  const power = fleet.base[key]! + fleet.perLoad[key]! * (1 + w) * load + NOISE_KW * gaussian(rng);
  return { load, power };
}
