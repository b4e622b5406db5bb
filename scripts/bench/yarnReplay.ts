/**
 * "The bare kernel for the same events": records every event a simulation schedules (how: delay,
 * absolute time or daemon; the argument; the priority) and which event scheduled it, then replays
 * exactly that schedule in a fresh Kernel whose one shared handler does nothing but schedule the
 * same children with the same arguments. The replay pops and pushes the same events in the same
 * order at the same queue depth as the recorded run, so it is what the kernel alone costs for
 * that run; the difference is what the layers above it cost.
 *
 * Recording patches Kernel.prototype for the duration of `record` only (the simulation builds its
 * own kernel, and its heartbeats are scheduled as it is built); nothing of it stays in the engine.
 */
import { Kernel } from '../../engine/core';

/**
 * How an event was scheduled: schedule(delay), scheduleAt(time), scheduleDaemon(delay), the same
 * without a handle (post, postAt, postDaemon), or with a shared handler and an argument
 * (postWith, postAtWith): the replay makes the same call.
 */
const METHODS = [
  'schedule',
  'scheduleAt',
  'scheduleDaemon',
  'post',
  'postAt',
  'postDaemon',
  'postWith',
  'postAtWith',
] as const;
/** The methods whose third parameter is the handler's argument (the priority is the fourth). */
const WITH_ARG = new Set<Method>(['postWith', 'postAtWith']);
type Method = (typeof METHODS)[number];

export interface RecordedSchedule {
  /** Per event, in scheduling order: how, the delay or time given, the priority. */
  kind: Uint8Array;
  arg: Float64Array;
  priority: Int8Array;
  /** The events scheduled before the run (by no event): ids 0..roots-1. */
  roots: number;
  /** Per event: its first child's id and how many children it scheduled (children are consecutive ids). */
  firstChild: Int32Array;
  childCount: Int32Array;
  /** The ids of the events that ran, in the order they ran. */
  ran: Int32Array;
  /** Events cancelled before they ran (the replay cannot reproduce those: it says so). */
  cancelled: number;
}

type Scheduler = (this: Kernel, x: number, handler: (arg?: unknown) => void, ...rest: unknown[]) => unknown;

/** Runs `build` (which creates the simulation and schedules its start) and `run` while recording every schedule. */
export function record(build: () => void, run: () => void): RecordedSchedule {
  const kind: number[] = [];
  const arg: number[] = [];
  const priority: number[] = [];
  const firstChild: number[] = [];
  const childCount: number[] = [];
  const ran: number[] = [];
  const done: number[] = [];
  let current = -1;
  let roots = 0;
  let cancelled = 0;
  const proto = Kernel.prototype as unknown as Record<Method, Scheduler>;
  const originals = Object.fromEntries(METHODS.map((m) => [m, proto[m]])) as Record<Method, Scheduler>;
  const wrap = (how: number, original: Scheduler, withArg: boolean): Scheduler =>
    function (this: Kernel, x: number, handler: (arg?: unknown) => void, ...rest: unknown[]): unknown {
      const p = ((withArg ? rest[1] : rest[0]) as number | undefined) ?? 0;
      const id = kind.length;
      kind.push(how);
      arg.push(x);
      priority.push(p);
      firstChild.push(0);
      childCount.push(0);
      done.push(0);
      if (current < 0) roots++;
      else if (childCount[current]!++ === 0) firstChild[current] = id;
      const traced = (a?: unknown): void => {
        const outer = current;
        current = id;
        ran.push(id);
        done[id] = 1;
        handler(a);
        current = outer;
      };
      const handle = (withArg ? original.call(this, x, traced, rest[0], p) : original.call(this, x, traced, p)) as
        { cancel(): void } | undefined;
      if (handle === undefined) return handle; // post: no handle, never cancelled
      const cancel = handle.cancel.bind(handle);
      handle.cancel = () => {
        if (done[id] === 0) {
          cancelled++;
          done[id] = 2;
        }
        cancel();
      };
      return handle;
    };
  METHODS.forEach((m, how) => (proto[m] = wrap(how, originals[m], WITH_ARG.has(m))));
  try {
    build();
    run();
  } finally {
    Object.assign(proto, originals);
  }
  return {
    kind: Uint8Array.from(kind),
    arg: Float64Array.from(arg),
    priority: Int8Array.from(priority),
    roots,
    firstChild: Int32Array.from(firstChild),
    childCount: Int32Array.from(childCount),
    ran: Int32Array.from(ran),
    cancelled,
  };
}

/** Replays `s` in a fresh Kernel; returns its CPU time in ms (user + system) and the events it ran. */
export function replay(s: RecordedSchedule): { cpuMs: number; events: number } {
  const k = new Kernel();
  const { kind, arg, priority, firstChild, childCount, ran } = s;
  let next = 0;
  const put = (id: number): void => {
    const how = kind[id]!;
    if (how === 0) k.schedule(arg[id]!, tick, priority[id]);
    else if (how === 1) k.scheduleAt(arg[id]!, tick, priority[id]);
    else if (how === 2) k.scheduleDaemon(arg[id]!, tick, priority[id]);
    else if (how === 3) k.post(arg[id]!, tick, priority[id]);
    else if (how === 4) k.postAt(arg[id]!, tick, priority[id]);
    else if (how === 5) k.postDaemon(arg[id]!, tick, priority[id]);
    else if (how === 6) k.postWith(arg[id]!, tick, id, priority[id]);
    else k.postAtWith(arg[id]!, tick, id, priority[id]);
  };
  // Every event runs this one handler: the events run in the recorded order, so the n-th call is ran[n].
  function tick(): void {
    const id = ran[next++]!;
    const end = firstChild[id]! + childCount[id]!;
    for (let c = firstChild[id]!; c < end; c++) put(c);
  }
  for (let id = 0; id < s.roots; id++) put(id);
  // The recorded run was kept going by its layers' holds while only daemon events were queued.
  const release = k.retain();
  const c0 = process.cpuUsage();
  k.run({ maxEvents: ran.length });
  const c = process.cpuUsage(c0);
  release();
  return { cpuMs: (c.user + c.system) / 1000, events: k.eventCount };
}
