/**
 * What the mapreduce-iot-averages texts say, checked against the runs and the data (every lab's
 * solutions and starters are judged by labs/allLabs.test.ts).
 */
import { describe, expect, it } from 'vitest';
import lab from './lab';
import { createFunctionRunner } from '../../engine/sandbox';
import { SENSOR_DAYS, SENSOR_LINES } from '../labData';
import { runStep } from '../runStep';
import type { JobRunReport } from '../../engine/api';

const flat = (text: string) => text.replace(/\s+/g, ' ');
const count = (n: number) => n.toLocaleString('en-US');

describe('the mapreduce-iot-averages lab', () => {
  it('states the size of its data as generated', () => {
    expect(flat(lab.intro)).toContain(`The file is ${count(SENSOR_LINES)} readings over ${SENSOR_DAYS} days`);
    expect(flat(lab.steps[1]!.instructions)).toContain(
      `grows from ${SENSOR_DAYS} to about ${count(SENSOR_DAYS * 1440)};`,
    );
  });

  it('step 1 is what its text says: nine maps on nine machines next to their data, reducers spread', async () => {
    const step = lab.steps[0]!;
    const out = await runStep({
      lab,
      stepIndex: 0,
      source: step.solution,
      runner: createFunctionRunner(),
    });
    const report = out.report as JobRunReport;
    const maps = report.attempts.filter((a) => a.taskSet.endsWith('/map'));
    const reduces = report.attempts.filter((a) => a.taskSet.endsWith('/reduce'));
    expect(new Set(maps.map((a) => a.node)).size).toBe(9);
    expect(maps.every((a) => a.locality === 'NODE_LOCAL')).toBe(true);
    // Every DataNode holds a replica of some split ("spread over all nine DataNodes").
    const holders = new Set(
      report.trace.flatMap((e) => (e.type === 'blockAllocated' && e.path === '/data/sensors.csv' ? e.replicas : [])),
    );
    expect(holders.size).toBe(9);
    // The maps start within one round of NodeManager heartbeats (1 s), all running together.
    const starts = maps.map((a) => a.start);
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(1000);
    expect(Math.max(...starts)).toBeLessThan(Math.min(...maps.map((a) => a.end)));
    expect(new Set(reduces.map((a) => a.node)).size).toBe(3);
    // Every phase the text names is charged: start-up, read, map, sort and spill; shuffle, merge, reduce, write.
    for (const m of maps)
      expect(Math.min(m.cost.startup, m.cost.read, m.cost.compute, m.cost.spill)).toBeGreaterThan(0);
    for (const r of reduces)
      expect(Math.min(r.cost.startup, r.cost.shuffle, r.cost.spill, r.cost.compute, r.cost.write)).toBeGreaterThan(0);
  });
});
