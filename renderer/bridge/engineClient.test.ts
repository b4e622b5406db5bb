// The engine client's Stop, with a fake Worker: the run's promise settles at once, the engine
// worker is asked to stop it, and a worker that does not acknowledge (busy in a synchronous
// simulation) is terminated and replaced, so the next run goes to a fresh worker.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EngineClient, RunStoppedError, STOP_ACK_MS } from './engineClient';
import type { FromEngine, ToEngine } from './engineProtocol';
import { PART_ITEMS, sendListsAhead } from './reportParts';
import { runsComputing, whenRunsIdle } from './runActivity';
import { onWarmUpReport } from './warmUpViews';
import { packRows } from './packedRows';
import type { JobRunReport } from '../../engine/api';

class FakeWorker {
  static all: FakeWorker[] = [];
  sent: ToEngine[] = [];
  terminated = false;
  onmessage: ((event: { data: FromEngine }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(message: ToEngine) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: FromEngine) {
    this.onmessage?.({ data: message });
  }
}

const STEP = { labId: 'lab', stepIndex: 0, source: 'x', faults: [], timeLimitSeconds: 30 };

describe('EngineClient.stop', () => {
  beforeEach(() => {
    FakeWorker.all = [];
    vi.stubGlobal('Worker', FakeWorker);
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('stops the run at once; an acknowledging worker is kept', async () => {
    const client = new EngineClient();
    const worker = FakeWorker.all[0]!;
    const progress: string[] = [];
    const run = client.runStep(STEP, (p) => progress.push(`${p.phase} ${p.done}/${p.total}`));
    const id = worker.sent[0]!.id;
    worker.reply({
      id,
      type: 'progress',
      fraction: 0.5,
      progress: { phase: 'map', done: 4, total: 9, run: 1, runs: 1, runLabel: null },
    });
    expect(progress).toEqual(['map 4/9']);
    client.stop();
    await expect(run).rejects.toBeInstanceOf(RunStoppedError);
    await expect(run).rejects.toThrow('Run stopped.');
    expect(worker.sent.at(-1)).toEqual({ type: 'stop', id });
    worker.reply({ id, type: 'stopAck' });
    vi.advanceTimersByTime(STOP_ACK_MS * 4);
    expect(worker.terminated).toBe(false);
    expect(client.starts).toBe(1);
    // A late answer of the stopped run is ignored.
    worker.reply({ id, type: 'failed', message: 'late' });
  });

  it('replaces a worker that does not acknowledge; requests it had not answered go to the new one', async () => {
    const client = new EngineClient();
    const busy = FakeWorker.all[0]!;
    const demo = client.runDemo(1);
    const run = client.runStep(STEP);
    client.stop();
    await expect(run).rejects.toBeInstanceOf(RunStoppedError);
    // The learner presses Run again at once, while the old worker is still busy.
    const next = client.runStep({ ...STEP, source: 'fixed' });
    vi.advanceTimersByTime(STOP_ACK_MS - 1);
    expect(busy.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(busy.terminated).toBe(true);
    expect(client.starts).toBe(2);
    const fresh = FakeWorker.all[1]!;
    // The demo (not stopped by Stop) and the new run are sent to the fresh worker; the stopped run is not.
    expect(fresh.sent.map((m) => m.type)).toEqual(['runDemo', 'runStep']);
    const message = fresh.sent[1]!;
    expect(message).toMatchObject({ type: 'runStep', source: 'fixed' });
    fresh.reply({
      id: message.id,
      type: 'stepDone',
      result: { outcome: { passed: true } as never, nodes: [], faults: [], streamFaults: [] },
    });
    await expect(next).resolves.toMatchObject({ outcome: { passed: true } });
    fresh.reply({ id: fresh.sent[0]!.id, type: 'demoReady', run: { durationMs: 1 } as never });
    await expect(demo).resolves.toMatchObject({ durationMs: 1 });
  });

  it('does nothing when no run is going on', () => {
    const client = new EngineClient();
    client.stop();
    vi.advanceTimersByTime(STOP_ACK_MS * 2);
    expect(FakeWorker.all[0]!.sent).toEqual([]);
    expect(client.starts).toBe(1);
  });
});

describe('EngineClient, console and a dying engine worker', () => {
  beforeEach(() => {
    FakeWorker.all = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('hands the console lines of a run to its listener as they come', async () => {
    const client = new EngineClient();
    const worker = FakeWorker.all[0]!;
    const seen: string[] = [];
    const run = client.runJob({} as never, undefined, (lines, dropped) => seen.push(`${lines.join('|')} +${dropped}`));
    const id = worker.sent[0]!.id;
    worker.reply({ id, type: 'console', lines: ['a', 'b'], dropped: 0 });
    worker.reply({ id, type: 'console', lines: ['c'], dropped: 5 });
    // Another request's lines are not this run's.
    worker.reply({ id: id + 1, type: 'console', lines: ['other'], dropped: 0 });
    expect(seen).toEqual(['a|b +0', 'c +5']);
    worker.reply({ id, type: 'jobDone', result: { report: null, error: null, nodes: [], faults: [], console: ['a'] } });
    await expect(run).resolves.toMatchObject({ console: ['a'] });
  });

  it('puts back a job report’s lists sent ahead of it in parts; another request’s parts stay out of it', async () => {
    const client = new EngineClient();
    const worker = FakeWorker.all[0]!;
    const run = client.runJob({} as never);
    const id = worker.sent[0]!.id;
    const whole = {
      kind: 'mapreduce',
      trace: Array.from({ length: 2 * PART_ITEMS + 7 }, (_, t) => ({ t, type: 'x' })),
      attempts: Array.from({ length: 10 }, (_, index) => ({ index })),
    } as unknown as JobRunReport;
    const rest = sendListsAhead(whole, (list, items) => {
      worker.reply({ id, type: 'reportPart', list, items });
      worker.reply({ id: id + 1, type: 'reportPart', list, items: [{ stray: true }] });
    });
    worker.reply({ id, type: 'jobDone', result: { report: rest, error: null, nodes: [], faults: [] } });
    expect((await run).report).toEqual(whole);
  });

  it('hands each warm-up report, its parts put back, to the views (warmUpViews.ts), and nothing to a run', async () => {
    const client = new EngineClient();
    const worker = FakeWorker.all[0]!;
    const seen: JobRunReport[] = [];
    const off = onWarmUpReport((report) => seen.push(report));
    const whole = {
      kind: 'mapreduce',
      trace: Array.from({ length: 30 }, (_, t) => ({ t, type: 'x' })),
      attempts: Array.from({ length: 10 }, (_, index) => ({ index })),
    } as unknown as JobRunReport;
    for (let round = 0; round < 2; round++) {
      for (const list of ['trace', 'attempts'] as const) {
        const packed = packRows(whole[list].slice());
        worker.reply({ id: 0, type: 'warmUpPart', list, items: packed!.packed });
      }
      worker.reply({ id: 0, type: 'warmUpReport', report: { ...whole, trace: [], attempts: [] } });
    }
    off();
    expect(seen).toEqual([whole, whole]);
    // A run's answer after the warm-up is its own.
    const run = client.runJob({} as never);
    worker.reply({
      id: worker.sent[0]!.id,
      type: 'jobDone',
      result: { report: null, error: null, nodes: [], faults: [] },
    });
    expect((await run).report).toBeNull();
  });

  it('fails the waiting runs with a message naming memory when the worker dies, and starts a fresh one', async () => {
    const client = new EngineClient();
    const dead = FakeWorker.all[0]!;
    const run = client.runStep(STEP);
    let prevented = false;
    dead.onerror?.({ message: '', preventDefault: () => (prevented = true) });
    await expect(run).rejects.toThrow(/stopped unexpectedly: most likely the run used too much memory/);
    expect(prevented).toBe(true);
    expect(dead.terminated).toBe(true);
    expect(client.starts).toBe(2);
    // The next run goes to the fresh worker and is answered.
    const next = client.runStep({ ...STEP, source: 'fixed' });
    const fresh = FakeWorker.all[1]!;
    expect(fresh.sent.map((m) => m.type)).toEqual(['runStep']);
    fresh.reply({
      id: fresh.sent[0]!.id,
      type: 'stepDone',
      result: { outcome: { passed: true } as never, nodes: [], faults: [], streamFaults: [] },
    });
    await expect(next).resolves.toMatchObject({ outcome: { passed: true } });
  });
});

describe("EngineClient, the page's own deadline", () => {
  beforeEach(() => {
    FakeWorker.all = [];
    vi.stubGlobal('Worker', FakeWorker);
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('ends a run past its deadline with its message, and replaces a worker stuck simulating', async () => {
    const client = new EngineClient();
    const stuck = FakeWorker.all[0]!;
    const run = client.runStep(STEP, undefined, undefined, { ms: 3_000, error: () => new Error('too long') });
    const id = stuck.sent[0]!.id;
    vi.advanceTimersByTime(2_999);
    expect(stuck.sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    await expect(run).rejects.toThrow('too long');
    expect(stuck.sent.at(-1)).toEqual({ type: 'stop', id });
    vi.advanceTimersByTime(STOP_ACK_MS);
    expect(stuck.terminated).toBe(true);
    expect(client.starts).toBe(2);
  });

  it('a run answered in time is not touched by its deadline', async () => {
    const client = new EngineClient();
    const worker = FakeWorker.all[0]!;
    const run = client.runStep(STEP, undefined, undefined, { ms: 3_000, error: () => new Error('too long') });
    worker.reply({
      id: worker.sent[0]!.id,
      type: 'stepDone',
      result: { outcome: { passed: true } as never, nodes: [], faults: [], streamFaults: [] },
    });
    await expect(run).resolves.toMatchObject({ outcome: { passed: true } });
    vi.advanceTimersByTime(10_000);
    expect(worker.sent).toHaveLength(1);
    expect(client.starts).toBe(1);
  });
});

describe('EngineClient with the desktop sandbox processes', () => {
  beforeEach(() => {
    FakeWorker.all = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('tells the engine worker to use them, relays its slots, their ports and ends, and closes them with it', () => {
    const host = {
      opened: [] as number[],
      closed: [] as number[],
      port: (_slot: number, _port: MessagePort) => {},
      exit: (_e: { slot: number; why: string }) => {},
      open(slot: number) {
        this.opened.push(slot);
      },
      close(slot: number) {
        this.closed.push(slot);
      },
      listen(port: (slot: number, port: MessagePort) => void, exit: (e: { slot: number; why: string }) => void) {
        this.port = port;
        this.exit = exit;
      },
    };
    const client = new EngineClient(host);
    const worker = FakeWorker.all[0]!;
    expect(worker.sent[0]).toEqual({ id: 0, type: 'useSandboxProcesses', firstSlot: 1_000_000 });
    worker.reply({ id: 0, type: 'sandboxOpen', slot: 1_000_000 });
    worker.reply({ id: 0, type: 'sandboxOpen', slot: 1_000_001 });
    expect(host.opened).toEqual([1_000_000, 1_000_001]);
    let closedPorts = 0;
    const fakePort = { close: () => closedPorts++ } as unknown as MessagePort;
    host.port(1_000_000, fakePort);
    host.port(42, fakePort); // a slot this worker never opened: its port is closed
    expect(worker.sent.slice(1)).toEqual([{ id: 0, type: 'sandboxPort', slot: 1_000_000 }]);
    expect(closedPorts).toBe(1);
    host.exit({ slot: 1_000_000, why: 'it used more than its memory limit of 1,024 MB' });
    expect(worker.sent.at(-1)).toEqual({
      id: 0,
      type: 'sandboxExit',
      slot: 1_000_000,
      why: 'it used more than its memory limit of 1,024 MB',
    });
    client.dispose();
    expect(host.closed).toEqual([1_000_001]);
  });
});

describe('EngineClient and runActivity', () => {
  beforeEach(() => {
    FakeWorker.all = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('counts the runs under way (not demos) until each answers or is stopped', async () => {
    const client = new EngineClient();
    const worker = FakeWorker.all[0]!;
    expect(runsComputing()).toBe(false);
    const demo = client.runDemo(1);
    expect(runsComputing()).toBe(false);
    const first = client.runStep(STEP);
    const second = client.runStep({ ...STEP, source: 'y' });
    expect(runsComputing()).toBe(true);
    let idle = false;
    void whenRunsIdle().then(() => (idle = true));
    worker.reply({ id: worker.sent[1]!.id, type: 'failed', message: 'one' });
    await expect(first).rejects.toThrow('one');
    expect(runsComputing()).toBe(true);
    expect(idle).toBe(false);
    client.stop();
    await expect(second).rejects.toBeInstanceOf(RunStoppedError);
    expect(runsComputing()).toBe(false);
    await Promise.resolve();
    expect(idle).toBe(true);
    worker.reply({ id: worker.sent[0]!.id, type: 'failed', message: 'demo' });
    await expect(demo).rejects.toThrow('demo');
  });

  it("counts each client's runs: one client's run ending does not end another's", async () => {
    const one = new EngineClient();
    const two = new EngineClient();
    const [w1, w2] = [FakeWorker.all[0]!, FakeWorker.all[1]!];
    const a = one.runStep(STEP);
    const b = two.runStep(STEP);
    w1.reply({ id: w1.sent[0]!.id, type: 'failed', message: 'a' });
    await expect(a).rejects.toThrow('a');
    expect(runsComputing()).toBe(true);
    w2.reply({ id: w2.sent[0]!.id, type: 'failed', message: 'b' });
    await expect(b).rejects.toThrow('b');
    expect(runsComputing()).toBe(false);
  });
});
