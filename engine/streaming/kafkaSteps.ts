/**
 * The step protocol between learners' KafkaJS clients and the KafkaHost
 * (docs/streaming-design.md): the clients run until each waits on a call; the calls made since
 * the last step go to the host together; the host runs its clock until some are answered; the
 * answers go back. `StepTransport` is the clients' side (it queues calls and settles their
 * promises), `runSteps` the loop. The loop waits for a macrotask boundary it is given (`settle`:
 * every microtask of the clients has run by then), as the engine has no timers of its own.
 */
import type { KafkaHost } from './kafkaHost';
import { KafkaJSNonRetriableError, errorFromData } from './kafkajs/kafkaErrors';
import { KAFKA_LIMITS } from './kafkaLimits';
import type { KafkaAnswer, KafkaCall, KafkaRequest, KafkaTransport } from './kafkajs/kafkaCalls';
import type { KafkaOpened as Opened, KafkaStepper as Stepper } from '../sandbox/contract';

/**
 * An error the host answered, with the stack of the call that asked (`site`) below its message:
 * V8's stack of a call made inside an async function lists the learner's awaiting frames, so the
 * error names the learner's line (`await producer.send(...)`), not the step loop's.
 */
function withCallSite(error: Error, site: Error | null): Error {
  if (site === null) return error;
  try {
    const frames = (site.stack ?? '').split('\n').slice(1).join('\n');
    if (frames) error.stack = `${error.name}: ${error.message}\n${frames}`;
  } catch {
    // keep the error's own stack
  }
  return error;
}

export class StepTransport implements KafkaTransport {
  private nextClient = 1;
  private readonly seqs = new Map<number, number>();
  private opened: Opened[] = [];
  private calls: KafkaCall[] = [];
  private readonly pending = new Map<
    string,
    { resolve: (v: unknown) => void; reject: (e: unknown) => void; site: Error | null }
  >();
  private clock = 0;
  /** The program call running its synchronous start now (its clients are its own), or null. */
  program: number | null = null;

  /**
   * `callSites`: keep each call's stack, so that an error answered later names the learner's
   * line (a sandbox's transport does; the tests' need not).
   */
  constructor(
    private readonly onLog: (level: 'ERROR' | 'WARN' | 'INFO', message: string) => void = () => {},
    private readonly callSites = false,
    /** Names the learner's line of an error (the sandbox's transport knows the file). */
    readonly where?: (error: unknown) => string | null,
    /** Ends the program with an error (set by the sandbox's run). */
    public fatal?: (error: unknown) => void,
  ) {}

  open(kind: Opened['kind'], clientId: string): number {
    if (this.nextClient > KAFKA_LIMITS.clients)
      throw new KafkaJSNonRetriableError(
        `A run may open at most ${KAFKA_LIMITS.clients} clients (producers, consumers, admins); make one and reuse it`,
      );
    if (typeof clientId !== 'string' || clientId.length > KAFKA_LIMITS.name)
      throw new KafkaJSNonRetriableError(`Invalid clientId: a string of at most ${KAFKA_LIMITS.name} characters`);
    const client = this.nextClient++;
    this.opened.push({ client, kind, clientId, program: this.program });
    return client;
  }

  call(client: number, request: KafkaRequest): Promise<unknown> {
    if (this.calls.length >= KAFKA_LIMITS.callsPerStep)
      return Promise.reject(
        new KafkaJSNonRetriableError(
          `More than ${KAFKA_LIMITS.callsPerStep} calls are waiting at once: await each send (or use sendBatch) instead of starting them all together`,
        ),
      );
    const seq = (this.seqs.get(client) ?? 0) + 1;
    this.seqs.set(client, seq);
    this.calls.push({ client, seq, request });
    const site = this.callSites ? new Error() : null;
    return new Promise((resolve, reject) => this.pending.set(`${client}:${seq}`, { resolve, reject, site }));
  }

  now(): number {
    return this.clock;
  }

  log(level: 'ERROR' | 'WARN' | 'INFO', message: string): void {
    this.onLog(level, message);
  }

  /** The clients opened and the calls made since the last step. */
  take(): { opened: Opened[]; calls: KafkaCall[] } {
    const out = { opened: this.opened, calls: this.calls };
    this.opened = [];
    this.calls = [];
    return out;
  }

  /** Settles the answered calls' promises, the clock at the host's time. */
  deliver(answers: readonly KafkaAnswer[], now: number): void {
    this.clock = now;
    for (const a of answers) {
      const key = `${a.client}:${a.seq}`;
      const p = this.pending.get(key);
      if (!p) continue;
      this.pending.delete(key);
      if (a.ok) p.resolve(a.value);
      else p.reject(withCallSite(errorFromData(a.error), p.site));
    }
  }

  /** Forgets every call not answered (the run is over: their promises never settle). */
  drop(): void {
    this.pending.clear();
    this.calls = [];
    this.opened = [];
  }
}

/**
 * The host's side of the step loop (the contract's KafkaStepper): each step applies the clients
 * opened and the calls made since the last one, then answers what was refused at once, or runs
 * the clock until some call is answered; null once every call is answered and none was made
 * (`quiet`), or the run's simulated time is over (`time`).
 */
export class KafkaStepper implements Stepper {
  steps = 0;
  ended: 'quiet' | 'time' | null = null;

  /** `checkBudget` throws once the run's wall-clock budget is over (the runner's), checked while the clock runs. */
  constructor(
    private readonly host: KafkaHost,
    private readonly untilMs: number,
    private readonly checkBudget?: () => void,
  ) {}

  step(opened: readonly Opened[], calls: readonly unknown[]): { answers: KafkaAnswer[]; now: number } | null {
    const { host } = this;
    if (this.ended) return null;
    for (const o of opened) host.openClient(o.client, o.kind, o.clientId, o.program ?? null);
    if (calls.length > 0) host.apply(calls as KafkaCall[]);
    // Calls answered as they were applied (refused at once) go back before anything waits.
    const immediate = host.takeDue();
    if (immediate.length > 0) return { answers: immediate, now: host.kernel.now };
    if (host.waiting === 0) this.ended = 'quiet';
    else if (host.kernel.now >= this.untilMs) this.ended = 'time';
    if (this.ended) return null;
    const answers = host.advance(this.untilMs, this.checkBudget);
    this.steps++;
    return { answers, now: host.kernel.now };
  }
}

export interface StepRun {
  /** Steps taken. */
  steps: number;
  /** Why the run ended: every call answered and none made, or the time limit. */
  ended: 'quiet' | 'time';
  /** Simulated ms at the end. */
  endMs: number;
}

/** Runs the clients' steps against `host` until no call is in flight, or until `untilMs`. */
export async function runSteps(options: {
  host: KafkaHost;
  transport: StepTransport;
  untilMs: number;
  /** Resolves after a macrotask boundary (every microtask queued before it has run). */
  settle: () => Promise<void>;
}): Promise<StepRun> {
  const { host, transport, untilMs, settle } = options;
  const stepper = new KafkaStepper(host, untilMs);
  for (;;) {
    await settle();
    const { opened, calls } = transport.take();
    const out = stepper.step(opened, calls);
    if (out === null) return { steps: stepper.steps, ended: stepper.ended ?? 'quiet', endMs: host.kernel.now };
    transport.deliver(out.answers, out.now);
  }
}
