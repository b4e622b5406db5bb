/**
 * Faults a lab step injects into a KafkaJS run, decided by the host at its steps so the run stays
 * deterministic:
 * - crash consumer C at its m-th message: when it is handed the message, before the handler runs
 *   ('before-processing'); when the message's offset is about to be committed, the commit lost
 *   ('after-processing': whatever the handler did before the commit stays done); or right after
 *   that commit went through ('after-commit'). "The commit" is the first commit that covers the
 *   message (the consumer's commitOffsets or auto-commit, or a transaction's sendOffsets and its
 *   commit); a consumer that moves on to its next fetch without committing crashes then. The crash
 *   takes down every client the consumer's program call opened (one process), which make no more
 *   calls and get no more answers; its partitions move to the others once its session times out.
 * - kill a broker at a time (and restart it later): its partitions elect new leaders among the
 *   in-sync replicas.
 * - cut producer P's network for a while: what it sends, and what comes back to it, is lost, so its
 *   retries decide whether a record is written twice.
 * Consumers and producers are numbered as processes: consumer C is the C-th program call (or
 * client opened outside one) whose consumer joins a group, and the first of its consumers to join
 * is watched; producer P is the P-th to send, with the producers its program call opened. Clients
 * that never join or send (decoys) take no number.
 */
import type { Kernel, TraceSink } from '../core';
import type { Cluster } from '../cluster';
import type { KafkaRequest } from './kafkajs/kafkaCalls';

export type KafkaCrashPoint = 'before-processing' | 'after-processing' | 'after-commit';

export type KafkaFault =
  | { kind: 'crashConsumer'; consumer: number; atMessage: number; point: KafkaCrashPoint }
  | { kind: 'killBroker'; broker: string; atMs: number; restartAfterMs?: number }
  | { kind: 'cutNetwork'; producer: number; fromMs: number; toMs: number };

type Crash = Extract<KafkaFault, { kind: 'crashConsumer' }>;
type TopicPartitionOffset = { topic: string; partition: number; offset: number };

interface Watch {
  fault: Crash;
  /** Messages handed to the consumer so far. */
  handed: number;
  /** The m-th message, once handed: the crash waits for the commit that covers it. */
  target: { topic: string; partition: number; offset: number } | null;
  /** A transaction whose sendOffsets covered the target: its commit is the commit ('after-commit'). */
  transaction: string | null;
}

const covers = (offsets: readonly TopicPartitionOffset[], t: NonNullable<Watch['target']>) =>
  offsets.some((o) => o.topic === t.topic && o.partition === t.partition && o.offset > t.offset);

export class KafkaFaults {
  private readonly crashed = new Set<number>();
  /** Watched consumers (by client) and their crash. */
  private readonly watches = new Map<number, Watch>();
  /** The program call that opened each client (its synchronous start), when known. */
  private readonly programOf = new Map<number, number>();
  private readonly cuts = new Map<number, { fromMs: number; toMs: number }[]>();
  /** Processes numbered so far: consumer processes (first join) and producer processes (first send). */
  private readonly consumerProcesses: string[] = [];
  private readonly producerProcesses: string[] = [];
  private readonly kinds = new Map<number, 'producer' | 'consumer' | 'admin' | 'sink'>();
  /** Consumers that joined a group and got their process's number. */
  private readonly numbered = new Set<number>();

  constructor(
    private readonly faults: readonly KafkaFault[],
    private readonly kernel: Kernel,
    private readonly trace: TraceSink,
    cluster: Cluster,
  ) {
    for (const f of faults) {
      if (f.kind !== 'killBroker') continue;
      kernel.postAt(f.atMs, () => cluster.killNode(f.broker), 4);
      if (f.restartAfterMs !== undefined)
        kernel.postAt(f.atMs + f.restartAfterMs, () => cluster.restartNode(f.broker), 4);
    }
  }

  /** A client was opened, by the program call `program` when its synchronous start opened it. */
  opened(client: number, kind: 'producer' | 'consumer' | 'admin' | 'sink', program: number | null = null): void {
    this.kinds.set(client, kind);
    if (program !== null) this.programOf.set(client, program);
  }

  /** The number of a consumer that joined a group (as the faults name it), or null. */
  consumerNumber(client: number): number | null {
    if (!this.numbered.has(client)) return null;
    const n = this.consumerProcesses.indexOf(this.processOf(client)) + 1;
    return n > 0 ? n : null;
  }

  isCrashed(client: number): boolean {
    return this.crashed.has(client);
  }

  /** The process a client belongs to: its program call, or the client alone. */
  private processOf(client: number): string {
    const p = this.programOf.get(client);
    return p === undefined ? `client ${client}` : `program ${p}`;
  }

