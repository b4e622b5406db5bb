// Lists of plain objects packed by column, across a structured clone with their buffers
// transferred, and back: the same rows, keys in the same order, values the same (Object.is).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packRows, unpackRows, type PackedRows } from './packedRows';

/** Packs, crosses postMessage (a structured clone moving the transferred buffers) and unpacks. */
function roundTrip(rows: unknown[]): Record<string, unknown>[] | null {
  const packed = packRows(rows);
  if (packed === null) return null;
  const crossed = structuredClone(packed.packed, { transfer: packed.transfer });
  expect(packed.transfer.every((b) => b.byteLength === 0)).toBe(true);
  return unpackRows(crossed);
}

/** Deep equality that also tells -0 from 0 and checks each object's key order. */
function expectSame(actual: unknown, expected: unknown): void {
  expect(actual).toStrictEqual(expected);
  const walk = (a: unknown, e: unknown): void => {
    if (typeof e === 'number') expect(Object.is(a, e)).toBe(true);
    if (typeof e !== 'object' || e === null) return;
    expect(Object.keys(a as object)).toEqual(Object.keys(e));
    for (const k of Object.keys(e)) walk((a as Record<string, unknown>)[k], (e as Record<string, unknown>)[k]);
  };
  walk(actual, expected);
}

const traceLike = [
  { t: 0, type: 'blockAllocated', block: 1, path: '/data/a', replicas: ['n1', 'n2'], writer: null, pipelineMs: 0.706 },
  { t: 0.5, type: 'taskStarted', task: 'task_1', node: 'n1', speculative: false },
  { t: 1, type: 'blockAllocated', block: 2, path: '/data/a', replicas: ['n3', 'n2'], writer: 'n9', pipelineMs: -0 },
  { t: 2, type: 'taskFinished', task: 'task_1', ms: Number.NaN, cost: { read: 1, write: Infinity, note: 'x' } },
  { t: 3, type: 'taskFinished', task: 'task_2', ms: -Infinity, cost: { read: 2, write: 3, note: '' } },
  { type: 'other', t: 4, '1': 'index-like key', 'é ü': '☃', missing: undefined },
];

