// The sample datasets' bytes are made once per process, and every caller gets its own copy.
import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../core';
import type * as datasets from './builtinDatasets';
import { BUILTIN_DATASETS, builtinDatasetBytes } from './builtinDatasets';

/** The first index where a and b differ, or -1 (expect's deep equality walks megabytes slowly). */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe('builtinDatasetBytes', () => {
  it.each(BUILTIN_DATASETS.map((d) => [d.path, d]))('%s: the generated text as UTF-8, a copy each time', (_, d) => {
    const text = encodeUtf8(d.generate());
    const first = builtinDatasetBytes(d);
    expect(firstDifference(first, text)).toBe(-1);
    first.fill(0); // a run that changes its copy
    const second = builtinDatasetBytes(d);
    expect(firstDifference(second, text)).toBe(-1);
    expect(second.buffer).not.toBe(first.buffer);
  });
});

describe('prepareBuiltinDatasets', () => {
  it('makes those not made yet, stops when told, and makes each once', async () => {
    // A fresh copy of the module: nothing made yet in it.
    const fresh = (await import(`./builtinDatasets?fresh=${Date.now()}`)) as typeof datasets;
    let asked = 0;
    expect(fresh.prepareBuiltinDatasets(() => ++asked > 1)).toBe(1);
    const generated: string[] = [];
    const spied = fresh.BUILTIN_DATASETS.map((d) => ({ ...d, bytes: () => (generated.push(d.path), d.bytes()) }));
    expect(fresh.prepareBuiltinDatasets()).toBe(fresh.BUILTIN_DATASETS.length - 1);
    expect(fresh.prepareBuiltinDatasets()).toBe(0);
    // Every dataset is made by now: reading one generates nothing again.
    for (const d of spied) fresh.builtinDatasetBytes(d);
    expect(generated).toEqual([]);
  });
});
