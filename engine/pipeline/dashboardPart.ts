/**
 * The dashboard: every `refreshMs` it queries its store and shows what the query read; an event
 * is displayed at the end of the first refresh that read it. On HDFS a refresh opens and scans
 * every closed file; on HBase it gets the rows by key; on the database it runs the report query.
 * A refresh that cannot reach its store fails and shows nothing new.
 */
import { PartRuntime } from './partRuntime';
import type { HdfsPart } from './hdfsPart';
import type { StorePart } from './storePart';
import { ViewTracker } from './viewTracker';

export class DashboardPart extends PartRuntime {
  /** How far into the store's readable events it has shown. */
  private shown = 0;
  private querying = false;
  refreshes = 0;
  /** Called when a refresh showed something (the run stops once every event is shown). */
  onShown: () => void = () => {};
  /** What its refreshes showed of its store's counts by key, when the store keeps such a view. */
  tracker: ViewTracker | null = null;

  override start(): void {
    const store = this.upstream()[0]!;
    const view = store.spec.type === 'hdfs' ? null : (store as StorePart).view;
    if (view)
      this.tracker = new ViewTracker(
        view,
        this.ctx.ledger,
        this.num('refreshMs'),
        this.word('show') === 'trending' ? { top: this.num('top'), windowMs: this.num('windowMs') } : null,
      );
    this.ctx.kernel.post(this.num('refreshMs'), () => this.refresh_());
  }

  private refresh_(): void {
    this.ctx.kernel.post(this.num('refreshMs'), () => this.refresh_());
    if (this.querying || !this.up) return;
    const store = this.upstream()[0]!;
    const t0 = this.ctx.kernel.now;
    if (!store.canReach(this)) {
      this.ctx.emit({ t: t0, type: 'refresh', part: this.id, shown: 0, durationMs: 0, ok: false });
      return;
    }
    const visible = store.spec.type === 'hdfs' ? (store as HdfsPart).visible : (store as StorePart).visible;
    const upTo = visible.length;
    const ms =
      store.spec.type === 'hdfs'
        ? (store as HdfsPart).readMs((store as HdfsPart).files, (store as HdfsPart).bytes, upTo)
        : (store as StorePart).queryMs();
    const answer = store.networkMs(this, 64 * 1024);
    this.querying = true;
    this.addBusy(ms);
    this.later(ms + answer, () => {
      this.querying = false;
      this.refreshes++;
      const t = this.ctx.kernel.now;
      const ids = visible.slice(this.shown, upTo);
      this.shown = upTo;
      this.received += ids.length;
      const fresh = this.ctx.ledger.display(this.index, ids, t);
      this.tracker?.record(t);
      this.delivered += fresh;
      this.ctx.emit({ t, type: 'refresh', part: this.id, shown: fresh, durationMs: t - t0, ok: true });
      if (fresh > 0) this.onShown();
    });
  }

  protected override onDown(): void {
    this.querying = false;
  }

  forEachHeld(): void {}

  heldCount(): number {
    return 0;
  }
}
