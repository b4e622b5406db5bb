import { describe, expect, it } from 'vitest';
import { LabValidationError, validateLab } from './validateLab';
import hdfsBlocksLab from './hdfs-blocks/lab';
import iotAveragesLab from './mapreduce-iot-averages/lab';
import deliveryLab from './streaming-delivery/lab';
import lambdaLab from './lambda-architecture/lab';
import scaleLab from './scale-up-vs-out/lab';
import { LABS, findLab } from './labRegistry';
import { LAB_CATALOGUE } from './catalogue';
import { compareChapters } from './chapterOrder';

/** A deep-enough copy of a lab that a test may break (functions are kept). */
function copy<T>(lab: T): T {
  const clone = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(clone);
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]));
    return v;
  };
  return clone(lab) as T;
}

function errorOf(raw: unknown): string {
  try {
    validateLab(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(LabValidationError);
    return (error as Error).message;
  }
  throw new Error('validateLab accepted a broken lab');
}

describe('validateLab', () => {
  it("checks a step's practice parts: a server step's deadlines are required and whole minutes, hints 1-3 texts", () => {
    type Step = { practice?: Record<string, unknown>; kind: string };
    const broken = (edit: (steps: Step[]) => void) => {
      const lab = copy(scaleLab) as unknown as { steps: Step[] };
      edit(lab.steps);
      return errorOf(lab);
    };
    expect(broken((s) => delete s[0]!.practice)).toMatch(
      /steps\[0\]\.practice\.deadlinesMinutes: is needed: a server step's practice attempts draw their deadline from it$/,
    );
    expect(broken((s) => (s[1]!.practice!.deadlinesMinutes = [60, 0.5]))).toMatch(
      /steps\[1\]\.practice\.deadlinesMinutes\[1\]: must be whole minutes from 1 to 1440, got 0\.5$/,
    );
    expect(broken((s) => (s[1]!.practice!.hints = []))).toMatch(
      /steps\[1\]\.practice\.hints: must have 1 to 3 entries, got 0$/,
    );
    expect(broken((s) => (s[1]!.practice!.solution = 'n5'))).toMatch(
      /steps\[1\]\.practice\.solution: must be a function/,
    );
    const hdfs = copy(hdfsBlocksLab) as unknown as { steps: Step[] };
    hdfs.steps[0]!.practice = { deadlinesMinutes: [60] };
    expect(errorOf(hdfs)).toMatch(/steps\[0\]\.practice\.deadlinesMinutes: is for server steps only$/);
    hdfs.steps[0]!.practice = { sameSimulation: true };
    expect(errorOf(hdfs)).toMatch(/steps\[0\]\.practice\.sameSimulation: is for job steps only/);
  });

  it("checks a stream step's run: its dataset, topics, consumers, faults and store topic, by field", () => {
    type Run = Record<string, unknown>;
    const broken = (edit: (run: Run, extra: Run) => void) => {
      const lab = copy(deliveryLab) as unknown as { steps: { run: Run; extraRuns: { run: Run }[] }[] };
      edit(lab.steps[2]!.run, lab.steps[2]!.extraRuns[0]!.run);
      return errorOf(lab);
    };
    expect(broken((r) => (r.records = 'trades'))).toMatch(
      /steps\[2\]\.run\.records: must name one of the lab's datasets \(gps, misfires, payments, fleet\)/,
    );
    expect(
      broken((r) => (r.topics = [{ name: 'bad topic', partitions: 3, replicationFactor: 3, minInsyncReplicas: 1 }])),
    ).toMatch(/steps\[2\]\.run\.topics\[0\]\.name: /);
    expect(broken((r) => (r.consumers = 99))).toMatch(/steps\[2\]\.run\.consumers: must be an integer from 0 to 16/);
    expect(broken((r) => (r.faults = [{ kind: 'killBroker', broker: 'n7', atMs: 0 }]))).toMatch(
      /steps\[2\]\.run\.faults\[0\]\.broker: must be one of the brokers/,
    );
    expect(
      broken((_r, x) => (x.faults = [{ kind: 'crashConsumer', consumer: 1, atMessage: 0, point: 'after-commit' }])),
    ).toMatch(/steps\[2\]\.extraRuns\[0\]\.run\.faults\[0\]\.atMessage: must be an integer from 1/);
    expect(broken((r) => (r.storeTopic = ''))).toMatch(/steps\[2\]\.run\.storeTopic: /);
  });

  it("checks a pipeline step's words and their forms per locale, by field", () => {
    type Words = Record<string, unknown> & { translations?: Record<string, Record<string, unknown>> };
    const broken = (edit: (words: Words) => void) => {
      const lab = copy(lambdaLab) as unknown as { steps: { run: { words: Words } }[] };
      edit(lab.steps[0]!.run.words);
      return errorOf(lab);
    };
    expect(() => validateLab(copy(lambdaLab))).not.toThrow();
    expect(broken((w) => (w.keys = 'articles!'))).toMatch(/steps\[0\]\.run\.words\.keys: must be a word or two/);
    expect(broken((w) => delete w.translations!.de!.keys)).toMatch(
      /steps\[0\]\.run\.words\.translations\.de\.keys: must be a word or two .*got undefined/,
    );
    expect(broken((w) => (w.translations = { fr: { key: 'article' } }))).toMatch(
      /steps\[0\]\.run\.words\.translations\.fr: is not a locale labs are translated into \(de\)/,
    );
  });

  it('names the lab and the field of a broken check title', () => {
    const lab = copy(hdfsBlocksLab) as unknown as { steps: { checks: { title: unknown }[] }[] };
    lab.steps[2]!.checks[0]!.title = '';
    expect(errorOf(lab)).toBe(`lab 'hdfs-blocks': steps[2].checks[0].title: must be a non-empty string, got ""`);
  });

  it('rejects bad ids, too few steps, missing hints, uncited instructions and unknown datasets', () => {
    expect(errorOf({ ...copy(hdfsBlocksLab), id: 'HDFS Blocks' })).toMatch(
      /^lab 'HDFS Blocks': id: must be kebab-case/,
    );
    expect(errorOf({ ...copy(hdfsBlocksLab), steps: hdfsBlocksLab.steps.slice(0, 2) })).toBe(
      "lab 'hdfs-blocks': steps: must have 3 to 7 entries, got 2",
    );
    const noHints = copy(iotAveragesLab);
    noHints.steps[1]!.hints = [];
    expect(errorOf(noHints)).toBe("lab 'mapreduce-iot-averages': steps[1].hints: must have 1 to 3 entries, got 0");
    const uncited = copy(iotAveragesLab);
    uncited.steps[0]!.instructions = 'Average the readings.';
    expect(errorOf(uncited)).toMatch(/steps\[0\]\.instructions: must cite a cookbook chapter/);
    const noData = copy(iotAveragesLab);
    (
      noData.steps[2] as { extraRuns: { run: { files: { dataset: string }[] } }[] }
    ).extraRuns[0]!.run.files[0]!.dataset = 'nope';
    expect(errorOf(noData)).toMatch(
      /^lab 'mapreduce-iot-averages': steps\[2\]\.extraRuns\[0\]\.run\.files\[0\]\.dataset: must name one of the lab's datasets \(sensors, sensors-10x\), got "nope"/,
    );
  });

  it("checks a job step's Spark settings by their names", () => {
    const lab = copy(iotAveragesLab);
    const run = (lab.steps[0] as { run: { sparkConf?: Record<string, string> } }).run;
    run.sparkConf = { 'spark.locality.wait': '1s' };
    expect(validateLab(lab)).toBeDefined();
    run.sparkConf = { 'spark.locality.wait': 'soon' };
    expect(errorOf(lab)).toBe(
      `lab 'mapreduce-iot-averages': steps[0].run.sparkConf['spark.locality.wait']: must be a time like 3s, 500ms or 1min, from 0 to 24h, got "soon"`,
    );
  });

  it('rejects a starter equal to the solution, a missing evaluate and bad hdfs settings with their line', () => {
    const same = copy(hdfsBlocksLab);
    same.steps[0]!.starter = same.steps[0]!.solution;
    expect(errorOf(same)).toMatch(/steps\[0\]\.starter: must differ from the solution/);
    const noFn = copy(hdfsBlocksLab) as unknown as { steps: { checks: { evaluate: unknown }[] }[] };
    noFn.steps[1]!.checks[1]!.evaluate = 'yes';
    expect(errorOf(noFn)).toBe(
      "lab 'hdfs-blocks': steps[1].checks[1].evaluate: must be a function (run) => { pass, reason }",
    );
    const badJson = copy(hdfsBlocksLab);
    badJson.steps[3]!.solution = '{\n  "file": { "path": "/x", "size": "lots" }\n}';
    expect(errorOf(badJson)).toMatch(
      /^lab 'hdfs-blocks': steps\[3\]\.solution: not valid settings: line 2:27: file\.size: must be a size/,
    );
  });

  it('registers every lab once, validated, and lists it available in the catalogue in chapter order', () => {
    expect(LABS.length).toBeGreaterThan(0);
    expect(new Set(LABS.map((l) => l.id)).size).toBe(LABS.length);
    for (const lab of LABS) expect(findLab(lab.id)).toBe(lab);
    const available = LAB_CATALOGUE.filter((e) => e.available);
    expect(available.map((e) => e.id)).toEqual(LABS.map((l) => l.id));
    for (const e of available) {
      const lab = findLab(e.id)!;
      expect(e).toEqual({
        ...e,
        title: lab.title,
        summary: lab.summary,
        minutes: lab.minutes,
        steps: lab.steps.length,
      });
    }
    const ids = LAB_CATALOGUE.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Each shipped lab comes before the next announced lab of a later chapter, not at the end.
    LAB_CATALOGUE.forEach((e, i) => {
      if (!e.available) return expect(e.steps).toBe(0);
      const next = LAB_CATALOGUE.slice(i + 1).find((n) => !n.available);
      if (next) expect(compareChapters(next.chapters[0]!, e.chapters[0]!)).toBeGreaterThan(0);
    });
  });
});
