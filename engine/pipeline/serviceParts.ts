/**
 * Services that pass each request on and answer only once the next part took it (an ingest API,
 * a model-serving service): they hold nothing of their own, so a crash refuses their requests and
 * the sender sends them again. `concurrency` requests run at once (at most one per core), each
 * costing `perRequestMs` of CPU on the machine.
 */
import { PartRuntime, type Reply } from './partRuntime';

interface Request {
  ids: number[];
  reply: Reply;
  done: boolean;
}

/** The most requests one service turn takes: a turn is at most 100 rounds of `concurrency` requests. */
const ROUNDS_PER_TURN = 100;

export class PassThroughPart extends PartRuntime {
  private queue: Request[] = [];
  private inService: Request[] = [];
  private busy = false;

  private get concurrency(): number {
    const want = this.spec.type === 'api' ? this.num('threads') : this.num('replicas');
    return Math.max(1, Math.min(want, this.node!.cores));
  }

  private get perRequestMs(): number {
    return this.spec.type === 'api' ? this.num('requestCpuMs') : this.num('inferenceMs');
  }

  override accept(ids: number[], _from: PartRuntime, reply: Reply): void {
    this.take(ids);
    this.queue.push({ ids, reply, done: false });
    this.noteHeld();
    this.pump();
  }

  private pump(): void {
    if (this.busy || this.queue.length === 0) return;
    const limit = this.concurrency * ROUNDS_PER_TURN;
    const turn: Request[] = [];
    let n = 0;
    while (this.queue.length > 0 && n < limit) {
      const r = this.queue.shift()!;
      turn.push(r);
      n += r.ids.length;
    }
    this.inService.push(...turn);
    const ms = this.ctx.cost.cpuMs(this.node!, { ms: Math.ceil(n / this.concurrency) * this.perRequestMs });
    this.busy = true;
    this.addBusy(ms);
    this.later(ms, () => {
      this.busy = false;
      for (const r of turn) this.served(r.ids);
      this.forward(turn);
      this.pump();
    });
  }

  /** Called once the requests of `ids` were served, before they are passed on (model serving scores them). */
  protected served(_ids: readonly number[]): void {}

  private forward(turn: Request[]): void {
    const ids = turn.flatMap((r) => r.ids);
    const next = this.downstream()[0]!;
    this.send(next, ids, ids.length * this.ctx.eventBytes, (refused) => {
      const no = new Set(refused);
      for (const r of turn) {
        const at = this.inService.indexOf(r);
        if (at >= 0) this.inService.splice(at, 1);
        if (r.done) continue;
        r.done = true;
        const back = no.size === 0 ? [] : r.ids.filter((id) => no.has(id));
        this.delivered += r.ids.length - back.length;
        r.reply(back);
      }
    });
  }

  /** A crash: every request not yet answered is refused (the sender's connection breaks). */
  protected override onDown(): void {
    this.busy = false;
    const open = [...this.queue, ...this.inService];
    this.queue = [];
    this.inService = [];
    for (const r of open)
      if (!r.done) {
        r.done = true;
        this.refused += r.ids.length;
        r.reply(r.ids);
      }
  }

  forEachHeld(): void {}

  heldCount(): number {
    let n = 0;
    for (const r of this.queue) n += r.ids.length;
    return n;
  }
}
