/**
 * Kernel throughput: events per second of the discrete-event kernel alone (no trace), with
 * 1,000 and 10,000 concurrent "processes" that each reschedule themselves after a pseudo-random delay.
 * Baselines measured in the same process: a sorted-array queue (binary-search insert, shift)
 * and a bare loop of the same handler calls without any queue. Target: >= 1,000,000 events/s.
 */
import { Kernel, createRng } from '../../engine/core';

const EVENTS = 3_000_000;

function kernelRun(PROCESSES: number): { events: number; ms: number; checksum: number } {
  const kernel = new Kernel();
  const rng = createRng(7);
  let checksum = 0;
  let remaining = EVENTS;
  const makeProcess = (id: number): (() => void) => {
    const step = (): void => {
      checksum = (checksum + id) | 0;
      if (--remaining > 0) kernel.schedule(1 + rng.int(100), step, id & 3);
    };
    return step;
  };
  for (let i = 0; i < PROCESSES; i++) kernel.schedule(rng.int(100), makeProcess(i));
  const t0 = performance.now();
  kernel.run();
  const ms = performance.now() - t0;
  return { events: kernel.eventCount, ms, checksum };
}

/** The same workload on a sorted array: insert by binary search, take from the front. */
function sortedArrayRun(PROCESSES: number, events: number): { events: number; ms: number } {
  const rng = createRng(7);
  type E = { time: number; seq: number; run: () => void };
  const queue: E[] = [];
  let seq = 0;
  let now = 0;
  let remaining = events;
  let count = 0;
  const insert = (e: E): void => {
    let lo = 0;
    let hi = queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = queue[mid]!;
      if (m.time < e.time || (m.time === e.time && m.seq < e.seq)) lo = mid + 1;
      else hi = mid;
    }
    queue.splice(lo, 0, e);
  };
  const makeProcess = (): (() => void) => {
    const step = (): void => {
      if (--remaining > 0) insert({ time: now + 1 + rng.int(100), seq: seq++, run: step });
    };
    return step;
  };
  for (let i = 0; i < PROCESSES; i++) insert({ time: rng.int(100), seq: seq++, run: makeProcess() });
  const t0 = performance.now();
  while (queue.length > 0) {
    const e = queue.shift()!;
    now = e.time;
    count++;
    e.run();
  }
  return { events: count, ms: performance.now() - t0 };
}

/** No queue at all: just the handler calls and RNG draws, the floor of what any kernel costs. */
function bareLoop(events: number): { events: number; ms: number } {
  const PROCESSES = 1000;
  const rng = createRng(7);
  let sum = 0;
  const handlers = Array.from({ length: PROCESSES }, (_, id) => () => {
    sum = (sum + id + rng.int(100)) | 0;
  });
  const t0 = performance.now();
  for (let i = 0; i < events; i++) handlers[i % PROCESSES]!();
  const ms = performance.now() - t0;
  if (sum === 42) console.log('');
  return { events, ms };
}

const rate = (r: { events: number; ms: number }): number => r.events / (r.ms / 1000);
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

kernelRun(1000); // warm-up
const bare = bareLoop(EVENTS);
let worst = Number.POSITIVE_INFINITY;
for (const processes of [1000, 10_000]) {
  const runs = [kernelRun(processes), kernelRun(processes), kernelRun(processes)];
  const best = runs.reduce((a, b) => (rate(a) > rate(b) ? a : b));
  worst = Math.min(worst, rate(best));
  const sorted = sortedArrayRun(processes, 1_000_000);
  console.log(
    `kernel, ${fmt(processes)} pending events: ${fmt(best.events)} events in ${best.ms.toFixed(0)} ms = ${fmt(rate(best))} events/s (best of 3)`,
  );
  console.log(
    `  baseline sorted-array queue, same load: ${fmt(rate(sorted))} events/s -> kernel/baseline = ${(rate(best) / rate(sorted)).toFixed(2)}x`,
  );
  console.log(
    `  baseline bare handler loop (no queue): ${fmt(rate(bare))} calls/s -> kernel runs at ${((rate(best) / rate(bare)) * 100).toFixed(1)}% of it`,
  );
}
console.log(
  `target >= 1,000,000 events/s: ${worst >= 1_000_000 ? 'met' : 'NOT met'} (slowest: ${fmt(worst)} events/s)`,
);
