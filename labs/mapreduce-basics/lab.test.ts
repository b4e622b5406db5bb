/**
 * What the mapreduce-basics texts say, checked against the runs and the data (every lab's
 * solutions and starters are judged by labs/allLabs.test.ts).
 */
import { describe, expect, it } from 'vitest';
import lab, { PAGE_COSTS, SMALL_CLUSTER } from './lab';
import { createFunctionRunner } from '../../engine/sandbox';
import { runStep } from '../runStep';
import type { JobRunReport } from '../../engine/api';
import { PAGES, PAGES_BLOCK_SIZE, pagesBytes, pagesText, plainTagCounts } from './pages';
import { mostMapsAtOnce } from '../checkKit';
import { splitsOf } from './pagesVariant';
import { studentSeed, variantInstructions } from '../variant';

const flat = (text: string) => text.replace(/\s+/g, ' ');
const count = (n: number) => n.toLocaleString('en-US');

async function run(stepIndex: number, source: string) {
  const out = await runStep({ lab, stepIndex, source, runner: createFunctionRunner() });
  return { out, report: out.report as JobRunReport };
}
const maps = (r: JobRunReport) => r.attempts.filter((a) => a.status === 'succeeded' && a.taskSet.endsWith('/map'));
const reduces = (r: JobRunReport) =>
  r.attempts.filter((a) => a.status === 'succeeded' && a.taskSet.endsWith('/reduce'));

