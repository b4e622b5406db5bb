/**
 * Monaco's TypeScript worker, its language service held back while a learner's run computes. The
 * worker's first requests make its language service load TypeScript's libraries and check the
 * file: about 1.5 s of CPU on a slow two-core machine, taken from the run's sandbox workers when
 * the learner presses Run as soon as the editor shows. So once the worker has first answered
 * (its script has loaded and Monaco's client has started it: that takes only the first messages),
 * the page's next messages wait in this wrapper until no run computes
 * (renderer/bridge/runActivity.ts), or HOLD_LIMIT_MS at most: a run that loops until its time
 * limit must not leave the learner without squiggles and completions for minutes. From then on
 * every message goes straight through, whatever runs. Monaco takes it for a Worker: the members
 * it uses (postMessage, onmessage, onmessageerror, error listeners, terminate) are passed on.
 */

type MessageHandler = ((this: Worker, event: MessageEvent) => unknown) | null;

/** The longest the language service waits for a run: about what the 100-node example takes on a slow machine. */
export const HOLD_LIMIT_MS = 3000;

export class HeldWorker {
  /** 'starting' until the worker first answers, 'holding' until no run computes, then 'open'. */
  private state: 'starting' | 'holding' | 'open' = 'starting';
  private held: [message: unknown, transfer: Transferable[]][] = [];
  private ended = false;
  private handler: MessageHandler = null;

  constructor(
    private readonly worker: Worker,
    /** Resolves when no run computes. */
    private readonly whenIdle: () => Promise<void>,
  ) {
    worker.onmessage = (event: MessageEvent) => {
      if (this.state === 'starting') {
        this.state = 'holding';
        const limit = setTimeout(() => this.release(), HOLD_LIMIT_MS);
        void this.whenIdle().then(() => {
          clearTimeout(limit);
          this.release();
        });
      }
      this.handler?.call(this.worker, event);
    };
    // A worker that failed holds nothing back (its messages go on, to no avail, as before).
    worker.addEventListener('error', () => this.release());
  }

  get onmessage(): MessageHandler {
    return this.handler;
  }

  set onmessage(handler: MessageHandler) {
    this.handler = handler;
  }

  get onmessageerror(): Worker['onmessageerror'] {
    return this.worker.onmessageerror;
  }

  set onmessageerror(handler: Worker['onmessageerror']) {
    this.worker.onmessageerror = handler;
  }

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    if (this.ended) return;
    if (this.state === 'holding') this.held.push([message, transfer]);
    else this.worker.postMessage(message, transfer);
  }

  addEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    this.worker.addEventListener(type, listener);
  }

  removeEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    this.worker.removeEventListener(type, listener);
  }

  terminate(): void {
    this.ended = true;
    this.held = [];
    this.worker.terminate();
  }

  /** Whether the page's messages wait now. */
  get holding(): boolean {
    return this.state === 'holding';
  }

  private release(): void {
    if (this.state === 'open') return;
    this.state = 'open';
    const held = this.held;
    this.held = [];
    if (!this.ended) for (const [message, transfer] of held) this.worker.postMessage(message, transfer);
  }
}