describe('packRows and unpackRows', () => {
  it('give back rows of many shapes and value kinds, keys in order, -0 and NaN kept', () => {
    expectSame(roundTrip(traceLike), traceLike);
    expectSame(roundTrip([]), []);
  });

  it('pack a column whose values change kind as a plain list, and still give the rows back', () => {
    const rows = [
      { a: 1, b: 'x', c: { d: 1 } },
      { a: 'two', b: 2, c: [1] },
      { a: 3, b: 'y', c: { d: 2, e: 3 } },
    ];
    expectSame(roundTrip(rows), rows);
  });

  it('tell apart key lists that only a separator character could confuse', () => {
    const rows = [
      { a: 1, b: 2 },
      { 'a\u0000b': 3 },
      { type: 'x', counters: { 'a\u0000b': 4 } },
      { type: 'x', counters: { a: 5, b: 6 } },
    ];
    expectSame(roundTrip(rows), rows);
    expectSame(roundTrip([...rows].reverse()), [...rows].reverse());
  });

  it('refuse a list with a row that is not a plain object', () => {
    class Event {
      t = 1;
    }
    for (const bad of [new Event(), [1], null, 3, Object.create(null) as object, new Date(0)])
      expect(packRows([{ t: 0 }, bad])).toBeNull();
  });

  it('refuse an own __proto__ key at the top, and clone a nested object that has one as it is', () => {
    const own = JSON.parse('{"__proto__": 1, "t": 0}') as object;
    expect(packRows([own])).toBeNull();
    const rows = [{ t: 0, counters: JSON.parse('{"__proto__": {"x": 1}}') as object }];
    const back = roundTrip(rows)!;
    expectSame(back, rows);
    expect(Object.getPrototypeOf(back[0]!.counters)).toBe(Object.prototype);
  });

  it('give back any list of plain objects (property)', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(
        fc.double(),
        fc.integer(),
        fc.string(),
        fc.constantFrom(null, undefined, true, false, -0),
        fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
      ),
      value: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('object')),
      object: fc.dictionary(fc.constantFrom('t', 'type', 'a', 'b', 'node', '0'), tie('value'), {
        maxKeys: 5,
        noNullPrototype: true,
      }),
    }));
    fc.assert(
      fc.property(fc.array(value.object, { maxLength: 40 }), (rows) => {
        const back = roundTrip(rows);
        expect(back).not.toBeNull();
        expectSame(back, rows);
      }),
      { numRuns: 300 },
    );
  });

  it('read nothing from what packRows did not make', () => {
    const good = packRows(traceLike)!.packed;
    const broken: ((p: PackedRows) => unknown)[] = [
      () => null,
      () => 'rows',
      (p) => ({ ...p, numbers: [1, 2] }),
      (p) => ({ ...p, indices: new Float64Array(p.indices) }),
      (p) => ({ ...p, strings: [...p.strings, 7] }),
      (p) => ({ ...p, strings: p.strings.slice(0, 2) }),
      (p) => ({ ...p, numbers: p.numbers.subarray(0, 3) }),
      (p) => ({ ...p, table: { ...p.table, count: p.table.count + 1 } }),
      (p) => ({ ...p, table: { ...p.table, count: -1 } }),
      (p) => ({ ...p, table: { ...p.table, shapes: p.table.shapes.slice(1) } }),
      (p) => ({ ...p, table: { ...p.table, shapes: p.table.shapes.map((k) => [...k, '__proto__']) } }),
      (p) => ({ ...p, table: { ...p.table, shapesAt: p.indices.length } }),
      (p) => ({ ...p, table: { ...p.table, columns: p.table.columns.map((c) => c.slice(1)) } }),
      (p) => ({ ...p, table: { ...p.table, columns: p.table.columns.map((c) => c.map(() => ({ kind: 'x' }))) } }),
      (p) => ({
        ...p,
        table: { ...p.table, columns: p.table.columns.map((c) => c.map(() => ({ kind: 'number', at: 1e9 }))) },
      }),
      (p) => ({
        ...p,
        table: { ...p.table, columns: p.table.columns.map((c) => c.map(() => ({ kind: 'values', values: [] }))) },
      }),
      (p) => ({
        ...p,
        table: {
          ...p.table,
          columns: p.table.columns.map((c) => c.map(() => ({ kind: 'rows', table: { ...p.table, count: 0 } }))),
        },
      }),
      // A hole in the string table; a shape naming one key twice.
      (p) => {
        const strings = [...p.strings];
        delete strings[1];
        return { ...p, strings };
      },
      (p) => ({ ...p, table: { ...p.table, shapes: p.table.shapes.map((k) => [k[0]!, ...k]) } }),
    ];
    for (const make of broken) expect(unpackRows(make(structuredClone(good)))).toBeNull();
    // The untouched form still reads.
    expectSame(unpackRows(structuredClone(good)), traceLike);
  });

  it('refuse a table or column met twice (a shared one would be read once per path to it)', () => {
    const keys = Array.from({ length: 20 }, (_, i) => `k${i}`);
    let table: unknown = { count: 1, shapes: [['v']], shapesAt: -1, columns: [[{ kind: 'values', values: [1] }]] };
    for (let depth = 0; depth < 4; depth++) {
      const column = { kind: 'rows', table };
      table = { count: 1, shapes: [keys], shapesAt: -1, columns: [keys.map(() => column)] };
    }
    expect(unpackRows({ strings: [], numbers: new Float64Array(0), indices: new Int32Array(0), table })).toBeNull();
  });

  it('size their arrays for the part at once, and hand over no more than twice what they fill', () => {
    // A trace part of one shape: five numbers and two strings a row fill the room made from the first rows exactly.
    const part = Array.from({ length: 8192 }, (_, i) => ({
      t: i,
      type: 'taskStarted',
      a: 1,
      b: 2,
      c: 3,
      d: 4,
      s: 'x',
    }));
    const even = packRows(part)!.packed;
    expect(even.numbers.length).toBe(5 * 8192);
    expect(even.numbers.buffer.byteLength).toBe(even.numbers.byteLength);
    // The first row far wider than the rest: the room comes from the narrowest sampled row, and
    // what crosses holds the numbers written and at most as many again.
    const wide = { t: 0, type: 'wide', ...Object.fromEntries(Array.from({ length: 199 }, (_, i) => [`k${i}`, i])) };
    const uneven = packRows([wide, ...part.slice(1)])!.packed;
    expect(uneven.numbers.length).toBe(200 + 5 * 8191);
    expect(uneven.numbers.buffer.byteLength).toBeLessThanOrEqual(2 * uneven.numbers.byteLength);
    expectSame(roundTrip([wide, ...part.slice(1)]), [wide, ...part.slice(1)]);
  });
});
