/**
 * The pipeline the pipeline benchmarks run (issue 17's figure): 8 parts (clients → API → Kafka →
 * Spark Streaming → HBase → dashboard, and Kafka → Flume → HDFS beside it) moving 100,000 events,
 * and their baseline: a plain loop that moves the same events through the same parts in order,
 * noting each event's arrival at each part as the ledger does. `plainLoop` uses nothing outside
 * itself, so the web benchmark runs the very same function in the page.
 */
export const EVENTS = 100_000;

export const BENCH_PIPELINE = {
  parts: [
    { id: 'clients', type: 'clients', settings: { events: EVENTS, ratePerSec: 2_000 } },
    { id: 'api', type: 'api', node: 'n1' },
    { id: 'buffer', type: 'kafka', node: 'n2' },
    { id: 'stream', type: 'spark-streaming', node: 'n3' },
    { id: 'serving', type: 'hbase', node: 'n2' },
    { id: 'dashboard', type: 'dashboard', node: 'n1' },
    { id: 'agent', type: 'flume', node: 'n3' },
    { id: 'lake', type: 'hdfs', node: 'n1' },
  ],
  wires: [
    { from: 'clients', to: 'api' },
    { from: 'api', to: 'buffer' },
    { from: 'buffer', to: 'stream' },
    { from: 'stream', to: 'serving' },
    { from: 'serving', to: 'dashboard' },
    { from: 'buffer', to: 'agent' },
    { from: 'agent', to: 'lake' },
  ],
};

/** The same events through the same 7 parts, each noting arrivals and passing the ids on; wall ms. */
export function plainLoop(events: number): number {
  const start = performance.now();
  const parts = 7;
  const reached = Array.from({ length: parts }, () => new Float64Array(events).fill(Number.NaN));
  let ids: number[] = [];
  for (let i = 0; i < events; i++) ids.push(i);
  for (let p = 0; p < parts; p++) {
    const next: number[] = [];
    const row = reached[p]!;
    for (const id of ids) {
      if (Number.isNaN(row[id]!)) row[id] = p;
      next.push(id);
    }
    ids = next;
  }
  return performance.now() - start;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
