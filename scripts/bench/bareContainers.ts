/**
 * The scale benchmark's floor: the same containers as its YARN workload with nothing of the
 * engine, to show what the machine itself makes of a cluster growing from 10 to 10,000 nodes.
 * Each node has `slots` containers; every node beats once a second (simulated), and a beat with a
 * free slot and a waiting task starts a container that ends 2-20 s later. The events sit in a
 * plain binary heap (keys in a Float64Array). No queues, no scheduler, no locality, no trace: what
 * grows here from 10 to 10,000 nodes is only how many containers are live at once (80 against
 * 75,000). Three models of the same work:
 * - closures: a container is one small object and its end a closure (a function and its context),
 *   as the benchmark's ApplicationMasters ended theirs until kernel.postWith (and as the engine's
 *   own MapReduce and Spark AMs still end a task attempt: most of those events need a handle);
 * - objects: a container is one small object, and its end one handler shared by all of them with
 *   the container as its argument (kernel.postWith: how the benchmark's AMs end theirs now);
 * - ids: a container is a number, its fields in typed arrays, and an event carries that number to
 *   one handler: nothing per container for the collector, and little memory a task touches.
 * Objects spread over the heap are what a task's events touch cold on a big cluster, and what the
 * scavenger copies while they live.
 */
import { createRng } from '../../engine/core';

/** Events by time, then by arrival: a key is time * SEQ_SPAN + a sequence number. */
const SEQ_SPAN = 1 << 20;

/** The closures and objects models' events: a handler each, and its argument. */
class EventHeap {
  private keys = new Float64Array(1024);
  private readonly handlers: (((arg: BareContainer) => void) | null)[] = [];
  private readonly args: (BareContainer | null)[] = [];
  /** The argument of the event last popped. */
  arg: BareContainer | null = null;
  size = 0;
  private seq = 0;
  now = 0;

  push(time: number, handler: (arg: BareContainer) => void, arg: BareContainer | null): void {
    if (this.size === this.keys.length) {
      const grown = new Float64Array(this.size * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    const key = time * SEQ_SPAN + (this.seq++ % SEQ_SPAN);
    const keys = this.keys;
    const handlers = this.handlers;
    let i = this.size++;
    const args = this.args;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      handlers[i] = handlers[parent]!;
      args[i] = args[parent]!;
      i = parent;
    }
    keys[i] = key;
    handlers[i] = handler;
    args[i] = arg;
  }

  /** The time of the next event (Infinity when none is left). */
  nextTime(): number {
    return this.size === 0 ? Number.POSITIVE_INFINITY : Math.floor(this.keys[0]! / SEQ_SPAN);
  }

  /** Takes the next event: returns its handler, its argument in `arg`. */
  pop(): (arg: BareContainer) => void {
    const keys = this.keys;
    const handlers = this.handlers;
    const args = this.args;
    const top = handlers[0]!;
    this.arg = args[0]!;
    this.now = Math.floor(keys[0]! / SEQ_SPAN);
    const n = --this.size;
    const lastKey = keys[n]!;
    const last = handlers[n]!;
    const lastArg = args[n]!;
    handlers[n] = null;
    args[n] = null;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= lastKey) break;
      keys[i] = keys[child]!;
      handlers[i] = handlers[child]!;
      args[i] = args[child]!;
      i = child;
    }
    if (n > 0) {
      keys[i] = lastKey;
      handlers[i] = last;
      args[i] = lastArg;
    }
    return top;
  }
}

/**
 * The ids model's events: a number each (a container's id, or -1 - node for a node's heartbeat). A
 * heap of its own, not EventHeap holding numbers: each model's heap then touches only the arrays that
 * model keeps, which is what the floor compares.
 */
class PayloadHeap {
  private keys = new Float64Array(1024);
  private payloads = new Int32Array(1024);
  size = 0;
  private seq = 0;
  now = 0;

