import { describe, expect, it } from 'vitest';
import { editorFileName, runStep, stepFileName, StepNotFoundError } from './runStep';
import { notJudgedReason } from './notJudgedReason';
import blueprintLab from './platform-blueprint/lab';
import { slowNetflixPipeline } from './__tests__/slowPipeline';
import { createFunctionRunner, JobTimeoutError } from '../engine/sandbox';
import hdfsBlocksLab from './hdfs-blocks/lab';
import iotAveragesLab from './mapreduce-iot-averages/lab';
import sparkInMemoryLab from './spark-in-memory/lab';
import type { JobRunReport } from '../engine/api';
import type { HdfsRunReport } from './labTypes';

const runner = createFunctionRunner();

describe('runStep', () => {
  it('is deterministic: the same step, code and seed give the same trace and verdicts', async () => {
    const once = () =>
      runStep({ lab: iotAveragesLab, stepIndex: 0, source: iotAveragesLab.steps[0]!.solution, runner });
    const [a, b] = [await once(), await once()];
    expect(JSON.stringify(b.report)).toBe(JSON.stringify(a.report));
    expect(b.checks).toEqual(a.checks);
    const h = () => runStep({ lab: hdfsBlocksLab, stepIndex: 2, source: hdfsBlocksLab.steps[2]!.solution, runner });
    const [x, y] = [await h(), await h()];
    expect(JSON.stringify(y.report)).toBe(JSON.stringify(x.report));
  });

  it('merges faults from outside into the run: the time changes, the result and the verdicts do not', async () => {
    const step = iotAveragesLab.steps[0]!;
    const plain = await runStep({ lab: iotAveragesLab, stepIndex: 0, source: step.solution, runner });
    const faulty = await runStep({
      lab: iotAveragesLab,
      stepIndex: 0,
      source: step.solution,
      runner,
      faults: [{ atMs: 1500, kind: 'killNode', node: 'n2' }],
    });
    const [p, f] = [plain.report as JobRunReport, faulty.report as JobRunReport];
    expect(f.result).toEqual(p.result);
    expect(f.simulatedMs).not.toBe(p.simulatedMs);
    expect(f.metrics.killedAttempts).toBeGreaterThan(0);
    expect(faulty.checks.filter((c) => c.id !== 'parallel-mappers')).toEqual(
      plain.checks.filter((c) => c.id !== 'parallel-mappers'),
    );
    const spark = sparkInMemoryLab.steps[2]!;
    const s1 = await runStep({ lab: sparkInMemoryLab, stepIndex: 2, source: spark.solution, runner });
    const s2 = await runStep({
      lab: sparkInMemoryLab,
      stepIndex: 2,
      source: spark.solution,
      runner,
      faults: [{ atMs: 2600, kind: 'killNode', node: 'n3' }],
    });
    expect((s2.report as JobRunReport).result).toEqual((s1.report as JobRunReport).result);
    expect(s2.checks.find((c) => c.id === 'ranks-correct')?.pass).toBe(true);
    const timing = s2.checks.find((c) => c.id === 'faster-than-mapreduce')!;
    if (!timing.pass) expect(timing.reason).toMatch(/injected from outside/);
  });

  it('a UI fault in an hdfs step is applied with the settings', async () => {
    const o = await runStep({
      lab: hdfsBlocksLab,
      stepIndex: 0,
      source: hdfsBlocksLab.steps[0]!.solution,
      runner,
      faults: [{ atMs: 1000, kind: 'killNode', node: 'n1' }],
    });
    expect(o.report?.kind).toBe('hdfs');
    expect(o.snapshots?.map((s) => s.label)).toEqual(['written', 'final']);
    expect(o.snapshots?.[1]?.snapshot.nodes.find((n) => n.id === 'n1')?.alive).toBe(false);
  });

  it('reports a learner error with its line instead of throwing, and fails every check', async () => {
    const broken = await runStep({
      lab: iotAveragesLab,
      stepIndex: 1,
      source:
        "export default {\n  kind: 'mapreduce', input: '/data/sensors.csv', output: '/o',\n  map(o, line, ctx) {\n    null.boom();\n  },\n};\n",
      runner,
    });
    expect(broken.error?.kind).toBe('code');
    expect(broken.error?.line).toBe(4);
    expect(broken.error?.message).toMatch(/minute-average\.js:4: TypeError/);
    expect(broken.passed).toBe(false);
    expect(broken.checks.every((c) => !c.pass && c.reason.startsWith('not judged'))).toBe(true);
    const syntax = await runStep({
      lab: sparkInMemoryLab,
      stepIndex: 0,
      source: 'export default async (sc) => {\n  return sc.textFile(\n};\n',
      runner,
    });
    // A path that does not exist, at the line that read it (the editor marks it).
    const missing = await runStep({
      lab: sparkInMemoryLab,
      stepIndex: 0,
      source: "export default async (sc) => {\n\n  return sc.textFile('/data/nope.txt').count();\n};\n",
      runner,
    });
    expect(missing.error).toMatchObject({ kind: 'input', line: 3 });
    expect(missing.error?.message).toMatch(/:3: sc\.textFile: Input path does not exist: hdfs:\/data\/nope\.txt$/);
    expect(syntax.error?.kind).toBe('compile');
    expect(syntax.error?.line).toBe(3);
    expect(syntax.error?.column).toBeGreaterThan(0);
    expect(syntax.error?.message).toMatch(new RegExp(`:3:${syntax.error?.column}: SyntaxError: `));
    // The error is in outcome.error once; the checks do not repeat it.
    expect(syntax.checks.every((c) => c.reason === 'not judged: the job did not compile')).toBe(true);
    const settings = await runStep({
      lab: hdfsBlocksLab,
      stepIndex: 0,
      source: '{ "file": { "path": "/a", "size": "1m" }, "replication": 0 }',
      runner,
    });
    expect(settings.error).toMatchObject({ kind: 'settings', line: 1, column: 43 });
    const badNode = await runStep({
      lab: hdfsBlocksLab,
      stepIndex: 2,
      source:
        '{ "file": { "path": "/a", "size": "1m" }, "faults": [{ "atMs": 0, "kind": "killNode", "node": "n99" }] }',
      runner,
    });
    expect(badNode.error?.kind).toBe('invalid');
    expect(badNode.error?.message).toMatch(/faults\[0\]\.node/);
  });

  it('throws for a step that does not exist', async () => {
    await expect(runStep({ lab: hdfsBlocksLab, stepIndex: 4, source: '{}', runner })).rejects.toBeInstanceOf(
      StepNotFoundError,
    );
  });
});

