import { describe, expect, it, vi } from 'vitest';
import { createRng, type TraceEvent } from '../core';
import { preset } from '../cluster';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { runJob } from '../api/runJob';
import type { RunJobOptions } from '../api/jobTypes';
import type { MrAppMaster } from './mrAppMaster';
import type { MrAttempt, MrTask } from './mrTypes';
import type * as Speculator from './mrSpeculator';

// The reference: Hadoop's DefaultSpeculator as it reads, every task of the kind looked at in
// every look. SpeculationBook must agree with it, decision for decision.
const mode = vi.hoisted(() => ({ naive: false }));
vi.mock('./mrSpeculator', async (importOriginal) => {
  const real = await importOriginal<typeof Speculator>();
  const naive = (am: MrAppMaster) => {
    const kernel = am.ctx.kernel;
    const look = (): void => {
      if (am.done) return;
      let copies = 0;
      for (const tasks of [am.maps, am.reduces]) {
        const task = naiveBest(tasks, kernel.now);
        if (task === null) continue;
        am.request(task, true);
        copies++;
      }
      kernel.postDaemon(copies > 0 ? real.SPECULATE_AFTER_COPY_MS : real.SPECULATE_AGAIN_MS, look);
    };
    kernel.postDaemon(real.SPECULATE_AGAIN_MS, look);
  };
  return {
    ...real,
    startSpeculator: (am: MrAppMaster) => (mode.naive ? naive : real.startSpeculator)(am),
  };
});
const { SpeculationBook } = await import('./mrSpeculator');

const WORD_COUNT = `exports.default = {
  kind: 'mapreduce', input: '/data/corpus.txt', output: '/out/wc', numReduceTasks: 2,
  map(o, line, ctx) { for (const w of line.split(/\\s+/)) if (w) ctx.write(w, 1); },
  reduce(w, c, ctx) { let n = 0; for (const x of c) n += x; ctx.write(w, n); },
};`;

async function run(naive: boolean, extra: Partial<RunJobOptions>) {
  mode.naive = naive;
  const runner = createFunctionRunner();
  try {
    const r = await runJob({
      source: { fileName: 'wc.js', code: WORD_COUNT },
      runner,
      cluster: { ...preset('cookbook-9'), costs: { dataScale: 20 } },
      seed: 3,
      blockSize: 64 * 1024,
      speculation: true,
      ...extra,
    });
    const text = JSON.stringify({ result: r.result, ms: r.simulatedMs, attempts: r.attempts, trace: r.trace });
    return { text, attempts: r.attempts, trace: r.trace as TraceEvent[] };
  } finally {
    mode.naive = false;
    await runner.close();
  }
}

