import { describe, expect, it } from 'vitest';
import type { ClusterSpec } from '../cluster';
import { resolveClusterSpec } from '../cluster';
import { runInProcess } from '../api/__tests__/runInProcess';
import type { JobRunReport, RunEventOf, RunEventType, RunJobOptions } from '../api/jobTypes';

const COUNT = `exports.default = async (sc) =>
  sc.textFile('/data/corpus.txt').flatMap((l) => l.split(/\\s+/)).filter((w) => w).map((w) => [w, 1]).reduceByKey((a, b) => a + b).count();`;
const withConf = (conf: string) => `${COUNT}\nexports.conf = ${conf};`;

/**
 * Cookbook 20.2.10's choice as YARN makes it: six machines that store the data and run Spark (both
 * roles, no label), and three stronger compute-only servers under the node label 'compute'.
 */
const LABELLED: ClusterSpec = {
  name: 'labelled',
  node: { cores: 4, memoryMb: 8192, diskMBps: 100 },
  racks: [0, 1, 2].map(() => ({
    nodes: [{}, {}, { roles: ['nodemanager'], nodeLabel: 'compute', cores: 16, cpuSpeed: 2 }],
  })),
  costs: { dataScale: 100 },
};

function run(code: string, extra: Partial<RunJobOptions> = {}): Promise<JobRunReport> {
  return runInProcess({
    source: { fileName: 'count.js', code },
    cluster: LABELLED,
    seed: 5,
    blockSize: 256 * 1024,
    ...extra,
  });
}

const ofType = <T extends RunEventType>(r: JobRunReport, type: T) =>
  r.trace.filter((e): e is RunEventOf<T> => e.type === type);
const executorNodes = (r: JobRunReport) => ofType(r, 'executorAdded').map((e) => e.node);

