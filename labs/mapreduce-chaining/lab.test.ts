/**
 * What the mapreduce-chaining texts say, checked against real runs and the data, and proof that
 * each check fails on a plausible wrong answer with a reason that says what is wrong (every lab's
 * solutions and starters are also judged by labs/allLabs.test.ts).
 */
import { describe, expect, it } from 'vitest';
import lab, { GRAPH_BLOCK_SIZE, STARTUP_LIMIT_MS } from './lab';
import { intermediateBytes, jobAttempts, jobCounter, partBlocks, partFiles } from './chainFacts';
import { judgeTop } from './checks';
import { inLinkCounts, plainTopInLinks } from './linkGraph';
import type { JobRunReport } from '../../engine/api';
import { encodeUtf8 } from '../../engine/core';
import { createFunctionRunner } from '../../engine/sandbox';
import { seconds } from '../checkKit';
import { graphText } from '../labData';
import { count } from '../plural';
import { runStep, type StepOutcome } from '../runStep';

const flat = (text: string) => text.replace(/\s+/g, ' ');
const runner = createFunctionRunner();

async function run(stepIndex: number, source: string): Promise<StepOutcome> {
  const out = await runStep({ lab, stepIndex, source, runner });
  expect(out.error).toBeNull();
  return out;
}
const reportOf = (out: StepOutcome) => out.report as JobRunReport;
const extraOf = (out: StepOutcome, id: string) => out.extra.find((x) => x.id === id)!.report as JobRunReport;
const check = (out: StepOutcome, id: string) => out.checks.find((c) => c.id === id)!;

/** `text` with `from` replaced, failing the test when `from` is not there (a variant must differ). */
function variant(text: string, from: string | RegExp, to: string): string {
  const changed = text.replace(from, to);
  expect(changed).not.toBe(text);
  return changed;
}

const jobStart = (r: JobRunReport, job: string) => r.trace.find((e) => e.type === 'jobSubmitted' && e.job === job)!.t;
const jobEnd = (r: JobRunReport, job: string) => r.trace.find((e) => e.type === 'jobFinished' && e.job === job)!.t;

