// A job report's long lists sent ahead of it in parts, and put back on the page (through the
// engine client: engineClient.test.ts).
import { describe, expect, it } from 'vitest';
import type { JobRunReport } from '../../engine/api';
import { PART_ITEMS, addPart, sendListsAhead, withParts, type PartItems, type PartedList } from './reportParts';

function report(traceLength: number, attemptsLength: number): JobRunReport {
  return {
    kind: 'mapreduce',
    result: [['a', 1]],
    simulatedMs: 12,
    metrics: {} as JobRunReport['metrics'],
    attempts: Array.from({ length: attemptsLength }, (_, i) => ({ index: i })) as unknown as JobRunReport['attempts'],
    trace: Array.from({ length: traceLength }, (_, t) => ({ t, type: 'x' })) as unknown as JobRunReport['trace'],
    snapshots: [],
    generatedInputs: [],
  };
}

/** What crossing postMessage does to each message: a structured clone, moving the buffers transferred. */
function send(whole: JobRunReport | null): {
  parts: { list: PartedList; items: PartItems }[];
  rest: JobRunReport | null;
} {
  const parts: { list: PartedList; items: PartItems }[] = [];
  const rest = sendListsAhead(whole, (list, items, transfer) => {
    parts.push(structuredClone({ list, items }, { transfer }));
    // Transferred: the sender's buffers are left empty.
    for (const buffer of transfer) expect(buffer.byteLength).toBe(0);
  });
  return { parts, rest: structuredClone(rest) };
}

describe('sendListsAhead and withParts', () => {
  it('sends the lists longer than PART_ITEMS in parts, and puts them back in order', () => {
    const whole = report(3 * PART_ITEMS + 5, PART_ITEMS + 1);
    const { parts, rest } = send(whole);
    // Packed: no part goes as a list of objects.
    expect(parts.every((p) => !Array.isArray(p.items))).toBe(true);
    let received;
    for (const p of parts) received = addPart(received, p.list, p.items) || undefined;
    expect(Object.values(received!).flatMap((list) => list.map((items) => `${items.length}`))).toEqual([
      `${PART_ITEMS}`,
      `${PART_ITEMS}`,
      `${PART_ITEMS}`,
      '5',
      `${PART_ITEMS}`,
      '1',
    ]);
    expect(rest!.trace).toEqual([]);
    expect(rest!.attempts).toEqual([]);
    expect(withParts(rest, received)).toEqual(whole);
  });

  it('sends a part whose rows cannot be packed as the list it is', () => {
    const whole = report(PART_ITEMS + 2, 0);
    (whole.trace as unknown[])[PART_ITEMS + 1] = Object.assign(Object.create(null) as object, { t: 1, type: 'x' });
    const { parts, rest } = send(whole);
    expect(parts.map((p) => Array.isArray(p.items))).toEqual([false, true]);
    let received;
    for (const p of parts) received = addPart(received, p.list, p.items) || undefined;
    expect(withParts(rest, received)!.trace).toEqual(whole.trace);
  });

  it('leaves short lists in the report, and a report without parts as it is', () => {
    const whole = report(PART_ITEMS, 3);
    const { parts, rest } = send(whole);
    expect(parts).toEqual([]);
    expect(rest).toEqual(whole);
    expect(withParts(rest, undefined)).toBe(rest);
    expect(sendListsAhead(null, () => {})).toBeNull();
  });

  it('takes no part of another list, nor one that is not a list', () => {
    expect(addPart(undefined, 'snapshots', [1])).toBe(false);
    expect(addPart(undefined, 'trace', 'x')).toBe(false);
    expect(addPart(undefined, 'trace', { strings: [], numbers: new Float64Array(0) })).toBe(false);
  });
});
