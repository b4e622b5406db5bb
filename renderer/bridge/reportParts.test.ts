// A job report's long lists sent ahead of it in parts, and put back on the page, through the
// engine client as the engine worker sends them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobRunReport } from '../../engine/api';
import { EngineClient } from './engineClient';
import type { FromEngine } from './engineProtocol';
import { PART_ITEMS, addPart, sendListsAhead, withParts, type PartedList } from './reportParts';

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

/** What crossing postMessage does to each message: a structured clone. */
function send(whole: JobRunReport | null): {
  parts: { list: PartedList; items: unknown[] }[];
  rest: JobRunReport | null;
} {
  const parts: { list: PartedList; items: unknown[] }[] = [];
  const rest = sendListsAhead(whole, (list, items) => parts.push(structuredClone({ list, items })));
  return { parts, rest: structuredClone(rest) };
}

describe('sendListsAhead and withParts', () => {
  it('sends the lists longer than PART_ITEMS in parts, and puts them back in order', () => {
    const whole = report(3 * PART_ITEMS + 5, PART_ITEMS + 1);
    const { parts, rest } = send(whole);
    expect(parts.map((p) => `${p.list} ${p.items.length}`)).toEqual([
      `trace ${PART_ITEMS}`,
      `trace ${PART_ITEMS}`,
      `trace ${PART_ITEMS}`,
      'trace 5',
      `attempts ${PART_ITEMS}`,
      'attempts 1',
    ]);
    expect(rest!.trace).toEqual([]);
    expect(rest!.attempts).toEqual([]);
    let received;
    for (const p of parts) received = addPart(received, p.list, p.items) || undefined;
    expect(withParts(rest, received)).toEqual(whole);
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
  });
});

class FakeWorker {
  static all: FakeWorker[] = [];
  sent: { id: number }[] = [];
  onmessage: ((event: { data: FromEngine }) => void) | null = null;
  onerror: unknown = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(message: { id: number }) {
    this.sent.push(message);
  }
  terminate() {}
  reply(message: FromEngine) {
    this.onmessage?.({ data: structuredClone(message) });
  }
}

describe('EngineClient.runJob with a report sent in parts', () => {
  beforeEach(() => {
    FakeWorker.all = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('resolves with the whole report; another request’s parts stay out of it', async () => {
    const client = new EngineClient();
    const worker = FakeWorker.all[0]!;
    const run = client.runJob({} as never);
    const id = worker.sent.find((m) => m.id > 0)!.id;
    const whole = report(2 * PART_ITEMS + 7, 10);
    const rest = sendListsAhead(whole, (list, items) => {
      worker.reply({ id, type: 'reportPart', list, items });
      worker.reply({ id: id + 1, type: 'reportPart', list, items: [{ stray: true }] });
    });
    worker.reply({ id, type: 'jobDone', result: { report: rest, error: null, nodes: [], faults: [] } });
    const result = await run;
    expect(result.report).toEqual(whole);
  });
});