describe('YARN node labels and spark.yarn.executor.nodeLabelExpression', () => {
  it('asks for executors on the unlabelled nodes by default, and on the labelled ones when the job sets the label', async () => {
    const plain = await run(COUNT);
    expect(executorNodes(plain)).toEqual(['n1', 'n2', 'n4', 'n5', 'n7', 'n8']);
    expect(plain.metrics.counters).toMatchObject({ NODE_LOCAL_TASKS: expect.any(Number) });
    expect(plain.metrics.bytesReadLocal).toBeGreaterThan(0);
    const compute = await run(withConf("{ 'spark.yarn.executor.nodeLabelExpression': 'compute' }"));
    expect(executorNodes(compute)).toEqual(['n3', 'n6', 'n9']);
    expect(compute.result).toBe(plain.result);
    expect(compute.metrics.counters).toMatchObject({ NODE_LOCAL_TASKS: 0 });
    expect(compute.metrics.bytesReadLocal).toBe(0);
    expect(ofType(compute, 'containerRequested').every((e) => e.nodeLabel === 'compute')).toBe(true);
    expect(ofType(plain, 'containerRequested').every((e) => e.nodeLabel === undefined)).toBe(true);
  });

  it("takes the job file's conf over the run's --conf, as SparkConf.set in a program overrides spark-submit", async () => {
    const fromRun = await run(COUNT, { sparkConf: { 'spark.yarn.executor.nodeLabelExpression': 'compute' } });
    expect(executorNodes(fromRun)).toEqual(['n3', 'n6', 'n9']);
    const fileWins = await run(withConf("{ 'spark.yarn.executor.nodeLabelExpression': '' }"), {
      sparkConf: { 'spark.yarn.executor.nodeLabelExpression': 'compute' },
    });
    expect(executorNodes(fileWins)).toEqual(['n1', 'n2', 'n4', 'n5', 'n7', 'n8']);
  });

  it('refuses a label no NodeManager has, a bad conf export, and conf on a MapReduce job, naming the file and the entry', async () => {
    await expect(run(withConf("{ 'spark.yarn.executor.nodeLabelExpression': 'gpu' }"))).rejects.toThrow(
      /no NodeManager has the label 'gpu'.*labels here: '' \(no label\), 'compute'/,
    );
    await expect(run(withConf("{ 'spark.locality.wiat': '1s' }"))).rejects.toThrow(
      /count\.js.*conf\['spark\.locality\.wiat'\]: not a setting ClusterLab simulates/,
    );
    await expect(run(withConf("{ 'spark.locality.wait': 'soon' }"))).rejects.toThrow(
      /conf\['spark\.locality\.wait'\]: must be a time/,
    );
    await expect(run(withConf('[1, 2]'))).rejects.toThrow(/count\.js.*conf: must be an object of Spark settings/);
    await expect(run(withConf("{ 'spark.locality.wait': () => 1 }"))).rejects.toThrow(
      /conf\['spark\.locality\.wait'\]: must be a string, a number or true\/false, got function/,
    );
    const mr = `exports.default = { kind: 'mapreduce', input: '/data/corpus.txt', output: '/out', map(k, v, ctx) { ctx.write(v, 1); } };
exports.conf = { 'spark.locality.wait': '0' };`;
    await expect(run(mr)).rejects.toThrow(/exports conf, the settings of a Spark job/);
  });

  it("runs a MapReduce job's containers only in the default partition (labels are exclusive)", async () => {
    const mr = `exports.default = { kind: 'mapreduce', input: '/data/corpus.txt', output: '/out',
      map(k, line, ctx) { for (const w of line.split(/\\s+/)) if (w) ctx.write(w, 1); },
      reduce(w, vs, ctx) { let n = 0; for (const v of vs) n += v; ctx.write(w, n); } };`;
    const report = await run(mr);
    const used = new Set(ofType(report, 'containerAllocated').map((e) => e.node));
    expect([...used].every((n) => !['n3', 'n6', 'n9'].includes(n))).toBe(true);
  });

  it('names the file and its conf entry for a label the cluster lacks, and blames a conf export without a job on the missing job', async () => {
    const plainCluster: ClusterSpec = { node: { cores: 2, memoryMb: 4096, diskMBps: 100 }, racks: [{ nodes: 3 }] };
    await expect(
      run(withConf("{ 'spark.yarn.executor.nodeLabelExpression': 'compute' }"), { cluster: plainCluster }),
    ).rejects.toThrow(
      /count\.js.*conf\['spark\.yarn\.executor\.nodeLabelExpression'\]: no NodeManager has the label 'compute'/,
    );
    await expect(run('exports.conf = {};')).rejects.toThrow(/has no default export/);
    await expect(run(withConf("{ ['__proto__']: { x: 1 } }"))).rejects.toThrow(
      /conf\['__proto__'\]: must be a string, a number or true\/false/,
    );
  });

  it('runs a MapReduce job on a cluster where a DataNode is labelled: replicas there are simply not preferred', async () => {
    const mr = `exports.default = { kind: 'mapreduce', input: '/data/corpus.txt', output: '/out',
      map(k, line, ctx) { for (const w of line.split(/\\s+/)) if (w) ctx.write(w, 1); },
      reduce(w, vs, ctx) { let n = 0; for (const v of vs) n += v; ctx.write(w, n); } };`;
    const report = await run(mr, {
      cluster: {
        node: { cores: 2, memoryMb: 4096, diskMBps: 100 },
        racks: [{ nodes: 3 }, { nodes: [{ nodeLabel: 'compute' }] }],
      },
    });
    expect(report.result).not.toBeNull();
    expect(new Set(report.attempts.map((a) => a.node)).has('n4')).toBe(false);
  });

  it('runs CPU work cpuSpeed times faster, start-ups and reads unchanged', async () => {
    const at = (cpuSpeed: number) =>
      runInProcess({
        source: { fileName: 'count.js', code: COUNT },
        cluster: { name: 'one', node: { cores: 4, memoryMb: 8192, diskMBps: 100, cpuSpeed }, racks: [{ nodes: 3 }] },
        seed: 5,
        blockSize: 256 * 1024,
      });
    const [slow, fast] = [await at(1), await at(2.5)];
    const sum = (r: JobRunReport, k: 'compute' | 'startup' | 'read') => r.attempts.reduce((s, a) => s + a.cost[k], 0);
    expect(sum(fast, 'compute') / sum(slow, 'compute')).toBeCloseTo(1 / 2.5, 2);
    expect(sum(fast, 'startup')).toBe(sum(slow, 'startup'));
    expect(sum(fast, 'read')).toBe(sum(slow, 'read'));
    expect(fast.result).toBe(slow.result);
  });

  it('validates nodeLabel and cpuSpeed in the cluster spec, naming the field', () => {
    const spec = (node: object) => ({ racks: [{ nodes: [node] }] });
    expect(() => resolveClusterSpec(spec({ nodeLabel: 'has space' }))).toThrow(
      /cluster.racks\[0\].nodes\[0\].nodeLabel: a YARN node label/,
    );
    expect(() => resolveClusterSpec(spec({ cpuSpeed: 0 }))).toThrow(/cluster.racks\[0\].nodes\[0\].cpuSpeed/);
    expect(() => resolveClusterSpec(spec({ cpuSpeed: 1000 }))).toThrow(/must be from 0.01 to 100/);
    expect(() => resolveClusterSpec(spec({ nodeLabel: 'x', roles: ['datanode'] }))).toThrow(
      /nodes\[0\]\.nodeLabel: a YARN node label belongs to a NodeManager/,
    );
    // '' is the default partition: it unsets a label the rack's or the cluster's defaults give.
    const unset = resolveClusterSpec({
      node: { nodeLabel: 'gpu' },
      racks: [{ nodes: 1 }, { nodes: 1, node: { nodeLabel: '' } }],
    });
    expect(unset.nodes.map((n) => n.nodeLabel)).toEqual(['gpu', '']);
    const ok = resolveClusterSpec(spec({ nodeLabel: 'gpu-1', cpuSpeed: 1.5 }));
    expect(ok.nodes[0]).toMatchObject({ nodeLabel: 'gpu-1', cpuSpeed: 1.5 });
    expect(resolveClusterSpec({ racks: [{ nodes: 1 }] }).nodes[0]).toMatchObject({ nodeLabel: '', cpuSpeed: 1 });
  });
});