  push(time: number, payload: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const payloads = new Int32Array(this.size * 2);
      payloads.set(this.payloads);
      this.payloads = payloads;
    }
    const key = time * SEQ_SPAN + (this.seq++ % SEQ_SPAN);
    const keys = this.keys;
    const payloads = this.payloads;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      payloads[i] = payloads[parent]!;
      i = parent;
    }
    keys[i] = key;
    payloads[i] = payload;
  }

  nextTime(): number {
    return this.size === 0 ? Number.POSITIVE_INFINITY : Math.floor(this.keys[0]! / SEQ_SPAN);
  }

  pop(): number {
    const keys = this.keys;
    const payloads = this.payloads;
    const top = payloads[0]!;
    this.now = Math.floor(keys[0]! / SEQ_SPAN);
    const n = --this.size;
    const lastKey = keys[n]!;
    const last = payloads[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= lastKey) break;
      keys[i] = keys[child]!;
      payloads[i] = payloads[child]!;
      i = child;
    }
    if (n > 0) {
      keys[i] = lastKey;
      payloads[i] = last;
    }
    return top;
  }
}

/** The ids model's run, as bareRun's. */
function bareIdsRun(nodes: number, slots: number, tasks: number, until: number): { endMs: number; cpuMs: number } {
  const heap = new PayloadHeap();
  const rng = createRng('bare-containers');
  const free = new Int32Array(nodes).fill(slots);
  const nodeOf = new Int32Array(tasks);
  const stateOf = new Int8Array(tasks);
  const startOf = new Float64Array(tasks);
  let waiting = tasks;
  let done = 0;
  let ids = 0;
  for (let i = 0; i < nodes; i++) heap.push(Math.floor((i * 1000) / nodes), -1 - i);
  const cpu = process.cpuUsage();
  while (heap.size > 0 && !(tasks > 0 && done === tasks) && heap.nextTime() <= until) {
    const event = heap.pop();
    if (event >= 0) {
      stateOf[event] = 2;
      free[nodeOf[event]!]!++;
      done++;
      continue;
    }
    const i = -1 - event;
    while (free[i]! > 0 && waiting > 0) {
      waiting--;
      free[i]!--;
      const c = ids++;
      nodeOf[c] = i;
      stateOf[c] = 1;
      startOf[c] = heap.now;
      heap.push(heap.now + 2000 + rng.int(18_000), c);
    }
    heap.push(heap.now + 1000, event);
  }
  const used = process.cpuUsage(cpu);
  if (done !== tasks) throw new Error(`bare model: ${done} of ${tasks} containers ended`);
  return { endMs: heap.now, cpuMs: (used.user + used.system) / 1000 };
}

interface BareContainer {
  id: number;
  node: number;
  state: number;
  start: number;
}

/**
 * One run: `tasks` containers on `nodes` nodes (none when `tasks` is 0: the heartbeats alone, until
 * `until`). Returns the simulated time it ended at and its CPU time (ms).
 */
function bareRun(
  closures: boolean,
  nodes: number,
  slots: number,
  tasks: number,
  until: number,
): { endMs: number; cpuMs: number } {
  const heap = new EventHeap();
  const rng = createRng('bare-containers');
  const free = new Int32Array(nodes).fill(slots);
  let waiting = tasks;
  let done = 0;
  let ids = 0;
  const end = (c: BareContainer): void => {
    c.state = 2;
    free[c.node]!++;
    done++;
  };
  const beat = (i: number): void => {
    while (free[i]! > 0 && waiting > 0) {
      waiting--;
      free[i]!--;
      const c: BareContainer = { id: ids++, node: i, state: 1, start: heap.now };
      if (closures) heap.push(heap.now + 2000 + rng.int(18_000), () => end(c), null);
      else heap.push(heap.now + 2000 + rng.int(18_000), end, c);
    }
  };
  for (let i = 0; i < nodes; i++) {
    const tick = (): void => {
      beat(i);
      heap.push(heap.now + 1000, tick, null);
    };
    heap.push(Math.floor((i * 1000) / nodes), tick, null);
  }
  const cpu = process.cpuUsage();
  while (heap.size > 0 && !(tasks > 0 && done === tasks) && heap.nextTime() <= until) {
    const handler = heap.pop();
    handler(heap.arg!);
  }
  const used = process.cpuUsage(cpu);
  if (done !== tasks) throw new Error(`bare model: ${done} of ${tasks} containers ended`);
  return { endMs: heap.now, cpuMs: (used.user + used.system) / 1000 };
}

