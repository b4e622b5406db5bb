/**
 * The step protocol between learners' KafkaJS clients and the KafkaHost
 * (docs/streaming-design.md): the clients run until each waits on a call; the calls made since
 * the last step go to the host together; the host runs its clock until some are answered; the
 * answers go back. `StepTransport` is the clients' side (it queues calls and settles their
 * promises), `runSteps` the loop. The loop waits for a macrotask boundary it is given (`settle`:
 * every microtask of the clients has run by then), as the engine has no timers of its own.
 */
import type { KafkaHost } from './kafkaHost';
import { errorFromData } from './kafkajs/kafkaErrors';
import type { KafkaAnswer, KafkaCall, KafkaRequest, KafkaTransport } from './kafkajs/kafkaCalls';

interface Opened {
  client: number;
  kind: 'producer' | 'consumer' | 'admin' | 'sink';
  clientId: string;
}

export class StepTransport implements KafkaTransport {
  private nextClient = 1;
  private readonly seqs = new Map<number, number>();
  private opened: Opened[] = [];
  private calls: KafkaCall[] = [];
  private readonly pending = new Map<string, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private clock = 0;

  constructor(private readonly onLog: (level: 'ERROR' | 'WARN' | 'INFO', message: string) => void = () => {}) {}

  open(kind: Opened['kind'], clientId: string): number {
    const client = this.nextClient++;
    this.opened.push({ client, kind, clientId });
    return client;
  }

  call(client: number, request: KafkaRequest): Promise<unknown> {
    const seq = (this.seqs.get(client) ?? 0) + 1;
    this.seqs.set(client, seq);
    this.calls.push({ client, seq, request });
    return new Promise((resolve, reject) => this.pending.set(`${client}:${seq}`, { resolve, reject }));
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
      else p.reject(errorFromData(a.error));
    }
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
  let steps = 0;
  for (;;) {
    await settle();
    const { opened, calls } = transport.take();
    for (const o of opened) host.openClient(o.client, o.kind, o.clientId);
    if (calls.length > 0) host.apply(calls);
    // Calls answered as they were applied (refused at once) go back before anything waits.
    const immediate = host.takeDue();
    if (immediate.length > 0) {
      transport.deliver(immediate, host.kernel.now);
      continue;
    }
    if (host.waiting === 0) return { steps, ended: 'quiet', endMs: host.kernel.now };
    if (host.kernel.now >= untilMs) return { steps, ended: 'time', endMs: host.kernel.now };
    const answers = host.advance(untilMs);
    steps++;
    transport.deliver(answers, host.kernel.now);
  }
}
