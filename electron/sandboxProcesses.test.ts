// The desktop app's sandbox processes, with Electron's utilityProcess, MessageChannelMain and
// web contents replaced by fakes: who may ask, what is started, how an end is reported.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_SANDBOXES,
  registerSandboxProcesses,
  SANDBOX_RESIDENT_MB,
  sandboxExitReason,
  type SandboxIpcMain,
  type SandboxPage,
  type UtilityChild,
} from './sandboxProcesses';

class FakeChild implements UtilityChild {
  static next = 100;
  readonly pid = FakeChild.next++;
  posted: { message: unknown; transfer?: unknown[] }[] = [];
  killed = false;
  private exitListeners: ((code: number) => void)[] = [];
  constructor(
    readonly serviceName: string,
    readonly execArgv: string[],
  ) {}
  postMessage(message: unknown, transfer?: unknown[]) {
    this.posted.push({ message, ...(transfer ? { transfer } : {}) });
  }
  kill() {
    if (this.killed) return false;
    this.killed = true;
    this.exit(0);
    return true;
  }
  on(_event: 'exit', listener: (code: number) => void) {
    this.exitListeners.push(listener);
  }
  exit(code: number) {
    for (const l of this.exitListeners) l(code);
  }
}

class FakePage implements SandboxPage {
  static next = 1;
  readonly id = FakePage.next++;
  posted: { channel: string; message: unknown; transfer?: unknown[] }[] = [];
  sent: { channel: string; message: unknown }[] = [];
  destroyed = false;
  listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  postMessage(channel: string, message: unknown, transfer?: unknown[]) {
    this.posted.push({ channel, message, ...(transfer ? { transfer } : {}) });
  }
  send(channel: string, message: unknown) {
    this.sent.push({ channel, message });
  }
  isDestroyed() {
    return this.destroyed;
  }
  once(event: string, listener: () => void) {
    this.on(event, listener);
  }
  on(event: string, listener: (...args: unknown[]) => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }
  emit(event: string, ...args: unknown[]) {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
}

const APP_FRAME = { url: 'app://clusterlab/index.html' };

function setup() {
  const handlers = new Map<string, Parameters<SandboxIpcMain['on']>[1]>();
  const children: FakeChild[] = [];
  const resident = new Map<number, number>();
  const logs: string[] = [];
  const sandboxes = registerSandboxProcesses(
    { on: (channel, listener) => handlers.set(channel, listener) },
    {
      fork: (serviceName, execArgv) => {
        const child = new FakeChild(serviceName, execArgv);
        children.push(child);
        return child;
      },
      channel: () => ({ port1: { end: 'process' }, port2: { end: 'page' } }),
      residentMb: () => resident,
      log: (m) => logs.push(m),
    },
  );
  const page = new FakePage();
  const send = (channel: string, args: unknown[], frame: { url: string; parent?: unknown } | null = APP_FRAME) =>
    handlers.get(channel)!({ senderFrame: frame, sender: page }, ...args);
  return { sandboxes, children, resident, logs, page, send };
}

describe('sandbox processes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts one with its own heap limit and gives one end of a channel to it, the other to the page', () => {
    const { children, page, send, sandboxes } = setup();
    send('sandbox:open', [{ slot: 3 }]);
    expect(children).toHaveLength(1);
    expect(children[0]!.execArgv).toEqual(['--max-old-space-size=1024', '--disallow-code-generation-from-strings']);
    expect(children[0]!.posted).toEqual([{ message: { type: 'port' }, transfer: [{ end: 'process' }] }]);
    expect(page.posted).toEqual([{ channel: 'sandbox:port', message: { slot: 3 }, transfer: [{ end: 'page' }] }]);
    expect(sandboxes.live).toBe(1);
  });

  it('refuses a sender that is not the app, a sub-frame, or a payload that is not { slot }', () => {
    const { children, logs, send } = setup();
    send('sandbox:open', [{ slot: 1 }], { url: 'https://evil.example/' });
    send('sandbox:open', [{ slot: 1 }], { url: 'app://clusterlab/', parent: {} });
    send('sandbox:open', [{ slot: -1 }]);
    send('sandbox:open', [{ slot: 1.5 }]);
    send('sandbox:open', ['1']);
    send('sandbox:open', []);
    expect(children).toHaveLength(0);
    expect(logs).toHaveLength(6);
    expect(logs[0]).toMatch(/sandbox:open: sender https:\/\/evil\.example is not app:\/\/clusterlab/);
  });

  it('reports a process that ended on its own once, in the learner terms; not one it was asked to close', () => {
    const { children, page, send, sandboxes } = setup();
    send('sandbox:open', [{ slot: 1 }]);
    send('sandbox:open', [{ slot: 2 }]);
    sandboxes.childGone({ type: 'Utility', reason: 'oom', serviceName: children[0]!.serviceName });
    children[0]!.exit(133);
    children[0]!.exit(133);
    send('sandbox:close', [{ slot: 2 }]);
    expect(children[1]!.killed).toBe(true);
    expect(page.sent).toEqual([
      { channel: 'sandbox:exit', message: { slot: 1, why: 'it used more than its memory limit of 1,024 MB' } },
    ]);
    expect(sandboxes.live).toBe(0);
  });

  it('kills a process whose resident size passes the limit, and says so', () => {
    const { children, page, resident, send } = setup();
    send('sandbox:open', [{ slot: 7 }]);
    resident.set(children[0]!.pid, SANDBOX_RESIDENT_MB + 1);
    vi.advanceTimersByTime(600);
    expect(children[0]!.killed).toBe(true);
    expect(page.sent).toEqual([
      {
        channel: 'sandbox:exit',
        message: {
          slot: 7,
          why: "it used more than the sandbox's memory limit of 1,536 MB, ArrayBuffers and typed arrays included",
        },
      },
    ]);
  });

  it("ends a page's processes when it reloads, navigates or is destroyed, and bounds how many it may have", () => {
    const { children, page, send, sandboxes } = setup();
    send('sandbox:open', [{ slot: 1 }]);
    send('sandbox:open', [{ slot: 1 }]); // the same slot again: the old process goes
    expect(children[0]!.killed).toBe(true);
    page.emit('did-start-navigation', {}, 'app://clusterlab/index.html', false, true);
    expect(children.every((c) => c.killed)).toBe(true);
    for (let slot = 0; slot <= MAX_SANDBOXES; slot++) send('sandbox:open', [{ slot }]);
    expect(sandboxes.live).toBe(MAX_SANDBOXES);
    expect(page.sent.at(-1)).toEqual({
      channel: 'sandbox:exit',
      message: { slot: MAX_SANDBOXES, why: `the app already runs ${MAX_SANDBOXES} sandbox processes for this page` },
    });
    page.emit('destroyed');
    expect(sandboxes.live).toBe(0);
    expect(children.every((c) => c.killed)).toBe(true);
  });

  it('says why a process ended from Electron reason and exit code', () => {
    expect(sandboxExitReason('oom', 0)).toBe('it used more than its memory limit of 1,024 MB');
    expect(sandboxExitReason('killed', 9)).toBe(
      'it used more than its memory limit of 1,024 MB, or the system stopped it',
    );
    expect(sandboxExitReason(undefined, 134)).toBe(
      'it used more than its memory limit of 1,024 MB (it crashed, exit 134)',
    );
    expect(sandboxExitReason('clean-exit', 0)).toBe('it stopped unexpectedly');
  });
});
