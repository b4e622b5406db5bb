import { describe, expect, it } from 'vitest';
import { runJob } from '../engine/api';
import { createFunctionRunner } from '../engine/sandbox';
import { encodeUtf8 } from '../engine/core';
import { formatReport } from './runReport';

describe('clusterlab run: the counters of a MapReduce job', () => {
  it("prints them as Hadoop's job client does, group by group, the learner's last", async () => {
    const runner = createFunctionRunner();
    try {
      const report = await runJob({
        source: {
          fileName: 'job.js',
          code: `exports.default = { kind: 'mapreduce', input: '/in/a.txt', output: '/out/a',
  map(o, line, ctx) { ctx.getCounter('Lines', 'SEEN').increment(); ctx.write(line, 1); } };`,
        },
        runner,
        cluster: 'classroom',
        seed: 1,
        sampleData: false,
        files: [{ path: '/in/a.txt', bytes: encodeUtf8('x\ny\nx\n') }],
      });
      const text = formatReport(report, 'classroom', ['n1', 'n2', 'n3']);
      expect(text).toMatch(/\nCounters: \d+\n\tFile System Counters\n\t\tFILE: Number of bytes read=/);
      expect(text).toContain('\tMap-Reduce Framework\n\t\tMap input records=3\n\t\tMap output records=3\n');
      expect(text).toContain('\t\tLaunched map tasks=1\n');
      expect(text).toContain('\tLines\n\t\tSEEN=3\n');
      expect(text.indexOf('\tJob Counters')).toBeLessThan(text.indexOf('\tMap-Reduce Framework'));
      expect(text).toMatch(/^MapReduce job on cluster 'classroom' \(3 nodes\): finished in /);
      // One node is one node (it read '1 nodes').
      expect(formatReport(report, '1-node', ['n1'])).toMatch(/^MapReduce job on cluster '1-node' \(1 node\): /);
    } finally {
      await runner.close();
    }
  });
});
