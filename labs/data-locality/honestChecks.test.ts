/**
 * Reasons that say what happened: a zero spark.locality.wait is not called a wait, the network bytes
 * are the file's at the scale the texts give (3.2 GB), and the deadline is judged only for a right
 * count done on the cluster.
 */
import { afterAll, describe, expect, it } from 'vitest';
import lab from './lab';
import { runStep } from '../runStep';
import { labTestRunner } from '../__tests__/labTestRunner';

const runner = labTestRunner();
afterAll(() => runner.close());

async function verdicts(step: number, source: string) {
  const out = await runStep({ lab, stepIndex: step - 1, source, runner });
  expect(out.error).toBeNull();
  return Object.fromEntries(out.checks.map((c) => [c.id, c]));
}

describe('step 2: spark.locality.wait', () => {
  it("with a wait of '0' the locality check does not say the tasks waited", async () => {
    const zero = lab.steps[1]!.solution.replace(/'spark\.locality\.wait': '[^']*'/, "'spark.locality.wait': '0'");
    expect(zero).toContain("'spark.locality.wait': '0'");
    const v = await verdicts(2, zero);
    expect(v['blocks-read-locally']!.pass).toBe(false);
    expect(v['blocks-read-locally']!.reason).not.toContain('waited spark.locality.wait');
    expect(v['blocks-read-locally']!.reason).toContain('did not wait');
  });

  it('the starter (3s) is still told its tasks waited and gave up', async () => {
    const v = await verdicts(2, lab.steps[1]!.starter);
    expect(v['blocks-read-locally']!.reason).toContain('waited spark.locality.wait');
  });
});

describe("the network bytes at the lab's scale", () => {
  it("step 1 reports the file read as gigabytes, as the texts say (3.2 GB), not the sample's megabytes", async () => {
    const v = await verdicts(1, lab.steps[0]!.starter);
    expect(v['network-bytes']!.reason).toMatch(/of the 3\.\d+ GB read from HDFS/);
  });
});

describe('step 3: the deadline', () => {
  it('an empty program is told the time waits for a right result, in English and German', async () => {
    const v = await verdicts(3, 'export default async (sc) => [];');
    expect(v['within-deadline']!.pass).toBe(false);
    expect(v['within-deadline']!.reason).toContain('only once the result is right');
    expect(v['within-deadline']!.reasons?.de).toContain('erst verglichen');
  });

  it('counting in the driver after collecting every reading does not meet the deadline check', async () => {
    const driver = `function expected(n, s) { return 19.5 + n + 4 * Math.sin((s / 86400) * 2 * Math.PI); }
export const conf = { 'spark.yarn.executor.nodeLabelExpression': 'compute' };
export default async (sc) => {
  const acc = new Map();
  for (const line of await sc.textFile('/data/readings.csv').collect()) {
    const [timestamp, sensor, value] = line.split(',');
    const [h, m, s] = timestamp.slice(11).split(':').map(Number);
    const n = Number(sensor.slice('sensor-'.length));
    if (Math.abs(Number(value) - expected(n, h * 3600 + m * 60 + s)) > 1.4) acc.set(sensor, (acc.get(sensor) ?? 0) + 1);
  }
  return [...acc].sort((a, b) => (a[0] < b[0] ? -1 : 1));
};`;
    const v = await verdicts(3, driver);
    expect(v['odd-readings']!.pass).toBe(true);
    expect(v['within-deadline']!.pass).toBe(false);
    expect(v['within-deadline']!.reason).toContain('driver');
  });
});
