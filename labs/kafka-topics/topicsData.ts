/**
 * The kafka-topics lab's records (Cookbook 21, 24.1): temperature readings of the machines on a
 * factory floor, one JSON object a line, generated from a fixed seed. Each reading carries its own
 * id (the ledger follows it into the store) and its machine's sequence number, so the order in
 * which a machine's readings were stored can be checked.
 */
import { createRng } from '../../engine/core';

export const MACHINES = 10;
export const READINGS_PER_MACHINE = 30;
export const READINGS = MACHINES * READINGS_PER_MACHINE;
/** 2026-03-02T06:00:00Z, in seconds: when the shift starts. */
const START_S = 1_772_431_200;

export interface Reading {
  id: string;
  machine: string;
  seq: number;
  ts: number;
  celsius: number;
}

export function readingsText(): string {
  const rng = createRng(2101);
  const out: string[] = [];
  for (let seq = 1; seq <= READINGS_PER_MACHINE; seq++)
    for (let m = 1; m <= MACHINES; m++) {
      const machine = `m${String(m).padStart(2, '0')}`;
      const reading: Reading = {
        id: `${machine}-${seq}`,
        machine,
        seq,
        ts: START_S + seq * 2,
        celsius: Math.round((60 + 15 * rng.next()) * 10) / 10,
      };
      out.push(JSON.stringify(reading));
    }
  return `${out.join('\n')}\n`;
}
