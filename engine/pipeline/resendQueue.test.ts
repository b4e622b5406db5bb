import { afterEach, describe, expect, it } from 'vitest';
import { ClientsPart } from './clientsPart';
import type { PartRuntime, Reply } from './partRuntime';
import { runPipeline, type PipelineFault, type PipelineRunOptions } from './runPipeline';

/** What the per-copy reference below reaches of the clients. */
interface ClientsInside {
  waiting: Map<number[], number>;
  resending: Set<number[]>;
  resent: number;
  delivered: number;
  ctx: PartRuntime['ctx'];
  num(key: string): number;
  send(to: PartRuntime, ids: number[], bytes: number, reply: Reply): void;
  deliver(to: PartRuntime, ids: number[]): void;
}

const proto = ClientsPart.prototype as unknown as ClientsInside;
const grouped = proto.deliver;
afterEach(() => {
  proto.deliver = grouped;
});

/** The clients as they were: every refused copy its own kernel event at every retry. */
function perCopy(this: ClientsInside, to: PartRuntime, ids: number[]): void {
  this.waiting.set(ids, (this.waiting.get(ids) ?? 0) + 1);
  this.send(to, ids, ids.length * this.ctx.eventBytes, (refused) => {
    const left = this.waiting.get(ids)! - 1;
    if (left === 0) this.waiting.delete(ids);
    else this.waiting.set(ids, left);
    this.delivered += ids.length - refused.length;
    if (refused.length === 0) return;
    this.resent += refused.length;
    this.resending.add(refused);
    this.ctx.kernel.post(this.num('retryMs'), () => {
      this.resending.delete(refused);
      perCopy.call(this, to, refused);
    });
  });
}

/** The run's result as JSON, and about how many kernel events it took (the budget check runs every 4,096). */
function run(options: PipelineRunOptions, reference: boolean): { json: string; events: number } {
  proto.deliver = reference ? perCopy : grouped;
  let checks = 0;
  const result = runPipeline({ ...options, check: () => void checks++ });
  proto.deliver = grouped;
  return { json: JSON.stringify(result), events: checks * 4096 };
}

/** Plays fed to a log (the API, Kafka, streaming counts) and to a Flume agent writing HDFS, as in the Netflix lab. */
const pipeline = (clients: Record<string, number>) => ({
  parts: [
    { id: 'members', type: 'clients', settings: { events: 6_000, ratePerSec: 50, keys: 20, ...clients } },
    { id: 'chukwa', type: 'flume', node: 'n2', settings: { rollInterval: 30, rollCount: 0, rollSize: 0 } },
    { id: 's3', type: 'hdfs', node: 'n2' },
    { id: 'api', type: 'api', node: 'n1' },
    { id: 'log', type: 'kafka', node: 'n1' },
    { id: 'counts', type: 'spark-streaming', node: 'n3', settings: { op: 'countByKey' } },
    { id: 'store', type: 'hbase', node: 'n3' },
    { id: 'row', type: 'dashboard', node: 'n3' },
  ],
  wires: [
    { from: 'members', to: 'chukwa' },
    { from: 'chukwa', to: 's3' },
    { from: 'members', to: 'api' },
    { from: 'api', to: 'log' },
    { from: 'log', to: 'counts' },
    { from: 'counts', to: 'store' },
    { from: 'store', to: 'row' },
  ],
});

const kill = (node: string, atMs: number, untilMs?: number): PipelineFault[] =>
  untilMs === undefined
    ? [{ atMs, kind: 'killNode', node }]
    : [
        { atMs, kind: 'killNode', node },
        { atMs: untilMs, kind: 'restartNode', node },
      ];

describe("the clients' resends", () => {
  it('cost a kernel event per group of waiting copies, with the very result of one event per copy', () => {
    // Flume's machine down 100 s from 20 s: 5,000 bursts refused about 50 times each.
    const options = { pipeline: pipeline({}), faults: kill('n2', 20_000, 120_000), seed: 3, untilMs: 180_000 };
    const perCopyRun = run(options, true);
    const groupedRun = run(options, false);
    expect(groupedRun.json).toBe(perCopyRun.json);
    const parts = (JSON.parse(groupedRun.json) as { parts: { id: string; resent?: number; refused: number }[] }).parts;
    expect(parts.find((p) => p.id === 'members')!.resent).toBeGreaterThan(200_000);
    expect(perCopyRun.events).toBeGreaterThan(200_000);
    expect(groupedRun.events).toBeLessThan(perCopyRun.events / 5);
  });

  it('stay exact when both receivers refuse the same bursts, and a machine comes back on a retry instant', () => {
    const faults = [...kill('n2', 10_000, 70_000), ...kill('n1', 30_000, 50_000), ...kill('n1', 61_000, 61_020)];
    faults.sort((a, b) => a.atMs - b.atMs);
    const options = { pipeline: pipeline({ retryMs: 500 }), faults, seed: 5, untilMs: 150_000 };
    expect(run(options, false).json).toBe(run(options, true).json);
  });

  it('stay exact when a send takes exactly retryMs, and when a tick comes every retryMs', () => {
    // 1 MiB at 100 Mbit/s is 80 ms, plus 20 ms of latency: the send lands on the next retry's instant.
    const sameInstant = { events: 2_000, ratePerSec: 10, eventBytes: 1_048_576, retryMs: 100 };
    const faults = [...kill('n2', 20_000, 60_000), ...kill('n1', 70_000, 90_050)];
    const options = { pipeline: pipeline(sameInstant), faults, seed: 9, untilMs: 300_000 };
    expect(run(options, false).json).toBe(run(options, true).json);
    const everySecond = { pipeline: pipeline({ events: 300, ratePerSec: 1 }), faults: kill('n2', 20_000, 200_000) };
    expect(run({ ...everySecond, untilMs: 400_000 }, false).json).toBe(
      run({ ...everySecond, untilMs: 400_000 }, true).json,
    );
  });

  it('stay exact when the run stops once every event is shown while copies still wait', () => {
    // Without a time limit the run ends when the dashboard has shown every play (through the API):
    // the copies Flume's dead machine refused are still waiting, counted as they were.
    const options = { pipeline: pipeline({ events: 3_000 }), faults: kill('n2', 10_000), seed: 2 };
    const grouped = run(options, false);
    expect(grouped.json).toBe(run(options, true).json);
    const result = JSON.parse(grouped.json) as { ended: string; parts: { id: string; heldAtEnd: number }[] };
    expect(result.ended).toBe('all displayed');
    expect(result.parts.find((p) => p.id === 'members')!.heldAtEnd).toBeGreaterThan(0);
  });
});
