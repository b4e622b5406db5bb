/**
 * The clients: devices and apps outside the cluster that send `events` events at `ratePerSec`,
 * in bursts every 10 ms (or one event at a time below 100 per second; an event waits for its burst), each to every part they
 * feed. A copy refused (the receiver down, full or unreachable) is sent again after `retryMs`:
 * the clients keep what they have not handed over, so they lose nothing (resendQueue.ts keeps the
 * copies waiting, a group of them per kernel event). Each event carries a
 * key (a device, a title): every key equally often, or by Zipf's law (popularity `zipf`), where a
 * seeded shuffle makes other keys the most popular every `trendEveryMs` (what trends changes).
 */
import { onClock, type Rng } from '../core';
import { PartRuntime, type PipelineContext } from './partRuntime';
import { ResendQueue } from './resendQueue';
import { pumpFleet, pumpReading, type PumpFleet } from './pumpReadings';
import type { ResolvedPart } from './pipelineSpec';

export class ClientsPart extends PartRuntime {
  private sent = 0;
  /** Copies sent again after a refusal (one event refused three times counts three). */
  resent = 0;
  /** Copies handed to a receiver and not yet answered, by batch. */
  /** With how many receivers each: a tick's burst goes to every part the clients feed, as one array. */
  private readonly waiting = new Map<number[], number>();
  /** Refused copies waiting for their resend. */
  private readonly resending = new Set<number[]>();
  private readonly resends: ResendQueue;

  constructor(
    spec: ResolvedPart,
    ctx: PipelineContext,
    private readonly rng: Rng,
    /** Shuffles the popularity ranking once per trend period (a stream of its own: uniform keys never touch it). */
    private readonly trendRng: Rng,
    /** Draws the pumps and their readings (a stream of its own too). */
    private readonly valueRng: Rng,
  ) {
    super(spec, ctx);
    this.resends = new ResendQueue(ctx.kernel, this.num('retryMs'), {
      resending: this.resending,
      canReach: (to) => this.canReach(to),
      refused: (to, copies) => {
        to.refused += copies;
        this.resent += copies;
      },
      send: (to, ids) => this.deliver(to, ids),
    });
  }

  private fleet: PumpFleet | null = null;

  /** The pumps: each one's base power, power per load and whether it wears (drawn once). */
  get pumps(): PumpFleet | null {
    if (this.word('values') !== 'pumps') return null;
    this.fleet ??= pumpFleet(this.num('keys'), this.num('wearingKeys'), this.valueRng.fork('fleet'));
    return this.fleet;
  }

  get total(): number {
    return this.num('events');
  }

  /** When the last event is created. */
  get lastCreationMs(): number {
    return this.createdAt(this.total - 1);
  }

  private get tickMs(): number {
    return Math.max(10, 1000 / this.num('ratePerSec'));
  }

  /** Event `id` is due at id / rate, sent with its burst: on the tick grid, on the kernel's clock. */
  private createdAt(id: number): number {
    const tick = this.tickMs;
    return onClock(Math.floor((id * 1000) / this.num('ratePerSec') / tick + 1e-9) * tick);
  }

  override start(): void {
    this.tick();
  }

  private tick(): void {
    const { kernel, ledger } = this.ctx;
    const now = kernel.now;
    const ids: number[] = [];
    while (this.sent < this.total && this.createdAt(this.sent) <= now) {
      const key = this.drawKey(now);
      ledger.create(this.sent, now, key);
      const pumps = this.pumps;
      if (pumps) {
        const r = pumpReading(pumps, key, now, this.wear, this.valueRng);
        ledger.setReading(this.sent, r.load, r.power);
      }
      ids.push(this.sent++);
    }
    if (ids.length > 0) for (const to of this.downstream()) this.deliver(to, ids);
    if (this.sent < this.total) {
      const delay = this.createdAt(this.sent) - now;
      this.resends.queued(delay);
      kernel.post(delay, () => this.resends.own(() => this.tick()));
    }
  }

  private get wear(): { fromMs: number; perHour: number } {
    return { fromMs: this.num('wearFromMs'), perHour: this.num('wearPerHour') };
  }

  /** The key of an event created at `now`: uniform, or by Zipf's law over a ranking that changes every `trendEveryMs`. */
  private drawKey(now: number): number {
    const keys = this.num('keys');
    if (this.word('popularity') !== 'zipf') return this.rng.int(keys);
    const ranking = this.rankingAt(now);
    const u = this.rng.next() * this.zipfTotal;
    let lo = 0;
    let hi = keys - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.zipfCumulative![mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return ranking[lo]!;
  }

  private zipfCumulative: Float64Array | null = null;
  private zipfTotal = 0;
  private ranking: { period: number; keys: Uint32Array } | null = null;

  /** Which key is the most popular, the second…, in the trend period of `now` (a seeded shuffle per period). */
  private rankingAt(now: number): Uint32Array {
    const keys = this.num('keys');
    if (this.zipfCumulative === null) {
      this.zipfCumulative = new Float64Array(keys);
      let sum = 0;
      for (let r = 0; r < keys; r++) this.zipfCumulative[r] = sum += 1 / (r + 1);
      this.zipfTotal = sum;
    }
    const every = this.num('trendEveryMs');
    const period = every > 0 ? Math.floor(now / every) : 0;
    if (this.ranking?.period !== period) {
      const order = Uint32Array.from({ length: keys }, (_, i) => i);
      if (period > 0) {
        const rng = this.trendRng.fork(`period:${period}`);
        for (let i = keys - 1; i > 0; i--) {
          const j = rng.int(i + 1);
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
      }
      this.ranking = { period, keys: order };
    }
    return this.ranking.keys;
  }

  private deliver(to: PartRuntime, ids: number[]): void {
    this.waiting.set(ids, (this.waiting.get(ids) ?? 0) + 1);
    const bytes = ids.length * this.ctx.eventBytes;
    // The send's network event is queued too: a retry due at that very instant comes after it.
    if (this.canReach(to)) this.resends.queued(this.networkMs(to, bytes));
    this.send(to, ids, bytes, (refused) => {
      // Still on its way to another receiver: it stays held until that one answers too.
      const left = this.waiting.get(ids)! - 1;
      if (left === 0) this.waiting.delete(ids);
      else this.waiting.set(ids, left);
      this.delivered += ids.length - refused.length;
      if (refused.length === 0) return;
      this.resent += refused.length;
      this.resending.add(refused);
      this.resends.retry(to, refused);
    });
  }

  forEachHeld(mark: (id: number) => void): void {
    for (const batch of this.waiting.keys()) for (const id of batch) mark(id);
    for (const batch of this.resending) for (const id of batch) mark(id);
  }

  heldCount(): number {
    let n = 0;
    for (const batch of this.resending) n += batch.length;
    return n;
  }
}
