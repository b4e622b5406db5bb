/**
 * Monaco's TypeScript worker, started and fed so that it does not take the cores from a learner's
 * run. Loading the worker's script (TypeScript's compiler, about 1 s of CPU on a slow two-core
 * machine) and its language service's first requests (TypeScript's libraries and a check of the
 * file, about 1.5 s more) took them from the run's sandbox workers when the learner pressed Run
 * as soon as the editor showed, or while the service was still starting. So:
 * - the worker starts when `whenWanted` says the learner may need it (languageServiceStart.ts: they
 *   typed, or 5 s have passed since Monaco asked for it), and then only once no run computes
 *   (renderer/bridge/runActivity.ts); until then Monaco's messages and listeners wait in this wrapper;
 * - once the worker has first answered (its script has loaded and Monaco's client has started
 *   it), the page's next messages wait again while a run computes.
 * Neither wait for a run lasts more than HOLD_LIMIT_MS: a run that loops until its time limit
 * must not leave the learner without squiggles and completions for minutes. After the second wait
 * every message goes straight through, whatever runs. Monaco takes this for a Worker: the members
 * it uses (postMessage, onmessage, onmessageerror, event listeners, terminate) are passed on.
 */

type MessageHandler = ((this: Worker, event: MessageEvent) => unknown) | null;
type Listener = [type: string, listener: EventListenerOrEventListenerObject];

/** The longest a wait for a run lasts: about what the 100-node example takes on a slow machine. */
export const HOLD_LIMIT_MS = 3000;

export class HeldWorker {
  /**
   * 'waiting' until the worker starts, 'starting' until it first answers, 'holding' until no run
   * computes, then 'open'.
   */
  private state: 'waiting' | 'starting' | 'holding' | 'open' = 'waiting';
  private worker: Worker | null = null;
  private held: [message: unknown, transfer: Transferable[]][] = [];
  private listeners: Listener[] = [];
  private ended = false;
  private handler: MessageHandler = null;
  private errorHandler: Worker['onmessageerror'] = null;

  constructor(
    private readonly create: () => Worker,
    /** Resolves when no run computes. */
    private readonly whenIdle: () => Promise<void>,
    /** Resolves when the learner may need the language service. */
    whenWanted: () => Promise<void>,
  ) {
    void whenWanted().then(() => this.afterIdle(() => this.start()));
  }

  get onmessage(): MessageHandler {
    return this.handler;
  }

  set onmessage(handler: MessageHandler) {
    this.handler = handler;
  }

  get onmessageerror(): Worker['onmessageerror'] {
    return this.errorHandler;
  }

  set onmessageerror(handler: Worker['onmessageerror']) {
    this.errorHandler = handler;
    if (this.worker) this.worker.onmessageerror = handler;
  }

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    if (this.ended) return;
    if (this.worker && (this.state === 'starting' || this.state === 'open')) this.worker.postMessage(message, transfer);
    else this.held.push([message, transfer]);
  }

  addEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    this.listeners.push([type, listener]);
    this.worker?.addEventListener(type, listener);
  }

  removeEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    this.listeners = this.listeners.filter(([t, l]) => t !== type || l !== listener);
    this.worker?.removeEventListener(type, listener);
  }

  terminate(): void {
    this.ended = true;
    this.held = [];
    this.worker?.terminate();
  }

  /** Whether the page's messages wait now (before the worker starts, or for a run after it has). */
  get holding(): boolean {
    return this.state === 'waiting' || this.state === 'holding';
  }

  /** Calls `then` once no run computes, or HOLD_LIMIT_MS from now at most. */
  private afterIdle(then: () => void): void {
    if (this.ended) return;
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      clearTimeout(limit);
      then();
    };
    const limit = setTimeout(once, HOLD_LIMIT_MS);
    void this.whenIdle().then(once);
  }

  private start(): void {
    if (this.ended || this.worker) return;
    const worker = this.create();
    this.worker = worker;
    this.state = 'starting';
    worker.onmessage = (event: MessageEvent) => {
      if (this.state === 'starting') {
        this.state = 'holding';
        this.afterIdle(() => this.release());
      }
      this.handler?.call(worker, event);
    };
    worker.onmessageerror = this.errorHandler;
    for (const [type, listener] of this.listeners) worker.addEventListener(type, listener);
    // A worker that failed holds nothing back (its messages go on, to no avail, as before).
    worker.addEventListener('error', () => this.release());
    // Monaco's messages from before the start go first, in order (they start its client).
    const early = this.held;
    this.held = [];
    for (const [message, transfer] of early) worker.postMessage(message, transfer);
  }

  private release(): void {
    if (this.state === 'open' || !this.worker) return;
    this.state = 'open';
    const held = this.held;
    this.held = [];
    if (!this.ended) for (const [message, transfer] of held) this.worker.postMessage(message, transfer);
  }
}
