// Monaco's TypeScript worker wrapper: the messages that start the worker go at once; once it has
// first answered, the page's messages wait while a run computes, then go in order, and from then
// on nothing waits.
import { describe, expect, it, vi } from 'vitest';
import { HOLD_LIMIT_MS, HeldWorker } from './heldWorker';

class FakeWorker {
  sent: unknown[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  listeners: [string, EventListenerOrEventListenerObject][] = [];
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  addEventListener(type: string, listener: EventListenerOrEventListenerObject) {
    this.listeners.push([type, listener]);
  }
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject) {
    this.listeners = this.listeners.filter(([t, l]) => t !== type || l !== listener);
  }
  terminate() {
    this.terminated = true;
  }
  say(data: unknown) {
    this.onmessage?.({ data } as MessageEvent);
  }
  fail() {
    for (const [type, l] of this.listeners) if (type === 'error') (l as () => void)();
  }
}

/** A run that computes until `end()`. */
function aRun() {
  let end!: () => void;
  const idle = new Promise<void>((resolve) => (end = resolve));
  return { whenIdle: () => idle, end };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('HeldWorker', () => {
  it("sends the starting messages at once, then holds the language service's until the run has ended", async () => {
    const fake = new FakeWorker();
    const run = aRun();
    const held = new HeldWorker(fake as unknown as Worker, run.whenIdle);
    const heard: unknown[] = [];
    held.onmessage = (e) => heard.push(e.data);
    held.postMessage('-please-ignore-');
    held.postMessage({ vs: 'initialize' });
    expect(fake.sent).toEqual(['-please-ignore-', { vs: 'initialize' }]);
    expect(held.holding).toBe(false);
    // The worker has loaded and answers; Monaco asks for diagnostics while the run computes.
    fake.say({ vs: 'initialized' });
    expect(heard).toEqual([{ vs: 'initialized' }]);
    held.postMessage({ vs: 'diagnostics' });
    held.postMessage({ vs: 'outline' });
    await flush();
    expect(held.holding).toBe(true);
    expect(fake.sent).toHaveLength(2);
    run.end();
    await flush();
    expect(fake.sent).toEqual(['-please-ignore-', { vs: 'initialize' }, { vs: 'diagnostics' }, { vs: 'outline' }]);
    expect(held.holding).toBe(false);
    // From then on nothing waits, whatever runs.
    held.postMessage({ vs: 'completions' });
    expect(fake.sent.at(-1)).toEqual({ vs: 'completions' });
    fake.say({ vs: 'answer' });
    expect(heard.at(-1)).toEqual({ vs: 'answer' });
  });

  it('lets the messages go after HOLD_LIMIT_MS when the run goes on (a loop until its time limit)', () => {
    vi.useFakeTimers();
    try {
      const fake = new FakeWorker();
      const held = new HeldWorker(fake as unknown as Worker, () => new Promise(() => {}));
      fake.say('ready');
      held.postMessage({ vs: 'diagnostics' });
      vi.advanceTimersByTime(HOLD_LIMIT_MS - 1);
      expect(fake.sent).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(fake.sent).toEqual([{ vs: 'diagnostics' }]);
      expect(held.holding).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('holds nothing for long when no run computes', async () => {
    const fake = new FakeWorker();
    const held = new HeldWorker(fake as unknown as Worker, () => Promise.resolve());
    held.postMessage('first');
    fake.say('ready');
    held.postMessage('second');
    await flush();
    expect(fake.sent).toEqual(['first', 'second']);
  });

  it('lets a failed worker go', () => {
    const fake = new FakeWorker();
    const held = new HeldWorker(fake as unknown as Worker, () => new Promise(() => {}));
    fake.say('ready');
    held.postMessage('x');
    expect(fake.sent).toEqual([]);
    fake.fail();
    expect(fake.sent).toEqual(['x']);
  });

  it('sends nothing after terminate, and passes listeners and onmessageerror through', async () => {
    const fake = new FakeWorker();
    const run = aRun();
    const held = new HeldWorker(fake as unknown as Worker, run.whenIdle);
    const onError = () => {};
    held.addEventListener('error', onError);
    expect(fake.listeners.some(([, l]) => l === onError)).toBe(true);
    held.removeEventListener('error', onError);
    expect(fake.listeners.some(([, l]) => l === onError)).toBe(false);
    const onBad = () => {};
    held.onmessageerror = onBad;
    expect(fake.onmessageerror).toBe(onBad);
    fake.say('ready');
    held.postMessage('x');
    held.terminate();
    run.end();
    await flush();
    held.postMessage('y');
    expect(fake.sent).toEqual([]);
    expect(fake.terminated).toBe(true);
  });
});
