/**
 * Step 3 (scale-out) asks for a combiner and 3 reducers: more reducers without a combiner must
 * not pass, and any combiner that pre-aggregates (arrays, { s, c } objects) must.
 */
import { describe, expect, it } from 'vitest';
import lab from './lab';
import { createFunctionRunner } from '../../engine/sandbox';
import { runStep } from '../runStep';
import { seconds } from '../checkKit';

const step = lab.steps[2]!;
const judge = (source: string) => runStep({ lab, stepIndex: 2, source, runner: createFunctionRunner() });
const failed = (out: Awaited<ReturnType<typeof judge>>) => out.checks.filter((c) => !c.pass).map((c) => c.id);

const objectCombiner = `/** @type {MapReduceJob} */
export default {
  kind: 'mapreduce',
  input: '/data/sensors.csv',
  output: '/out/daily',
  numReduceTasks: 3,
  map(offset, line, ctx) {
    const [t, , v] = line.split(',');
    ctx.write(t.slice(0, 10), { s: Number(v), c: 1 });
  },
  combine(day, values, ctx) {
    const acc = { s: 0, c: 0 };
    for (const v of values) { acc.s += v.s; acc.c += v.c; }
    ctx.write(day, acc);
  },
  reduce(day, values, ctx) {
    let s = 0, c = 0;
    for (const v of values) { s += v.s; c += v.c; }
    ctx.write(day, s / c);
  },
};`;

describe('mapreduce-iot-averages step 3', () => {
  it.each([30, 90])(
    'fails the starter with numReduceTasks: %i and no combiner',
    async (n) => {
      const out = await judge(step.starter.replace('numReduceTasks: 3', `numReduceTasks: ${n}`));
      expect(out.passed).toBe(false);
      expect(failed(out)).toEqual(['three-reducers', 'combiner']);
      const combiner = out.checks.find((c) => c.id === 'combiner')!;
      expect(combiner.reason).toMatch(/no combiner ran/);
      expect(combiner.reasons?.de).toMatch(/kein Combiner/);
    },
    120_000,
  );

  it('fails a combiner that passes every reading on', async () => {
    const identity = step.starter.replace(
      '  reduce(day',
      '  combine(day, values, ctx) {\n    for (const v of values) ctx.write(day, v);\n  },\n  reduce(day',
    );
    const out = await judge(identity);
    expect(failed(out)).toContain('combiner');
  }, 120_000);

  it('passes a combiner of { s, c } objects', async () => {
    const out = await judge(objectCombiner);
    expect(failed(out)).toEqual([]);
    // The text asks to compare three runs: the third (10x the data on the same 9 machines) is shown
    // nowhere else, so the scaling check's reason gives its time, in both languages.
    const same = out.checks.find((c) => c.id === 'same-time')!;
    const third = out.extra.find((x) => x.id === 'same-machines')!.report;
    const s = seconds(third.simulatedMs);
    expect(same.reason).toContain(`for comparison, 10x the data on the same 9 machines: ${s}`);
    expect(same.reasons?.de).toContain(
      `zum Vergleich: 10x die Daten auf denselben 9 Maschinen: ${s.replace('.', ',')}`,
    );
  }, 120_000);
});
