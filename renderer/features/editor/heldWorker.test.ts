// Monaco's TypeScript worker wrapper: the worker starts when the learner may need it and only
// while no run computes (Monaco's messages wait meanwhile); once it has first answered, the page's
// messages wait again while a run computes, then go in order, and from then on nothing waits.
// Neither wait for a run lasts more than HOLD_LIMIT_MS.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOLD_LIMIT_MS, HeldWorker } from './heldWorker';

/** How long the tests' learner takes to need the language service. */
const START_DELAY_MS = 1000;

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

/** Runs that compute until `end()`; `whenIdle` resolves at once when none does. */
function runs(computing: boolean) {
  let end!: () => void;
  const idle = new Promise<void>((resolve) => (end = resolve));
  let busy = computing;
  return {
    whenIdle: () => (busy ? idle : Promise.resolve()),
    end: () => {
      busy = false;
      end();
    },
  };
}

/** A wrapper, its worker made when the wrapper starts it (`made()` lists the workers made). */
function wrapper(whenIdle: () => Promise<void>) {
  const workers: FakeWorker[] = [];
  const held = new HeldWorker(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    whenIdle,
    () => new Promise((resolve) => setTimeout(resolve, START_DELAY_MS)),
  );
  return { held, made: () => workers, fake: () => workers[0]! };
}

/** Lets the timers up to `ms` fire, and the promises they settle. */
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('HeldWorker', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("starts the worker when the learner needs it, sending Monaco's messages in order, then holds the language service's until the run has ended", async () => {
    const run = runs(false);
    const { held, made, fake } = wrapper(run.whenIdle);
    const heard: unknown[] = [];
    held.onmessage = (e) => heard.push(e.data);
    const onError = () => {};
    held.addEventListener('error', onError);
    held.postMessage('-please-ignore-');
    held.postMessage({ vs: 'initialize' });
    await advance(START_DELAY_MS - 1);
    expect(made()).toHaveLength(0);
    expect(held.holding).toBe(true);
    await advance(1);
    expect(made()).toHaveLength(1);
    expect(fake().sent).toEqual(['-please-ignore-', { vs: 'initialize' }]);
    expect(fake().listeners.some(([, l]) => l === onError)).toBe(true);
    expect(held.holding).toBe(false);
    // The worker has loaded and answers while the learner's run computes: Monaco's next requests wait.
    const later = runs(true);
    const busy = wrapper(later.whenIdle);
    busy.held.onmessage = (e) => heard.push(e.data);
    busy.held.postMessage({ vs: 'initialize' });
    await advance(START_DELAY_MS + HOLD_LIMIT_MS);
    // The wait for the run lasted HOLD_LIMIT_MS at most: the worker has started.
    expect(busy.fake().sent).toEqual([{ vs: 'initialize' }]);
    busy.fake().say({ vs: 'initialized' });
    expect(heard).toEqual([{ vs: 'initialized' }]);
    busy.held.postMessage({ vs: 'diagnostics' });
    busy.held.postMessage({ vs: 'outline' });
    await advance(0);
    expect(busy.held.holding).toBe(true);
    expect(busy.fake().sent).toHaveLength(1);
    later.end();
    await advance(0);
    expect(busy.fake().sent).toEqual([{ vs: 'initialize' }, { vs: 'diagnostics' }, { vs: 'outline' }]);
    expect(busy.held.holding).toBe(false);
    // From then on nothing waits, whatever runs.
    busy.held.postMessage({ vs: 'completions' });
    expect(busy.fake().sent.at(-1)).toEqual({ vs: 'completions' });
    busy.fake().say({ vs: 'answer' });
    expect(heard.at(-1)).toEqual({ vs: 'answer' });
  });

  it('does not start the worker while a run computes: it starts when the run ends', async () => {
    const run = runs(true);
    const { held, made, fake } = wrapper(run.whenIdle);
    held.postMessage('first');
    await advance(START_DELAY_MS + 500);
    expect(made()).toHaveLength(0);
    run.end();
    await advance(0);
    expect(made()).toHaveLength(1);
    expect(fake().sent).toEqual(['first']);
  });

  it('lets the messages go after HOLD_LIMIT_MS when the run goes on (a loop until its time limit)', async () => {
    const { held, fake } = wrapper(() => new Promise(() => {}));
    await advance(START_DELAY_MS + HOLD_LIMIT_MS);
    fake().say('ready');
    held.postMessage({ vs: 'diagnostics' });
    await advance(HOLD_LIMIT_MS - 1);
    expect(fake().sent).toEqual([]);
    await advance(1);
    expect(fake().sent).toEqual([{ vs: 'diagnostics' }]);
    expect(held.holding).toBe(false);
  });

  it('holds nothing for long when no run computes', async () => {
    const { held, fake } = wrapper(() => Promise.resolve());
    held.postMessage('first');
    await advance(START_DELAY_MS);
    fake().say('ready');
    held.postMessage('second');
    await advance(0);
    expect(fake().sent).toEqual(['first', 'second']);
  });

  it('lets a failed worker go', async () => {
    const { held, fake } = wrapper(() => new Promise(() => {}));
    await advance(START_DELAY_MS + HOLD_LIMIT_MS);
    fake().say('ready');
    held.postMessage('x');
    expect(fake().sent).toEqual([]);
    fake().fail();
    expect(fake().sent).toEqual(['x']);
  });

  it('never makes a worker terminated before it started, and sends nothing after terminate', async () => {
    const early = wrapper(() => Promise.resolve());
    early.held.postMessage('x');
    early.held.terminate();
    await advance(START_DELAY_MS + HOLD_LIMIT_MS);
    expect(early.made()).toHaveLength(0);

    const run = runs(false);
    const { held, fake } = wrapper(run.whenIdle);
    const onError = () => {};
    held.addEventListener('error', onError);
    held.removeEventListener('error', onError);
    const onBad = () => {};
    held.onmessageerror = onBad;
    await advance(START_DELAY_MS);
    expect(fake().listeners.some(([, l]) => l === onError)).toBe(false);
    expect(fake().onmessageerror).toBe(onBad);
    held.addEventListener('error', onError);
    expect(fake().listeners.some(([, l]) => l === onError)).toBe(true);
    held.removeEventListener('error', onError);
    expect(fake().listeners.some(([, l]) => l === onError)).toBe(false);
    fake().say('ready');
    held.terminate();
    held.postMessage('y');
    await advance(HOLD_LIMIT_MS);
    expect(fake().sent).toEqual([]);
    expect(fake().terminated).toBe(true);
  });
});