  private sameProcess(a: number, b: number): boolean {
    return this.processOf(a) === this.processOf(b);
  }

  /** Numbers the process of a consumer joining a group, and watches it if a crash names it. */
  private joining(client: number): void {
    if (this.numbered.has(client)) return;
    const process = this.processOf(client);
    const known = this.consumerProcesses.indexOf(process) + 1;
    const n = known > 0 ? known : this.consumerProcesses.push(process);
    this.numbered.add(client);
    // The pictures and the checks name consumers by this number, as the faults do.
    this.trace.record({ t: this.kernel.now, type: 'consumerNumbered', client, consumer: n });
    if (known > 0) return;
    // A consumer crashes once: at the earliest of the crashes that name it.
    const fault = this.faults
      .filter((f): f is Crash => f.kind === 'crashConsumer' && f.consumer === n)
      .sort((a, b) => a.atMessage - b.atMessage)[0];
    if (fault) this.watches.set(client, { fault, handed: 0, target: null, transaction: null });
  }

  /** Numbers the process of a producer sending, and cuts its network if a fault names it. */
  private sending(client: number): void {
    const process = this.processOf(client);
    let n = this.producerProcesses.indexOf(process) + 1;
    if (n === 0) n = this.producerProcesses.push(process);
    if (this.cuts.has(client)) return;
    // The pictures draw a producer's sends under this number, as the faults name it.
    this.trace.record({ t: this.kernel.now, type: 'producerNumbered', client, producer: n });
    const cuts = this.faults.filter(
      (f): f is Extract<KafkaFault, { kind: 'cutNetwork' }> => f.kind === 'cutNetwork' && f.producer === n,
    );
    this.cuts.set(client, cuts);
  }

  /** The watch of `client` or of the watched consumer of its process. */
  private watchOf(client: number): [number, Watch] | null {
    const own = this.watches.get(client);
    if (own) return [client, own];
    for (const [consumer, w] of this.watches) if (this.sameProcess(consumer, client)) return [consumer, w];
    return null;
  }

  /**
   * Before a call is applied: 'drop' it (the client crashed now or before), 'apply' it, or
   * 'applyThenCrash' (the commit goes through; its answer and everything after it are lost).
   */
  beforeCall(client: number, request: KafkaRequest): 'apply' | 'drop' | 'applyThenCrash' {
    if (this.crashed.has(client)) return 'drop';
    // A consumer is numbered when it joins a group, or (partitions assigned by hand) first fetches.
    const reads = request.op === 'join' || (request.op === 'fetch' && request.groupId === null);
    if (reads && this.kinds.get(client) === 'consumer') this.joining(client);
    if (request.op === 'send') this.sending(client);
    const found = this.watchOf(client);
    if (!found) return 'apply';
    const [consumer, w] = found;
    if (request.op === 'processed') {
      if (consumer !== client || w.target !== null) return 'apply';
      w.handed++;
      if (w.handed !== w.fault.atMessage) return 'apply';
      w.target = { topic: request.topic, partition: request.partition, offset: request.offset };
      if (w.fault.point !== 'before-processing') return 'apply';
      this.crash(consumer, w);
      return 'drop';
    }
    const t = w.target;
    if (t === null) return 'apply';
    const after = w.fault.point === 'after-commit';
    if (request.op === 'commit' && covers(request.offsets, t)) {
      this.crash(consumer, w);
      return after ? 'applyThenCrash' : 'drop';
    }
    if (request.op === 'sendOffsets' && covers(request.offsets, t)) {
      if (after) {
        // The offsets commit with the transaction: the crash follows its commit.
        w.transaction = `${request.transaction.transactionalId}/${request.transaction.epoch}/${request.transaction.seq}`;
        return 'apply';
      }
      this.crash(consumer, w);
      return 'drop';
    }
    if (request.op === 'endTransaction' && w.transaction !== null) {
      const ref = `${request.transaction.transactionalId}/${request.transaction.epoch}/${request.transaction.seq}`;
      if (ref !== w.transaction) return 'apply';
      this.crash(consumer, w);
      return request.commit ? 'applyThenCrash' : 'drop';
    }
    // The consumer moves on without having committed the message: it crashes before the commit.
    if (request.op === 'fetch' && consumer === client && w.transaction === null) {
      this.crash(consumer, w);
      return 'drop';
    }
    return 'apply';
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
      client,
      atMessage: w.fault.atMessage,
      point: w.fault.point,
      // The message it had in hand: [topic, partition, offset].
      message: w.target === null ? null : [w.target.topic, w.target.partition, w.target.offset],
    });
  }
}
