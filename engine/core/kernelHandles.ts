/**
 * The kernel's handles on scheduled events. A slot of the queue is reused once its event ran or was
 * dropped, and its generation moves on, so a handle kept after its event ran cancels nothing.
 */
import { keyTime } from './eventQueue';

/** What a handle asks of its kernel: to drop the event in `slot` if that slot is still of `generation`. */
export interface SlotCanceller {
  cancelSlot(slot: number, generation: number): void;
}

export interface ScheduledHandle {
  /** Cancels the event if it has not run yet. */
  cancel(): void;
  readonly time: number;
}

/** What `schedule` hands back: the event's slot in the queue and that slot's generation then. */
export class KernelHandle implements ScheduledHandle {
  constructor(
    private readonly kernel: SlotCanceller,
    private readonly slot: number,
    private readonly generation: number,
    private readonly key: number,
  ) {}

  get time(): number {
    return keyTime(this.key);
  }

  cancel(): void {
    this.kernel.cancelSlot(this.slot, this.generation);
  }
}

/** The events of `scheduleSeriesAt`: cancelling it drops every one of them that has not run. */
export class SeriesHandle implements ScheduledHandle {
  constructor(
    private readonly kernel: SlotCanceller,
    private readonly slots: Int32Array,
    private readonly generations: Int32Array,
    readonly time: number,
  ) {}

  cancel(): void {
    for (let k = 0; k < this.slots.length; k++) this.kernel.cancelSlot(this.slots[k]!, this.generations[k]!);
  }
}
