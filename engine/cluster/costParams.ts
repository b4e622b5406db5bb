/**
 * The tunable constants of the cost model (see CostModel for how they combine). Defaults are
 * round figures for commodity Hadoop hardware of the cookbook's era: HDDs at ~100 MB/s, 1 GbE,
 * JVM-based containers that take about a second to start.
 */
export interface CostParams {
  /** CPU time of user code per record, microseconds (a map call on a CSV line: a few µs). */
  cpuUsPerRecord: number;
  /** CPU time per byte processed (parse, serialise, compare), nanoseconds. 5 ns/B = 200 MB/s. */
  cpuNsPerByte: number;
  /** Starting a container (localise, fork a JVM), ms. */
  containerStartMs: number;
  /** Starting a task inside a running container (set-up, open streams), ms. */
  taskStartMs: number;
  /**
   * How many real bytes and records each simulated one stands for (a lab's sample line for 100
   * real readings): disk, network and CPU work are charged this many times over, so every
   * phase keeps its real share of the time. 1 by default.
   */
  dataScale: number;
  /**
   * How many real keys each key of the sample stands for, where a combiner or a reduce leaves one
   * record per key: 1 by default (the sample has the real data's keys, days or sensors or words,
   * each with `dataScale` times fewer records); `dataScale` when keys grow with the data (pages of
   * a link graph). Records and bytes that come out of a combine are charged this many times.
   */
  keyScale: number;
}

export const DEFAULT_COSTS: CostParams = {
  cpuUsPerRecord: 0.49,
  cpuNsPerByte: 3.89,
  containerStartMs: 1000,
  taskStartMs: 50,
  dataScale: 1,
  keyScale: 1,
};
