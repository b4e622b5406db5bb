import { describe, expect, it } from 'vitest';
import type { ClusterSpec } from '../cluster';
import { runInProcess } from '../api/__tests__/runInProcess';
import type { JobRunReport, RunEventOf, RunEventType, RunJobOptions } from '../api/jobTypes';
import { JobSpecError } from '../sandbox/contract';
import type { YarnLoadSpec } from '../yarn';

const COUNT = `exports.default = async (sc) =>
  sc.textFile('/data/corpus.txt').flatMap((l) => l.split(/\\s+/)).filter((w) => w).map((w) => [w, 1]).reduceByKey((a, b) => a + b).count();`;
const withConf = (conf: string) => `${COUNT}\nexports.conf = ${conf};`;

/** Four machines of 8 cores and 32 GB, each a DataNode and a NodeManager (and a standalone Worker). */
const SHARED: ClusterSpec = {
  name: 'shared',
  node: { cores: 8, memoryMb: 32_768, diskMBps: 100 },
  racks: [{ nodes: 2 }, { nodes: 2 }],
  costs: { dataScale: 100, cpuUsPerRecord: 20 },
};
/** Another team's work: 16 containers of 1 core and 4 GB, busy for 10 minutes (4 on each machine). */
const ETL: YarnLoadSpec = { name: 'nightly-etl', containers: 16, vcores: 1, memoryMb: 4096, workMs: 600_000 };

function run(code: string, extra: Partial<RunJobOptions> = {}): Promise<JobRunReport> {
  return runInProcess({
    source: { fileName: 'count.js', code },
    cluster: SHARED,
    seed: 5,
    blockSize: 256 * 1024,
    yarn: { maxAssignmentsPerHeartbeat: 1 },
    yarnLoad: [ETL],
    submitAtMs: 10_000,
    ...extra,
  });
}

const ofType = <T extends RunEventType>(r: JobRunReport, type: T) =>
  r.trace.filter((e): e is RunEventOf<T> => e.type === type);