describe('an hdfs step run', () => {
  it('films the cluster: the kill, the NameNode verdict and the repair are all in the snapshots', async () => {
    const o = await runStep({ lab: hdfsBlocksLab, stepIndex: 2, source: hdfsBlocksLab.steps[2]!.solution });
    const report = o.report as HdfsRunReport;
    const film = report.film;
    expect(film.length).toBeGreaterThan(3);
    expect(film.map((f) => f.t)).toEqual([...film.map((f) => f.t)].sort((a, b) => a - b));
    expect(film.some((f) => f.nodes.find((n) => n.id === 'n5')?.alive === false && f.hdfs.deadNodes.length === 0)).toBe(
      true,
    );
    expect(film.some((f) => f.hdfs.deadNodes.includes('n5') && f.hdfs.underReplicated > 0)).toBe(true);
    expect(film[film.length - 1]!.hdfs.underReplicated).toBe(0);
    expect(report.trace.filter((e) => e.type === 'blockReplicated').length).toBe(3);
  });

  it("names the file the editor holds: a pipeline step's errors the pipeline file, a settings step's settings.json", async () => {
    const pipeline = blueprintLab.steps[0]!;
    expect(editorFileName(pipeline)).toBe('pipeline.json');
    const broken = await runStep({
      lab: blueprintLab,
      stepIndex: 0,
      source: pipeline.starter.slice(0, -5),
      fileName: editorFileName(pipeline)!,
    });
    expect(broken.error?.kind).toBe('settings');
    expect(broken.error?.message).toMatch(/^pipeline\.json:\d+:\d+: /);
    expect(broken.checks[0]!.reason).toBe('not judged: the pipeline file could not be read');
    expect(broken.checks[0]!.reasons?.de).toBe('nicht bewertet: die Pipeline-Datei ließ sich nicht lesen');
    // hdfs-blocks keeps its wording.
    const settings = hdfsBlocksLab.steps[0]!;
    expect(editorFileName(settings)).toBe('settings.json');
    const bad = await runStep({
      lab: hdfsBlocksLab,
      stepIndex: 0,
      source: '{',
      fileName: editorFileName(settings)!,
      runner,
    });
    expect(bad.error?.message).toMatch(/^settings\.json:/);
    expect(bad.checks[0]!.reason).toBe('not judged: the settings could not be read');
    expect(notJudgedReason({ kind: 'settings' }, 'en', 'hdfs')).toBe('the settings could not be read');
    expect(editorFileName(iotAveragesLab.steps[0]!)).toBeUndefined();
    expect(stepFileName(iotAveragesLab.steps[0]!)).toBe(`${iotAveragesLab.steps[0]!.id}.js`);
    expect(stepFileName(pipeline)).toBe('pipeline.json');
  });
});