export type BareModel = 'closures' | 'objects' | 'ids';

/** What each model keeps per container, in the benchmark's words. */
const MODELS: readonly [BareModel, string][] = [
  ['closures', "an object and a closure a container (the benchmark's AMs before kernel.postWith)"],
  ['objects', "an object a container, its end a shared handler with it as argument (the benchmark's AMs now)"],
  ['ids', 'a container an id, its fields and events in typed arrays'],
];

/**
 * A bare model's marginal CPU cost per task (µs) on `nodes` nodes: a run with the tasks less
 * one of the heartbeats alone for as long, as the scale benchmark's marginal figure. Best of
 * `repeat` runs after three to warm up.
 */
export function bareMarginalUs(model: BareModel, nodes: number, slots: number, tasks: number, repeat = 8): number {
  const run = (n: number, until: number) =>
    model === 'ids' ? bareIdsRun(nodes, slots, n, until) : bareRun(model === 'closures', nodes, slots, n, until);
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < repeat + 3; r++) {
    const full = run(tasks, Number.POSITIVE_INFINITY);
    const empty = run(0, full.endMs);
    if (r >= 3) best = Math.min(best, ((full.cpuMs - empty.cpuMs) * 1000) / tasks);
  }
  return best;
}

const num = (n: number, d = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/**
 * The scale benchmark's by-nodes rows (their marginal CPU µs a task, `engineUs`) against the bare
 * models' marginal CPU µs a task (best of 8 after 3 runs to warm up, in this process: the rows are
 * best of 3 in a process each), as lines to print. Within 2x of its cheapest row
 * the engine may grow by that row's cost: the lines say how much of that room each model's growth
 * takes alone, i.e. what keeping containers that way costs on this machine before any of YARN's work.
 */
export function floorByNodes(
  rows: readonly { nodes: number; tasks: number }[],
  engineUs: readonly number[],
  slots: number,
): string[] {
  const lo = engineUs.indexOf(Math.min(...engineUs));
  const hi = engineUs.indexOf(Math.max(...engineUs));
  const room = engineUs[lo]!;
  const engineGrowth = engineUs[hi]! - room;
  const nodes = rows.map((r) => num(r.nodes)).join(' / ');
  const lines = [
    `the machine's floor, the same ${num(rows[0]!.tasks)} containers in bare models (bareContainers.ts: ${slots} a node, heartbeats every second, a binary heap of events, nothing of YARN), marginal CPU µs a task on ${nodes} nodes; within 2x of its cheapest row (${num(room, 2)} µs) the engine may grow by ${num(room, 2)} µs from ${num(rows[lo]!.nodes)} to ${num(rows[hi]!.nodes)} nodes, and grows by ${num(engineGrowth, 2)}:`,
  ];
  for (const [model, what] of MODELS) {
    const bare = rows.map((r) => bareMarginalUs(model, r.nodes, slots, r.tasks));
    const growth = bare[hi]! - bare[lo]!;
    lines.push(
      `  ${what}: ${bare.map((b) => num(b, 2)).join(' / ')}, ${(bare[hi]! / bare[lo]!).toFixed(2)}x from ${num(rows[lo]!.nodes)} to ${num(rows[hi]!.nodes)} nodes; its growth alone (${num(growth, 2)} µs) takes ${num((100 * growth) / room)}% of the engine's room`,
    );
  }
  return lines;
}