describe("Spark's standalone Master beside YARN (Cookbook 20.2.5, 20.10)", () => {
  it('hands out every core of every worker although YARN already runs containers there: each node is oversubscribed, and CPU work there takes longer', async () => {
    const standalone = await run(withConf("{ 'spark.master': 'spark://master:7077' }"));
    const added = ofType(standalone, 'executorAdded');
    expect(added.map((e) => [e.node, e.cores, e.memoryMb, e.manager, e.container])).toEqual(
      ['n1', 'n2', 'n3', 'n4'].map((n) => [n, 8, 1024, 'standalone', undefined]),
    );
    const over = ofType(standalone, 'nodeOversubscribed');
    expect(over.map((e) => e.node).sort()).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(over[0]).toMatchObject({ cores: 12, capacityCores: 8, yarn: { cores: 4 }, standalone: { cores: 8 } });
    // The executors end with the application: their cores go back to the Master.
    expect(
      ofType(standalone, 'executorRemoved')
        .map((e) => e.node)
        .sort(),
    ).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(ofType(standalone, 'nodeSubscriptionRestored')).toHaveLength(4);
    // The same executors' cores without the ETL: no oversubscription, and the tasks run 1.5x faster.
    const alone = await run(withConf("{ 'spark.master': 'spark://master:7077' }"), { yarnLoad: [] });
    expect(ofType(alone, 'nodeOversubscribed')).toHaveLength(0);
    expect(alone.result).toBe(standalone.result);
    const cpu = (r: JobRunReport) => r.attempts.reduce((s, a) => s + a.cost.compute, 0);
    expect(cpu(standalone) / cpu(alone)).toBeCloseTo(1.5, 2);
  });

  it('on YARN the executors wait for room instead: no node is ever oversubscribed', async () => {
    const yarn = await run(withConf("{ 'spark.master': 'yarn' }"));
    expect(ofType(yarn, 'nodeOversubscribed')).toHaveLength(0);
    // One executor of all 8 cores per node fits only once the ETL's containers end.
    const registered = ofType(yarn, 'executorsRegistered')[0]!;
    expect(registered.t).toBeGreaterThan(600_000);
    const sized = await run(
      withConf("{ 'spark.executor.instances': 4, 'spark.executor.cores': 4, 'spark.executor.memory': '8g' }"),
    );
    expect(ofType(sized, 'nodeOversubscribed')).toHaveLength(0);
    // 8g + 819m overhead is a 9216 MB container once YARN rounds it up to its 1024 MB minimum.
    expect(ofType(sized, 'executorAdded').map((e) => [e.cores, e.memoryMb])).toEqual(
      Array.from({ length: 4 }, () => [4, 9216]),
    );
    expect(ofType(sized, 'executorsRegistered')[0]!.t).toBeLessThan(15_000);
    expect(sized.result).toBe(yarn.result);
    expect(sized.simulatedMs).toBeLessThan(yarn.simulatedMs);
  });

  it("takes Spark's defaults once any executor setting is given: 2 executors of 1 core", async () => {
    const r = await run(withConf("{ 'spark.executor.memory': '2g' }"), { yarnLoad: [] });
    expect(ofType(r, 'executorAdded').map((e) => [e.cores, e.memoryMb])).toEqual([
      [1, 3072],
      [1, 3072],
    ]);
  });

  it('submits to spark.yarn.queue; a queue YARN does not have, or an executor no node can hold, stops the run naming the setting', async () => {
    const queues = {
      scheduler: 'capacity' as const,
      queues: [
        { name: 'etl', capacity: 70 },
        { name: 'analytics', capacity: 30 },
      ],
    };
    const inQueue = await run(withConf("{ 'spark.yarn.queue': 'analytics', 'spark.executor.instances': 2 }"), {
      yarn: { ...queues, maxAssignmentsPerHeartbeat: 1 },
      yarnLoad: [],
    });
    expect(ofType(inQueue, 'applicationSubmitted').map((e) => e.queue)).toEqual(['analytics']);
    await expect(run(COUNT, { yarn: queues, yarnLoad: [] })).rejects.toThrow(
      /spark\.yarn\.queue: YARN has no queue 'default' \(its queues: etl, analytics\)/,
    );
    const big = run(withConf("{ 'spark.executor.memory': '40g' }"));
    await expect(big).rejects.toBeInstanceOf(JobSpecError);
    await expect(big).rejects.toThrow(
      /count\.js: conf\['spark\.executor\.memory'\]: an executor of 40960 MB with 4096 MB overhead needs a 45056 MB container, above the 32768 MB/,
    );
  });

  it("says on 'cluster' when no node could hold an executor of its own (it named YARN's ask.memoryMb)", async () => {
    const tiny: ClusterSpec = { name: 'tiny', node: { memoryMb: 1 }, racks: [{ nodes: 3 }] };
    await expect(run(COUNT, { cluster: tiny, yarnLoad: [] })).rejects.toThrow(
      'cluster: no NodeManager can hold an executor: each node gets one of half its memory, in a container of at least 1,024 MB, and the largest node has 1 MB; give the nodes more memory',
    );
  });

  it('refuses before the run standalone executors no Worker could hold, naming the setting', async () => {
    const standalone = (more: string) => withConf(`{ 'spark.master': 'spark://master:7077', ${more} }`);
    await expect(run(standalone("'spark.executor.cores': 9"))).rejects.toThrow(
      /conf\['spark\.executor\.cores'\]: executors of 9 cores, but the largest Worker offers 8/,
    );
    await expect(run(standalone("'spark.executor.memory': '32g'"))).rejects.toThrow(
      /conf\['spark\.executor\.memory'\]: executors of 32768 MB, but the largest Worker offers 31744 MB/,
    );
    await expect(run(standalone("'spark.executor.cores': 2, 'spark.cores.max': 1"))).rejects.toThrow(
      /conf\['spark\.cores\.max'\]: 1 cores in all is fewer than one executor's 2/,
    );
    await expect(run(withConf("{ 'spark.executor.memory': '100m' }"))).rejects.toThrow(/must be at least 450m/);
  });

  it('sizes executors by spark.executor.memoryOverhead alone too (Spark defaults for the rest)', async () => {
    const r = await run(withConf("{ 'spark.executor.memoryOverhead': '2g' }"), { yarnLoad: [] });
    expect(ofType(r, 'executorAdded').map((e) => [e.cores, e.memoryMb])).toEqual([
      [1, 3072],
      [1, 3072],
    ]);
  });

  it('a standalone executor dies with its machine: the Master hears of it when the Worker comes back, and launches a new one', async () => {
    const r = await run(withConf("{ 'spark.master': 'spark://master:7077' }"), {
      yarnLoad: [],
      faults: [
        { atMs: 12_000, kind: 'killNode', node: 'n2' },
        { atMs: 20_000, kind: 'restartNode', node: 'n2' },
      ],
    });
    expect(ofType(r, 'executorLost').map((e) => [e.executor, e.t])).toEqual([['exec-n2', 20_000]]);
    expect(
      ofType(r, 'executorAdded')
        .filter((e) => e.node === 'n2')
        .map((e) => e.executor),
    ).toEqual(['exec-n2', 'exec-n2.2']);
  });

  it('refuses a Master URL the cluster has no Master at, and local mode', async () => {
    await expect(run(withConf("{ 'spark.master': 'spark://n1:7077' }"))).rejects.toThrow(
      /conf\['spark\.master'\]: no standalone Master answers at spark:\/\/n1:7077: this cluster's Master listens at spark:\/\/master:7077/,
    );
    await expect(run(withConf("{ 'spark.master': 'local[*]' }"))).rejects.toThrow(/local mode runs on one machine/);
  });
});