describe('the mapreduce-chaining lab', () => {
  it('states the size and shape of its data as generated', () => {
    const text = graphText();
    const bytes = encodeUtf8(text).length;
    expect(bytes).toBe(6494);
    expect(bytes).toBeLessThan(GRAPH_BLOCK_SIZE); // one block, one map task in job 1
    const pages = new Set(text.split('\n').flatMap((l) => (l ? l.split(' ') : [])));
    expect(pages.size).toBe(300);
    expect(flat(lab.intro)).toContain('a link graph of 300 web pages');
    expect(flat(lab.steps[0]!.instructions)).toContain(`the ${count(bytes)}-byte graph with one map task`);
    // "several pages have the same count": the 10th place is shared.
    const top = plainTopInLinks(text);
    const tenth = top[9]![1];
    expect([...inLinkCounts(text).values()].filter((n) => n === tenth).length).toBeGreaterThan(1);
  });

  it("no starter holds its own solution or the previous step's", () => {
    for (const [i, step] of lab.steps.entries()) {
      expect(step.starter.includes(step.solution)).toBe(false);
      if (i > 0) expect(step.starter.includes(lab.steps[i - 1]!.solution)).toBe(false);
    }
    expect(lab.steps[1]!.starter).not.toContain('dfs.replication');
  });

  it('step 1 is what its text says: one map then 3 reducers, then 3 maps reading 1,694 bytes back', async () => {
    const out = await run(0, lab.steps[0]!.solution);
    const r = reportOf(out);
    expect(out.passed).toBe(true);
    expect(r.metrics.jobs).toBe(2);
    expect(jobAttempts(r, 0, 'map')).toHaveLength(1);
    expect(jobAttempts(r, 0, 'reduce')).toHaveLength(3);
    expect(jobAttempts(r, 1, 'map')).toHaveLength(3);
    expect(jobAttempts(r, 1, 'reduce')).toHaveLength(1);
    expect(partFiles(r, 0)).toEqual([
      '/tmp/inlinks/part-r-00000',
      '/tmp/inlinks/part-r-00001',
      '/tmp/inlinks/part-r-00002',
    ]);
    const written = jobCounter(r, 0, 'HDFS_BYTES_WRITTEN');
    expect(written).toBe(1694);
    expect(jobCounter(r, 1, 'HDFS_BYTES_READ')).toBe(written);
    const text = flat(lab.steps[0]!.instructions);
    expect(text).toContain(`3 of them for ${count(written)} bytes`);
    // Job 2 starts only when job 1 has finished; each job begins with its ApplicationMaster.
    expect(jobStart(r, 'job_00002')).toBeGreaterThanOrEqual(jobEnd(r, 'job_00001'));
    expect(Math.min(...jobAttempts(r, 1, 'map').map((a) => a.start))).toBeGreaterThan(jobEnd(r, 'job_00001'));
    const ams = r.trace.filter((e) => e.type === 'appMasterLaunched');
    expect(ams.map((e) => e.type === 'appMasterLaunched' && e.job)).toEqual(['job_00001', 'job_00002']);
    // The intro: start-up outweighs a task's work many times over.
    for (const a of jobAttempts(r, 1, 'map'))
      expect(a.cost.startup).toBeGreaterThan(20 * (a.cost.read + a.cost.compute + a.cost.spill));
  });

  it('step 2 is what its text says: bytes, replicas, pipelines and times', async () => {
    const out = await run(1, lab.steps[1]!.solution);
    expect(out.passed).toBe(true);
    const one = reportOf(out);
    const three = extraOf(out, 'three-replicas');
    const text = flat(lab.steps[1]!.instructions);
    // The counters and the trace agree on the intermediate bytes.
    const mine = intermediateBytes(one);
    const theirs = intermediateBytes(three);
    for (const r of [one, three]) {
      expect(jobCounter(r, 0, 'HDFS_BYTES_WRITTEN')).toBe(1694);
      expect(jobCounter(r, 1, 'HDFS_BYTES_READ')).toBe(1694);
      expect(partBlocks(r, 0)).toHaveLength(3);
    }
    expect(text).toContain('it wrote 1,694 bytes');
    expect(text).toContain('the 3 blocks HDFS allocated');
    expect(theirs).toEqual({ bytes: 1694, stored: 5082, network: 3388 });
    expect(text).toContain('that is 5,082 bytes on DataNode disks, and 3,388 bytes sent from machine to machine');
    expect(mine).toEqual({ bytes: 1694, stored: 1694, network: 0 });
    // One copy, on the machine whose reducer wrote it.
    const reducers = new Set(jobAttempts(one, 0, 'reduce').map((a) => a.node));
    for (const b of partBlocks(one, 0)) {
      expect(b.replicas).toEqual([b.writer]);
      expect(reducers.has(b.replicas[0]!)).toBe(true);
    }
    // Three replicas: a pipeline that starts on the writing reducer's machine.
    for (const b of partBlocks(three, 0)) {
      expect(b.replicas).toHaveLength(3);
      expect(b.replicas[0]).toBe(b.writer);
    }
    // The answer keeps its three copies.
    for (const b of partBlocks(one, 1)) expect(b.replicas).toHaveLength(3);
    // Pipelines: about 0.5 ms with one replica, about 2 ms with three.
    const pipelines = (r: JobRunReport) => partBlocks(r, 0).map((b) => b.pipelineMs ?? 0);
    for (const ms of pipelines(one)) expect(Math.abs(ms - 0.5)).toBeLessThan(0.1);
    for (const ms of pipelines(three)) expect(Math.abs(ms - 2)).toBeLessThan(0.2);
    // The chain is not faster: 7.63 s against 7.19 s.
    expect(text).toContain(`${seconds(one.simulatedMs)} against ${seconds(three.simulatedMs)}`);
    expect(one.simulatedMs).toBeGreaterThan(three.simulatedMs);
    // With one replica job 2's maps all ran NODE_LOCAL; with three they started sooner, two of them
    // on machines without their block, reading it over the network.
    const maps1 = jobAttempts(one, 1, 'map');
    const maps3 = jobAttempts(three, 1, 'map');
    expect(maps1.every((a) => a.locality === 'NODE_LOCAL')).toBe(true);
    expect(new Set(maps1.map((a) => a.node))).toEqual(new Set(partBlocks(one, 0).map((b) => b.replicas[0])));
    expect(Math.max(...maps3.map((a) => a.start))).toBeLessThan(Math.min(...maps1.map((a) => a.start)));
    const away = maps3.filter((a) => a.locality !== 'NODE_LOCAL');
    expect(away).toHaveLength(2);
    for (const a of away) expect(a.taskCounters?.HDFS_BYTES_READ_REMOTE).toBe(a.taskCounters?.HDFS_BYTES_READ);
  });

  it('step 3 is what its text says: 36 part files make 36 start-ups; one part file makes one', async () => {
    const out = await run(2, lab.steps[2]!.solution);
    expect(out.passed).toBe(true);
    const many = extraOf(out, 'many-part-files');
    const few = reportOf(out);
    const text = flat(lab.steps[2]!.instructions);
    // Every task's start-up: a container (1 s) and the task's set-up (50 ms).
    for (const a of [...many.attempts, ...few.attempts]) expect(a.cost.startup).toBeGreaterThanOrEqual(1050);
    for (const a of jobAttempts(many, 1, 'map')) expect(a.cost.startup).toBeLessThan(1060);
    expect(text).toContain('about 1.05 s to start');
    expect(jobAttempts(many, 0, 'reduce')).toHaveLength(36);
    expect(partFiles(many, 0)).toHaveLength(36);
    expect(jobCounter(many, 0, 'HDFS_BYTES_WRITTEN')).toBe(1694);
    const maps = jobAttempts(many, 1, 'map');
    expect(maps).toHaveLength(36);
    const startup = maps.reduce((s, a) => s + a.cost.startup, 0);
    const work = maps.reduce((s, a) => s + a.cost.read + a.cost.compute + a.cost.spill, 0);
    expect(text).toContain(`${seconds(startup)} of start-up in all for ${seconds(work)} of work`);
    for (const a of maps) {
      const w = a.cost.read + a.cost.compute + a.cost.spill;
      expect(w).toBeGreaterThan(0.5);
      expect(w).toBeLessThan(2);
      expect(a.taskCounters?.HDFS_BYTES_READ ?? 0).toBeLessThan(100); // "its few dozen bytes"
    }
    // At most nine containers a second: the 36 maps start over more than 3 s.
    const starts = maps.map((a) => a.start);
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThan(3000);
    expect(text).toContain(`The chain takes ${seconds(many.simulatedMs)}.`);
    // The solution: one part file, one map task; less than a block.
    expect(jobAttempts(few, 1, 'map')).toHaveLength(1);
    expect(1694).toBeLessThan(GRAPH_BLOCK_SIZE);
    expect(text).toContain(`at most three, ${seconds(STARTUP_LIMIT_MS)} of start-up in all`);
    expect(3 * 1050).toBeLessThanOrEqual(STARTUP_LIMIT_MS);
    expect(4 * 1050).toBeGreaterThan(STARTUP_LIMIT_MS);
  });

  it('the exact-answer check says what is wrong without giving the code away', () => {
    const top = plainTopInLinks(graphText());
    expect(top.slice(0, 3)).toEqual([
      ['p0', 37],
      ['p5', 16],
      ['p1', 13],
    ]);
    expect(judgeTop(top, 2).pass).toBe(true);
    expect(judgeTop([...top].reverse(), 2).reason).toMatch(
      /^line 1 is p12 with 6 in-links, but p0 has 37 in-links .* most first/,
    );
    // A tie broken the other way: p14 also has 6 in-links.
    const tie = top.map((row, i) => (i === 9 ? ['p14', 6] : row));
    expect(judgeTop(tie, 2).reason).toMatch(
      /^line 10 is p14, but p12 has as many in-links \(6\) .*break ties by page name$/,
    );
    expect(judgeTop([...top, ['p14', 6]], 2).reason).toMatch(
      /wrote 11 lines, the answer has 10: the last job must keep only/,
    );
    expect(
      judgeTop(
        top.map(([p, n]) => [p, n + 1]),
        2,
      ).reason,
    ).toMatch(/^line 1 says p0 has 38 in-links, but 37 lines/);
    expect(
      judgeTop(
        top.map((row, i) => (i === 4 ? row.slice(0, 1) : row)),
        2,
      ).reason,
    ).toMatch(/^line 5 is/);
    expect(
      judgeTop(
        top.map((row, i) => (i === 1 ? ['p0', 37] : row)),
        2,
      ).reason,
    ).toMatch(/p0 appears twice/);
    expect(judgeTop(null, 2).pass).toBe(false);
  });

  it('each check fails on a plausible mistake, saying where to look', async () => {
    const solution1 = lab.steps[0]!.solution;
    // Counting the links that leave a page.
    const outLinks = await run(0, variant(solution1, 'const [, dst] = line.split', 'const [dst] = line.split'));
    expect(check(outLinks, 'exact-top-10').pass).toBe(false);
    expect(check(outLinks, 'exact-top-10').reason).toMatch(/in-links are the lines whose second page is/);
    // Ascending order.
    const ascending = await run(0, variant(solution1, 'return linksB - linksA', 'return linksA - linksB'));
    expect(check(ascending, 'exact-top-10').reason).toMatch(/in order of in-links, the most first/);
    // Equal counts left in whatever order the map tasks emitted them.
    const noTies = await run(0, variant(solution1, 'return pageA < pageB ? -1 : pageA > pageB ? 1 : 0;', 'return 0;'));
    expect(check(noTies, 'exact-top-10').reason).toMatch(
      /^line 10 is p7, but p12 has as many in-links \(6\) .*break ties by page name$/,
    );
    // Job 2 reads one part file of job 1 only.
    const onePart = await run(0, variant(solution1, "input: '/tmp/inlinks',", "input: '/tmp/inlinks/part-r-00000',"));
    expect(check(onePart, 'reads-intermediate').pass).toBe(false);
    expect(check(onePart, 'reads-intermediate').reason).toMatch(
      /job 1 wrote 1,694 bytes in 3 part files under \/tmp\/inlinks, but job 2 read 554 bytes with 1 map task/,
    );
    const step2 = await run(
      1,
      variant(lab.steps[1]!.solution, "input: '/tmp/inlinks',", "input: '/tmp/inlinks/part-r-00000',"),
    );
    expect(check(step2, 'round-trip').pass).toBe(false);
    const step3 = await run(
      2,
      variant(lab.steps[2]!.solution, 'numReduceTasks: 1,\n  conf', 'numReduceTasks: 3,\n  conf'),
    );
    expect(check(step3, 'mapper-per-part-file').pass).toBe(true);
    expect(check(step3, 'start-up-time').pass).toBe(true);
    const nine = await run(
      2,
      variant(lab.steps[2]!.solution, 'numReduceTasks: 1,\n  conf', 'numReduceTasks: 9,\n  conf'),
    );
    expect(check(nine, 'start-up-time').reason).toMatch(
      /job 2's 9 map tasks spent 9\.45 s starting containers .*Give job 1 fewer reducers/,
    );
    // One replica for the answer instead of the intermediate result.
    const wrongJob = variant(
      variant(lab.steps[1]!.solution, "  conf: { 'dfs.replication': 1 },\n", ''),
      'numReduceTasks: 1, // one reducer sees every page',
      "numReduceTasks: 1,\n  conf: { 'dfs.replication': 1 },",
    );
    const wrong = await run(1, wrongJob);
    expect(check(wrong, 'one-replica').reason).toMatch(/in job 1's configuration$/);
    expect(check(wrong, 'fewer-bytes').pass).toBe(false);
    // The starter of step 3 fails on its start-up and its time.
    const starter3 = await run(2, lab.steps[2]!.starter);
    expect(check(starter3, 'start-up-time').pass).toBe(false);
    expect(check(starter3, 'faster-chain').pass).toBe(false);
    expect(check(starter3, 'mapper-per-part-file').pass).toBe(true);
  });
  it('the top-10 reason names the real cause: out-links counted, or counts never added up', async () => {
    const solution = lab.steps[0]!.solution;
    const reason = (o: StepOutcome) => o.checks.find((c) => c.id === 'exact-top-10')!.reason;
    const outLinks = await run(0, solution.replace('const [, dst] = line.split', 'const [dst] = line.split'));
    expect(reason(outLinks)).toMatch(/is its number of out-links\. A line "a b" is a link from a to b/);
    const unreduced = await run(0, solution.replace('numReduceTasks: 3,', 'numReduceTasks: 0,'));
    expect(reason(unreduced)).toMatch(/^line 1 says p\d+ has 1 in-link, but \d+ lines .*not added up per page/);
  });
});