describe('the mapreduce-basics lab', () => {
  it('states its data as generated: pages, sites, bytes, blocks, tags', () => {
    const sites = new Set(
      pagesText()
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t')[0]!.split('/')[2]),
    );
    expect(pagesText().trimEnd().split('\n')).toHaveLength(PAGES);
    expect(flat(lab.intro)).toContain(`The data is ${count(PAGES)} pages of ${sites.size} made-up sites`);
    expect(flat(lab.intro)).toContain(`stands for ${count(PAGE_COSTS.dataScale)} pages`);
    const blocks = Math.ceil(pagesBytes() / PAGES_BLOCK_SIZE);
    expect(blocks).toBe(9);
    expect(PAGES_BLOCK_SIZE % 512).toBe(0);
    const step1 = flat(lab.steps[0]!.instructions);
    expect(step1).toContain(
      `is ${count(pagesBytes())} bytes stored in blocks of ${count(PAGES_BLOCK_SIZE)}, so it has nine blocks`,
    );
    expect(lab.steps[1]!.starter).toContain(`${count(pagesBytes())} bytes in blocks of ${count(PAGES_BLOCK_SIZE)}`);
    expect(lab.steps[1]!.starter).toContain(`const BLOCK = ${PAGES_BLOCK_SIZE};`);
    // Upper- and lower-case spellings of one tag both occur (the trap the step names).
    expect(pagesText()).toContain('<TABLE');
    expect(pagesText()).toContain('<table');
    expect(plainTagCounts().length).toBe(20);
  });

  it('step 1 is what its text says: nine maps on 36 cores start within about a second and run together', async () => {
    const { out, report } = await run(0, lab.steps[0]!.solution);
    expect(out.passed).toBe(true);
    const m = maps(report);
    expect(m).toHaveLength(9);
    expect(new Set(m.map((a) => a.node)).size).toBe(9);
    const starts = m.map((a) => a.start);
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(1100);
    expect(mostMapsAtOnce(report)).toBe(9);
    expect(m.filter((a) => a.locality === 'NODE_LOCAL').length).toBeGreaterThan(m.length / 2);
    expect(reduces(report)).toHaveLength(1);
  });

  it('a count that keeps upper case apart fails with the reason; a wrong sum fails too', async () => {
    const upper = await run(0, lab.steps[0]!.solution.replace('m[1].toLowerCase()', 'm[1]'));
    expect(upper.out.checks.find((c) => c.id === 'exact-counts')).toMatchObject({ pass: false });
    expect(upper.out.checks.find((c) => c.id === 'exact-counts')!.reason).toMatch(
      /counts "[A-Z0-9]+" and "[a-z0-9]+" apart/,
    );
    // The whole count in reduce, with no pairs from the map, is not MapReduce's key/value pairs.
    const reduceOnly = await run(
      0,
      `/** @type {MapReduceJob} */
export default {
  kind: 'mapreduce',
  input: '/data/pages.txt',
  output: '/out/tags',
  groupingComparator() {
    return 0;
  },
  reduce(k, lines, ctx) {
    const n = new Map();
    for (const l of lines) for (const m of String(l).matchAll(/<([A-Za-z][A-Za-z0-9]*)/g)) n.set(m[1].toLowerCase(), (n.get(m[1].toLowerCase()) ?? 0) + 1);
    for (const [t, c] of [...n].sort()) ctx.write(t, c);
  },
};
`,
    );
    expect(reduceOnly.out.error).toBeNull();
    expect(reduceOnly.out.checks.find((c) => c.id === 'exact-counts')!.pass).toBe(true);
    expect(reduceOnly.out.checks.find((c) => c.id === 'pair-per-tag')).toMatchObject({ pass: false });
    const once = await run(0, lab.steps[0]!.solution.replace('count += v', 'count = v'));
    expect(once.out.checks.find((c) => c.id === 'exact-counts')!.reason).toMatch(/^tag "a": expected \d+, got 1:/);
  });

  it('step 2 is what its text says: six cores, five free, the starter 36 maps in waves; five splits fit one wave', async () => {
    expect(SMALL_CLUSTER.node?.cores).toBe(2);
    expect(SMALL_CLUSTER.racks).toEqual([{ nodes: 3 }]);
    const starter = await run(1, lab.steps[1]!.starter);
    expect(maps(starter.report)).toHaveLength(36);
    expect(mostMapsAtOnce(starter.report)).toBe(5);
    expect(starter.out.checks.find((c) => c.id === 'one-wave')!.reason).toContain('about 8 waves');
    for (const conf of [
      "'mapreduce.input.fileinputformat.split.minsize': 2 * BLOCK",
      `'mapreduce.input.fileinputformat.split.minsize': ${Math.ceil(pagesBytes() / 5)}`,
    ]) {
      const five = await run(
        1,
        lab.steps[1]!.starter.replace("'mapreduce.input.fileinputformat.split.maxsize': BLOCK / 4", conf),
      );
      expect(maps(five.report), conf).toHaveLength(5);
      expect(five.out.passed, conf).toBe(true);
    }
    // The default splits (nine) need two waves on five cores.
    const nine = await run(
      1,
      lab.steps[1]!.starter.replace("'mapreduce.input.fileinputformat.split.maxsize': BLOCK / 4,", ''),
    );
    expect(maps(nine.report)).toHaveLength(9);
    expect(nine.out.checks.find((c) => c.id === 'one-wave')!.pass).toBe(false);
    // One split for the whole file is one wave but no faster.
    const one = await run(
      1,
      lab.steps[1]!.starter.replace(
        "'mapreduce.input.fileinputformat.split.maxsize': BLOCK / 4",
        "'mapreduce.input.fileinputformat.split.minsize': 10 * BLOCK",
      ),
    );
    expect(maps(one.report)).toHaveLength(1);
    expect(one.out.checks.find((c) => c.id === 'shorter-map-phase')!.pass).toBe(false);
    // Three splits of three blocks: one wave, but two free cores idle.
    const three = await run(
      1,
      lab.steps[1]!.starter.replace(
        "'mapreduce.input.fileinputformat.split.maxsize': BLOCK / 4",
        "'mapreduce.input.fileinputformat.split.minsize': 3 * BLOCK",
      ),
    );
    expect(maps(three.report)).toHaveLength(3);
    expect(three.out.checks.find((c) => c.id === 'one-wave')!.reason).toMatch(/2 of them sat idle/);
  });

  it('step 3 is what its text says: the starter jumps back in the alphabet twice; three reducers start together on three machines', async () => {
    const { report } = await run(2, lab.steps[2]!.starter);
    const keys = (report.result as [string, number][]).map(([k]) => k);
    let jumps = 0;
    for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) jumps++;
    expect(jumps).toBe(2);
    const r = reduces(report);
    expect(new Set(r.map((a) => a.node)).size).toBe(3);
    const starts = r.map((a) => a.start);
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(1000);
    // A partition that sends everything to reducer 0 is sorted but leaves two reducers empty.
    const lazy = await run(
      2,
      lab.steps[2]!.solution.replace(
        /partition\(tag, numReduceTasks\) \{[\s\S]*?\n {2}\},/,
        'partition() {\n    return 0;\n  },',
      ),
    );
    expect(lazy.out.checks.find((c) => c.id === 'three-reducers')).toMatchObject({ pass: false });
    // Letter sets that happen to fit these twenty names fail on the pages the step does not show.
    const luck = await run(
      2,
      lab.steps[2]!.solution.replace(
        /partition\(tag, numReduceTasks\) \{[\s\S]*?\n {2}\},/,
        "partition(tag) {\n    return 'abdfh'.includes(tag[0]) ? 0 : 'ilmp'.includes(tag[0]) ? 1 : 2;\n  },",
      ),
    );
    expect(luck.out.checks.find((c) => c.id === 'parts-in-order')!.pass).toBe(true);
    expect(luck.out.checks.find((c) => c.id === 'parts-in-order-more-tags')!.reason).toMatch(/^on other pages/);
    // A chain that hashes first and sorts with one reducer after is judged by its last job.
    const chained = await run(
      2,
      `const first = ${lab.steps[2]!.starter.slice(lab.steps[2]!.starter.indexOf('export default {') + 15, lab.steps[2]!.starter.lastIndexOf('}') + 1).replace("'/out/tags'", "'/tmp/hashed'")};\n` +
        "export default [first, { ...first, input: '/tmp/hashed', output: '/out/tags', numReduceTasks: 1, map(o, line, ctx) { const [k, v] = line.split('\\t'); ctx.write(k, Number(v)); } }];\n",
    );
    expect(chained.out.error).toBeNull();
    expect(chained.out.checks.find((c) => c.id === 'three-reducers')).toMatchObject({ pass: false });
  });
});

describe("a student's variant of step 1", () => {
  it('counts splits as FileInputFormat does: a last block under a tenth of a block joins the split before', () => {
    expect(splitsOf(9 * 100, 100)).toBe(9);
    expect(splitsOf(9 * 100 + 5, 100)).toBe(9);
    expect(splitsOf(9 * 100 + 11, 100)).toBe(10);
    expect(splitsOf(50, 100)).toBe(1);
  });

  it('says as many splits as the run has map tasks (Ana Lima: ten blocks, nine splits)', async () => {
    const step = lab.steps[0]!;
    const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'];
    for (const name of ['Ana Lima', 'Ben Okafor', 'Chen Wei']) {
      const seed = studentSeed(name);
      const out = await runStep({
        lab,
        stepIndex: 0,
        source: step.solution,
        runner: createFunctionRunner(),
        variantSeed: seed,
      });
      expect(variantInstructions(step, seed)).toContain(
        `cuts it into ${words[maps(out.report as JobRunReport).length]} splits`,
      );
    }
  }, 60_000);
});
