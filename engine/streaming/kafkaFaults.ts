/**
 * Faults a lab step injects into a KafkaJS run, decided by the host at its steps so the run stays
 * deterministic:
 * - crash a consumer (the n-th one opened) at its m-th message: before processing it (the message
 *   was handed over and nothing of it happens), after processing it but before its next commit
 *   (that commit is lost), or right after that commit (its answer is lost). A crashed consumer
 *   makes no more calls and gets no more answers; its partitions move to the others once its
 *   session times out.
 * - kill a broker at a time (and restart it later): its partitions elect new leaders among the
 *   in-sync replicas.
 * - cut a producer's (the n-th one opened) network for a while: what it sends, and what comes back
 *   to it, is lost, so its retries decide whether a record is written twice.
 */
import type { Kernel, TraceSink } from '../core';
import type { Cluster } from '../cluster';
import type { KafkaRequest } from './kafkajs/kafkaCalls';

export type KafkaCrashPoint = 'before-processing' | 'after-processing' | 'after-commit';

export type KafkaFault =
  | { kind: 'crashConsumer'; consumer: number; atMessage: number; point: KafkaCrashPoint }
  | { kind: 'killBroker'; broker: string; atMs: number; restartAfterMs?: number }
  | { kind: 'cutNetwork'; producer: number; fromMs: number; toMs: number };

/** Calls that commit offsets: where "after processing, before the commit" ends. */
const COMMITS: ReadonlySet<KafkaRequest['op']> = new Set(['commit', 'sendOffsets', 'endTransaction']);

interface Watch {
  fault: Extract<KafkaFault, { kind: 'crashConsumer' }>;
  /** Messages handed to the consumer so far. */
  handed: number;
  /** The m-th message was processed: the crash waits for its next commit. */
  armed: boolean;
}

export class KafkaFaults {
  private readonly crashed = new Set<number>();
  private readonly watches = new Map<number, Watch>();
  /** The program call that opened each client (its synchronous start), when known. */
  private readonly programOf = new Map<number, number>();
  private readonly cuts = new Map<number, { fromMs: number; toMs: number }[]>();
  private consumers = 0;
  private producers = 0;

  constructor(
    private readonly faults: readonly KafkaFault[],
    private readonly kernel: Kernel,
    private readonly trace: TraceSink,
    cluster: Cluster,
  ) {
    for (const f of faults) {
      if (f.kind !== 'killBroker') continue;
      kernel.scheduleAt(f.atMs, () => cluster.killNode(f.broker), 4);
      if (f.restartAfterMs !== undefined)
        kernel.scheduleAt(f.atMs + f.restartAfterMs, () => cluster.restartNode(f.broker), 4);
    }
  }

  /** A client was opened: consumers and producers are numbered from 1 in the order they open. */
  opened(client: number, kind: 'producer' | 'consumer' | 'admin' | 'sink', program: number | null = null): void {
    if (program !== null) this.programOf.set(client, program);
    if (kind === 'consumer') {
      const n = ++this.consumers;
      for (const f of this.faults)
        if (f.kind === 'crashConsumer' && f.consumer === n)
          this.watches.set(client, { fault: f, handed: 0, armed: false });
    } else if (kind === 'producer') {
      const n = ++this.producers;
      const cuts = this.faults.filter((f) => f.kind === 'cutNetwork' && f.producer === n) as Extract<
        KafkaFault,
        { kind: 'cutNetwork' }
      >[];
      if (cuts.length > 0) this.cuts.set(client, cuts);
    }
  }

  isCrashed(client: number): boolean {
    return this.crashed.has(client);
  }

  /**
   * Before a call is applied: 'drop' it (the client crashed now or before), 'apply' it, or
   * 'applyThenCrash' (the commit goes through; its answer and everything after it are lost).
   */
  beforeCall(client: number, request: KafkaRequest): 'apply' | 'drop' | 'applyThenCrash' {
    if (this.crashed.has(client)) return 'drop';
    // A producer the consumer's own call opened commits for it (a transaction's sendOffsets and commit).
    const consumer = this.watches.has(client) ? client : this.watchedSibling(client);
    const w = consumer === null ? undefined : this.watches.get(consumer);
    if (!w || consumer === null) return 'apply';
    if (request.op === 'processed') {
      if (consumer !== client) return 'apply';
      w.handed++;
      if (w.handed !== w.fault.atMessage) return 'apply';
      if (w.fault.point === 'before-processing') {
        this.crash(consumer, w);
        return 'drop';
      }
      w.armed = true;
      return 'apply';
    }
    if (w.armed && COMMITS.has(request.op)) {
      this.crash(consumer, w);
      return w.fault.point === 'after-processing' ? 'drop' : 'applyThenCrash';
    }
    return 'apply';
  }

  /** The watched consumer opened by the same program call as `client`, or null. */
  private watchedSibling(client: number): number | null {
    const program = this.programOf.get(client);
    if (program === undefined) return null;
    for (const consumer of this.watches.keys()) if (this.programOf.get(consumer) === program) return consumer;
    return null;
  }

  /** Whether what `client` (a producer) sends or receives now is lost. */
  networkDown(client: number): boolean {
    const now = this.kernel.now;
    return (this.cuts.get(client) ?? []).some((c) => now >= c.fromMs && now < c.toMs);
  }

  /** The consumer crashes, and with it every client its program call opened (one process). */
  private crash(client: number, w: Watch): void {
    this.crashed.add(client);
    const program = this.programOf.get(client);
    if (program !== undefined) for (const [c, p] of this.programOf) if (p === program) this.crashed.add(c);
    this.watches.delete(client);
    this.trace.record({
      t: this.kernel.now,
      type: 'consumerCrashed',
      consumer: w.fault.consumer,
      atMessage: w.fault.atMessage,
      point: w.fault.point,
    });
  }
}
