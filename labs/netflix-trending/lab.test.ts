/**
 * What the netflix-trending texts say, checked against the runs (every lab's solutions and
 * starters are judged by labs/allLabs.test.ts): the members' plays, the trending row's defaults,
 * the old row looking into the past, the streaming row fresh and right.
 */
import { describe, expect, it } from 'vitest';
import lab, { FRESH_MS, HOUR_MS, MIN_HITS, N3_DOWN, PLAYS_MS, RUN_MS, WINDOW_MS } from './lab';
import { runStep } from '../runStep';
import { PART_CATALOGUE } from '../../engine/pipeline';
import { editPipeline, flat, runPipelineLabStep, type PipelineFile } from '../__tests__/pipelineLabTest';

type File = PipelineFile;

const run = (stepIndex: number, source: string) => runPipelineLabStep(lab, stepIndex, source);
const edit = editPipeline;
const age = (s: { behindMs: number }) => s.behindMs;

describe('the netflix-trending lab', () => {
  it('the intro: 10 plays a second for 2 h 30 min over 40 titles, new leaders every 20 minutes, the row the last 10 minutes’ top 10', () => {
    const text = flat(lab.intro);
    expect(text).toContain('**40 titles');
    expect(text).toContain('10 play events a second for 2 and a half hours (90,000 in all)');
    expect(text).toContain('**every 20 minutes other titles take the lead**');
    expect(text).toContain('**10 most played titles of the last 10 minutes**');
    const members = (JSON.parse(lab.steps[0]!.starter) as File).parts.find((p) => p.type === 'clients')!;
    expect(members.settings).toMatchObject({ events: 90_000, ratePerSec: 10, keys: 40, trendEveryMs: 1_200_000 });
    expect(PART_CATALOGUE.dashboard.settings.top!.default).toBe(10);
    expect(PART_CATALOGUE.dashboard.settings.windowMs!.default).toBe(WINDOW_MS);
    expect(PLAYS_MS).toBe(2.5 * HOUR_MS);
    expect(RUN_MS).toBe(PLAYS_MS + 60_000);
  });

  it('step 1: files close every 5 minutes; the hourly row looks into the past', async () => {
    const text = flat(lab.steps[0]!.instructions);
    expect(text).toContain('closing a file every 5 minutes');
    expect(text).toContain('The run lasts **2 h 31 min**, a minute longer than the plays');
    const { out, result } = await run(0, lab.steps[0]!.solution);
    expect(out.passed).toBe(true);
    const samples = result.views[0]!.samples.filter((s) => (s.trending?.row.length ?? 0) > 0);
    const ages = samples.map(age).sort((a, b) => a - b);
    expect(ages[Math.floor(ages.length / 2)]).toBeGreaterThan(20 * 60_000);
    expect(ages[ages.length - 1]).toBeGreaterThan(HOUR_MS);
    // A daily job shows nothing within the run.
    const daily = edit(lab.steps[0]!.solution, (p) => {
      p.parts.find((x) => x.type === 'spark-batch')!.settings = { everyMs: 24 * HOUR_MS };
    });
    const late = await run(0, daily);
    expect(late.out.checks.find((c) => c.id === 'old-pipeline')!.pass).toBe(false);
    expect(late.out.checks.find((c) => c.id === 'old-row-measured')!.reason).toContain('showed 0 titles');
  });

  it('step 2: the streaming row is fresh and right; a job writing raw plays leaves the recommender nothing to rank, and the file says so', async () => {
    const text = flat(lab.steps[1]!.instructions);
    expect(text).toContain(`**at least ${MIN_HITS} of the true top 10 titles**`);
    expect(text).toContain(`**more than ${FRESH_MS / 1000} s old**`);
    const { result } = await run(1, lab.steps[1]!.solution);
    const [old, now] = ['old-row', 'recommender'].map((d) => result.views.find((v) => v.dashboard === d)!);
    expect(Math.max(...now!.samples.filter((s) => s.t >= 60_000).map(age))).toBeLessThanOrEqual(FRESH_MS);
    expect(Math.max(...old!.samples.filter((s) => s.t >= HOUR_MS).map(age))).toBeGreaterThan(HOUR_MS);
    const raw = edit(lab.steps[1]!.solution, (p) => {
      p.parts.find((x) => x.type === 'spark-streaming')!.settings = {};
    });
    const out = await runStep({ lab, stepIndex: 1, source: raw });
    expect(out.error?.message).toMatch(
      /settings\.show: "recommender" shows a trending row, but no Spark job counting by key \(op countByKey\) writes "cassandra"/,
    );
  });

  it('step 3: n3 is down from 1 h to 1 h 10 min; the starter’s recommender shows nothing meanwhile, and Kafka keeps every play', async () => {
    expect(flat(lab.steps[2]!.instructions)).toContain('machine **n3 goes down at 1 h and comes back at 1 h 10 min**');
    expect(N3_DOWN.map((f) => [f.kind, f.atMs])).toEqual([
      ['killNode', HOUR_MS],
      ['restartNode', HOUR_MS + 600_000],
    ]);
    const { out } = await run(2, lab.steps[2]!.starter);
    expect(out.checks.find((c) => c.id === 'trending-fresh')!.reason).toBe(
      "From 1 h 0 min 24 s recommender's data was more than 30 s old, 10 min 6 s by its next refresh at 1 h 10 min: recommender (on n3) was down from 1 h to 1 h 10 min: it showed no row.",
    );
    expect(out.checks.find((c) => c.id === 'no-play-lost')!.pass).toBe(true);
  });

  it('judges the row the lab asks for: the top 10 of the last 10 minutes, no play counted twice', async () => {
    const wide = edit(lab.steps[1]!.solution, (p) => {
      p.parts.find((x) => x.id === 'recommender')!.settings = { show: 'trending', top: 40 };
    });
    const { out } = await run(1, wide);
    expect(out.checks.find((c) => c.id === 'trending-correct')!.reason).toContain('ranks its top 40 titles');
    const twice = edit(lab.steps[1]!.solution, (p) => {
      p.wires.push({ from: 'emr-hourly', to: 'cassandra' });
    });
    const doubled = await run(1, twice);
    expect(doubled.out.checks.find((c) => c.id === 'trending-correct')!.reason).toContain('counts plays twice');
    // Refreshing twice a second keeps more refreshes than the report lists: no gap is made up.
    const often = edit(lab.steps[1]!.solution, (p) => {
      p.parts.find((x) => x.id === 'recommender')!.settings = { show: 'trending', refreshMs: 500 };
    });
    const fast = await run(1, often);
    expect(fast.result.views.find((v) => v.dashboard === 'recommender')!.samplesLeftOut).toBeGreaterThan(0);
    expect(fast.out.checks.find((c) => c.id === 'trending-fresh')!.pass).toBe(true);
    expect(fast.out.checks.find((c) => c.id === 'trending-correct')!.pass).toBe(true);
  });

  it('step 2: the row is judged at every instant, as the view prints its age: a refresh every 60 s is too old between refreshes, and the reason says so', async () => {
    const every = (refreshMs: number) =>
      edit(lab.steps[1]!.solution, (p) => {
        p.parts.find((x) => x.id === 'recommender')!.settings = { show: 'trending', refreshMs };
      });
    const fresh = (out: { checks: { id: string; pass: boolean; reason: string; title: string }[] }) =>
      out.checks.find((c) => c.id === 'trending-fresh')!;
    const minute = fresh((await run(1, every(60_000))).out);
    expect(minute.title).toBe('Trending now is never more than 30 s old, nor missing longer');
    expect(minute.pass).toBe(false);
    expect(minute.reason).toBe(
      "From 89.00 s recommender's data was more than 30 s old, 61.002 s by its next refresh at 2 min: it refreshes every 60 s (refreshMs 60000): between two refreshes its row lacks every play made since the last one, and the row it read at 60.00 s already lacked the last 1.002 s of plays.",
    );
    // Nothing was down: the first row came only with the first refresh, 5 minutes in.
    const five = fresh((await run(1, every(300_000))).out);
    expect(five.reason).toBe(
      'recommender showed no row until its first refresh at 5 min, more than 30 s after 60.00 s: it refreshes every 5 min (refreshMs 300000).',
    );
    const { out } = await run(1, lab.steps[1]!.solution);
    expect(fresh(out).reason).toBe(
      "From 60.00 s on, recommender's data was never more than 6.002 s old (at worst at 1 h 9 min 55 s, just before a refresh: it refreshes every 5 s, and its refreshes lacked the plays of at most the last 1.002 s).",
    );
  });

  it('step 2: an age just over the bound is never printed as the bound: "more than 30 s old" is followed by more than 30 s', async () => {
    const fresh = async (change: (p: File) => void) =>
      (await run(1, edit(lab.steps[1]!.solution, change))).out.checks.find((c) => c.id === 'trending-fresh')!;
    // A refresh every 29 s lacking the last 1.002 s of plays: 30.002 s old just before the next refresh.
    const r29 = await fresh((p) => {
      p.parts.find((x) => x.id === 'recommender')!.settings = { show: 'trending', refreshMs: 29_000 };
    });
    expect(r29.pass).toBe(false);
    expect(r29.reason).toBe(
      "Just before its next refresh at 87.00 s recommender's data was more than 30 s old (30.002 s): it refreshes every 29 s (refreshMs 29000): between two refreshes its row lacks every play made since the last one, and the row it read at 58.00 s already lacked the last 1.002 s of plays.",
    );
    // A 25 s trigger behind a refresh every 5 s: the same 30.002 s.
    const trigger = await fresh((p) => {
      p.parts.find((x) => x.id === 'recommender')!.settings = { show: 'trending', refreshMs: 5_000 };
      p.parts.find((x) => x.id === 'trends')!.settings = { op: 'countByKey', triggerMs: 25_000 };
    });
    expect(trigger.reason).toMatch(
      /^Just before its next refresh at 80\.00 s recommender's data was more than 30 s old \(30\.002 s\)/,
    );
    for (const reason of [r29.reason, trigger.reason]) expect(reason).not.toMatch(/more than 30 s old\W+30 s\b/);
  });

  it("step 2: a streaming job writing into the old row's store is named as what took the batch row away", async () => {
    const mixed = edit(lab.steps[1]!.solution, (p) => {
      p.wires.push({ from: 'trends', to: 'hive' });
    });
    const { out } = await run(1, mixed);
    expect(out.checks.find((c) => c.id === 'both-measured')!.reason).toBe(
      "The old batch row is gone. No trending row ranks what a `spark-batch` job alone counted: old-row ranks what emr-hourly (Spark batch) and trends (Spark Streaming) write into hive: a streaming job's counts are mixed into it.",
    );
  });
});