describe('a pipeline step past its time limit', () => {
  it("ends with the time limit's error, not seconds later: netflix step 3 sending 200,000 plays over 18 simulated hours", async () => {
    // Its recommender refreshes every 100 ms: some 666,000 refreshes, about 10 s to simulate.
    const lab = (await import('./netflix-trending/lab')).default;
    const started = performance.now();
    // 0.3 s from the run's first budget check (a loaded machine may take that long to get there).
    let deadline = Number.POSITIVE_INFINITY;
    let calls = 0;
    const outcome = await runStep({
      lab,
      stepIndex: 2,
      source: slowNetflixPipeline(),
      fileName: 'pipeline.json',
      check: () => {
        if (calls++ === 0) deadline = performance.now() + 300;
        if (performance.now() > deadline) throw new JobTimeoutError(0.3);
      },
    });
    expect(calls).toBeGreaterThan(1);
    expect(outcome.error?.kind).toBe('timeout');
    expect(outcome.error?.message).toBe(
      "the pipeline's run ran out of its time budget (0.3 s of wall time) and was stopped; if it is only slow (many events, a short refresh, trigger or retry), raise the time limit (Settings in the app, --timeout on the command line)",
    );
    // A pipeline step has no job: its checks say what ran out of time.
    expect(outcome.checks.every((c) => c.reason === "not judged: the pipeline's run ran out of its time budget")).toBe(
      true,
    );
    expect(notJudgedReason(outcome.error!, 'de', 'pipeline')).toBe(
      'der Lauf der Pipeline hat sein Zeitbudget überschritten',
    );
    expect(performance.now() - started).toBeLessThan(60_000);
  });
});

describe("a check that runs the pipeline again, past the run's time limit", () => {
  it('is not judged, and says why; the run and the other checks keep their verdicts: platform-blueprint step 1', async () => {
    const lab = blueprintLab;
    const count = async (check: () => void) =>
      runStep({ lab, stepIndex: 0, source: lab.steps[0]!.solution, fileName: 'pipeline.json', check });
    let all = 0;
    const judged = await count(() => void all++);
    expect(judged.passed).toBe(true);
    // The budget runs out at the last budget check, which only the check's second run makes.
    let calls = 0;
    const outcome = await count(() => {
      if (++calls === all) throw new JobTimeoutError(0.3);
    });
    expect(outcome.error).toBeNull();
    expect(outcome.report).not.toBeNull();
    const late = outcome.checks.filter((c) => !c.pass);
    expect(late.map((c) => c.title)).toEqual(['The devices never have to send an event again']);
    expect(late[0]!.reason).toBe(
      'not judged: this check runs your pipeline again, and that run went past the time budget (0.3 s of wall time); raise the time limit to have it judged',
    );
    expect(late[0]!.reasons?.de).toMatch(
      /^nicht bewertet: dieser Check lässt deine Pipeline noch einmal laufen.*\(0,3 s echte Zeit\)/,
    );
    expect(outcome.checks.filter((c) => c.pass).map((c) => c.reason)).toEqual(
      judged.checks.filter((c) => c.title !== late[0]!.title).map((c) => c.reason),
    );
  });
});