describe('speculative execution (MapReduce)', () => {
  const slowed = [{ atMs: 0, kind: 'slowNode' as const, node: 'n2', factor: 20 }];

  it('copies nothing on a healthy cluster, where no attempt would lose to a new one', async () => {
    const healthy = await run(false, {});
    expect(healthy.attempts.filter((a) => a.speculative)).toEqual([]);
  });

  it('asks one copy per kind at a time, and only once 5% of the kind is done', async () => {
    const book = await run(false, { faults: slowed });
    const copies = book.attempts.filter((a) => a.speculative);
    const maps = book.attempts.filter((a) => a.task.includes('_m_'));
    const firstMapDone = Math.min(...maps.filter((a) => a.status === 'succeeded').map((a) => a.end));
    for (const c of copies) expect(c.start).toBeGreaterThan(firstMapDone);
    // Two map copies are at least a look apart (15 s after a look that asked for one).
    const mapCopies = copies.filter((a) => a.task.includes('_m_')).map((a) => a.start);
    for (let i = 1; i < mapCopies.length; i++) expect(mapCopies[i]! - mapCopies[i - 1]!).toBeGreaterThan(1000);
  });

  it('decides as searching every task would: a slowed node', async () => {
    const book = await run(false, { faults: slowed });
    expect(book.attempts.some((a) => a.speculative && a.status === 'succeeded')).toBe(true);
    expect(book.text).toBe((await run(true, { faults: slowed })).text);
  });

  it('decides as searching every task would: a node holding map outputs dies mid-shuffle (maps run again)', async () => {
    const base = await run(false, { faults: slowed });
    const started = base.trace.find((e) => e.type === 'shuffleStarted')!;
    const victim = base.trace.find((e) => e.type === 'shuffleFetched' && e.t > started.t && e.from !== e.to)!;
    const faults = [
      ...slowed,
      { atMs: (started.t + victim.t) / 2, kind: 'killNode' as const, node: victim.from as string },
    ];
    const book = await run(false, { faults });
    expect(book.trace.some((e) => e.type === 'mapOutputLost')).toBe(true);
    expect(book.attempts.some((a) => a.speculative)).toBe(true);
    expect(book.text).toBe((await run(true, { faults })).text);
  });

  it('keeps its counts and its heap true through any order of attempts starting, scheduling, ending and winning', () => {
    let found = 0;
    for (let seed = 0; seed < 100; seed++) {
      const rng = createRng(`book-${seed}`);
      const tasks: MrTask[] = Array.from({ length: 5 + rng.int(30) }, (_, index) => ({
        kind: 'map',
        index,
        id: `t${index}`,
        failures: 0,
        launched: 0,
        requested: 0,
        done: false,
        running: [],
        outputNode: null,
        winner: null,
        failedOn: [],
        refusals: 0,
      }));
      const book = new SpeculationBook(tasks.length);
      let now = 0;
      const live: MrAttempt[] = [];
      const startOn = (t: MrTask, speculative: boolean) => {
        const a = {
          task: t,
          record: { start: now, end: now, speculative },
          phase: 'starting',
          workEnd: Number.POSITIVE_INFINITY,
          bookAt: -1,
        } as unknown as MrAttempt;
        t.running.push(a);
        book.started(a);
        live.push(a);
      };
      for (let step = 0; step < 600; step++) {
        now += rng.int(50);
        const op = rng.int(10);
        const waiting = tasks.filter((x) => !x.done && x.running.length === 0);
        const t = tasks[rng.int(tasks.length)]!;
        if (op <= 2) {
          // Mostly a task waiting for its first attempt (so that every task runs, and the speculator looks).
          const w = waiting.length > 0 && rng.int(3) > 0 ? waiting[rng.int(waiting.length)]! : t;
          if (!w.done) startOn(w, w.running.length > 0 || rng.int(6) === 0);
        } else if (op <= 4 && live.length > 0) {
          const a = live[rng.int(live.length)]!;
          if (a.workEnd === Number.POSITIVE_INFINITY) {
            a.workEnd = now + rng.int(400);
            a.phase = 'working';
            book.scheduled(a);
          }
        } else if ((op === 5 || op === 6) && live.length > 0) {
          // An attempt ends (killed or failed), or wins: its task's other attempts are then killed.
          const a = live.splice(rng.int(live.length), 1)[0]!;
          const end = (x: MrAttempt) => {
            x.phase = 'ended';
            x.record.end = now;
            x.task.running.splice(x.task.running.indexOf(x), 1);
            book.ended(x);
          };
          end(a);
          if (op === 6 && !a.task.done) {
            a.task.done = true;
            book.won(a, a.task.winner);
            a.task.winner = a;
            for (const other of [...a.task.running]) {
              live.splice(live.indexOf(other), 1);
              end(other);
            }
          }
        } else if (op === 7 && t.done) {
          t.done = false;
          book.undone(t);
        } else if (op === 8) {
          // A copy asked for, or (as the AM's refused copy not asked again) no request left: the book is told.
          const r = live.length > 0 ? live[rng.int(live.length)]!.task : t;
          r.requested = r.requested === 0 && rng.int(4) === 0 ? 1 : 0;
          if (r.requested === 0) book.reconsider(r);
          else book.copyAsked(r);
        }
        const expected = naiveBest(tasks, now);
        if (expected !== null) found++;
        expect(book.best(now)).toBe(expected);
        // The heap itself: each attempt no later than its parent, and knowing its place.
        const heap = (book as unknown as { heap: MrAttempt[] }).heap;
        heap.forEach((a, i) => {
          expect(a.bookAt).toBe(i);
          if (i > 0) expect(a.workEnd).toBeLessThanOrEqual(heap[(i - 1) >> 1]!.workEnd);
        });
      }
    }
    // The sequences do reach states with stragglers (a book that never finds one would pass otherwise).
    expect(found).toBeGreaterThan(200);
  });
});

/** Hadoop's DefaultSpeculator's choice among `tasks` (one kind) at `now`, by looking at every task. */
function naiveBest(tasks: MrTask[], now: number): MrTask | null {
  // containerNeeds: a task waits for a container (a copy asked for included).
  if (tasks.some((t) => !t.done && (t.running.length === 0 || t.requested > 0))) return null;
  const took = tasks.filter((t) => t.winner !== null).map((t) => t.winner!.record.end - t.winner!.record.start);
  const done = tasks.filter((t) => t.done).length;
  if (took.length === 0 || done < 1 || done < 0.05 * tasks.length) return null;
  const running = tasks.filter((t) => !t.done && t.running.length > 0).length;
  const twice = tasks.filter((t) => t.running.length >= 2).length;
  if (twice >= Math.max(10, 0.01 * tasks.length, 0.1 * running)) return null;
  const mean = took.reduce((s, x) => s + x, 0) / took.length;
  let best: MrTask | null = null;
  let bestValue = 0;
  for (const t of tasks) {
    if (t.done || t.running.length !== 1) continue;
    const a = t.running[0]!;
    // No estimate while the attempt starts (Hadoop: no progress yet); too late when a new one would not end sooner.
    if (a.workEnd === Number.POSITIVE_INFINITY) continue;
    const value = a.workEnd - (now + mean);
    if (value > bestValue) {
      best = t;
      bestValue = value;
    }
  }
  return best;
}
