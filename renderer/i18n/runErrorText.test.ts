/**
 * The German page shows in German the engine's errors a lab's German text promises, read from real
 * failed runs (so a change to the engine's wording shows here), and leaves other errors alone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../../engine/core';
import { runJob, type RunJobOptions } from '../../engine/api';
import { changeLanguage, i18n } from './i18n';
import { JobTimeoutError, RunawayLoopError, createFunctionRunner } from '../../engine/sandbox';
import { runErrorText } from './runErrorText';
import { pipelineTimeoutMessage } from '../../labs/pipelineTimeout';
import { GERMAN_REASON_SHAPES, jobReasonGerman } from '../../labs/jobReasonGerman';
import { runErrorText as cliRunErrorText } from '../../labs/runErrorText';
import { REASON_SHAPES, reasonText, type RunSay } from '../viz/run/attemptText';
import { reduceFailure } from '../viz/run/__tests__/reduceFailure';

/** The message of a run that failed, or '' when it did not. */
async function failed(options: Omit<RunJobOptions, 'runner'>): Promise<string> {
  const runner = createFunctionRunner();
  try {
    await runJob({ ...options, runner });
    return '';
  } catch (e) {
    return (e as Error).message;
  } finally {
    await runner.close();
  }
}

async function failure(reduce: string): Promise<string> {
  const thrown = await reduceFailure(reduce);
  return thrown === null ? '' : (thrown as Error).message;
}

/** English words none of the German messages keep (code such as `const list = [...values]` aside). */
const ENGLISH = /\b(the|were|walked|given|second|they|are|not|failed|attempts?|copy|first|with)\b/;

describe('runErrorText', () => {
  afterEach(() => changeLanguage('en'));

  it('says in German that reduce walked its values twice, and where the task failed', async () => {
    const message = await failure(
      '    let n = 0;\n    for (const v of values) n += v;\n    for (const v of values) n += v;',
    );
    expect(message).toMatch(/walked a second time/);
    const german = runErrorText(message, 'de');
    expect(german).toMatch(/^job\.js:\d+: Error: die Werte, die reduce bekam, wurden ein zweites Mal durchlaufen/);
    expect(german).toMatch(/\(task_\S+ scheiterte in 4 Versuchen, auf n\d+(, n\d+){3}\)$/);
    expect(german.replace(/const list = \[\.\.\.values\]/, '')).not.toMatch(ENGLISH);
    expect(runErrorText(message, 'en')).toBe(message);
  }, 60_000);

  it('says in German that the values are an Iterable, not an array', async () => {
    const message = await failure('    ctx.write(k, values.length);');
    expect(message).toMatch(/not an array/);
    const german = runErrorText(message, 'de');
    expect(german).toContain(
      'sind ein Iterable wie in Hadoop (reduce(key, Iterable<VALUEIN> values, context)), kein Array',
    );
    expect(german.replace(/const list = \[\.\.\.values\]|for \(const v of values\)|values\.length/g, '')).not.toMatch(
      ENGLISH,
    );
  }, 60_000);

  it('says in German that a map ran out of attempts, its block gone, and why', async () => {
    const code = `exports.default = { kind: 'mapreduce', input: '/in/w.txt', output: '/out/t',
  map(o, line, ctx) { ctx.write('k', 1); }, reduce(k, values, ctx) { ctx.write(k, 1); } };`;
    const options: Omit<RunJobOptions, 'runner'> = {
      source: { fileName: 'job.js', code },
      cluster: 'cookbook-9',
      seed: 5,
      sampleData: false,
      files: [{ path: '/in/w.txt', bytes: encodeUtf8('a\nb\nc\n') }],
    };
    expect(await failed(options)).toBe('');
    // Every replica of the input's one block killed at once: each map attempt's read gives up.
    const message = await failed({
      ...options,
      faults: ['n7', 'n2', 'n1'].map((node) => ({ atMs: 1, kind: 'killNode' as const, node })),
    });
    expect(message).toMatch(
      /^task_\S+ failed 4 attempts; last: \/in\/w\.txt: block blk_\d+ \(#0\) has no live replica/,
    );
    expect(runErrorText(message, 'en')).toBe(message);
    changeLanguage('de');
    const german = runErrorText(message, 'de');
    expect(german).toMatch(
      /^task_\S+ scheiterte in 4 Versuchen; zuletzt: \/in\/w\.txt: Block blk_\d+ \(#0\) hat kein erreichbares Replikat, von dem er gelesen werden kann \(BlockMissingException: Der HDFS-Client hat in \d+,\d s 3-mal erneut nachgefragt\) \(task_\S+ scheiterte in 4 Versuchen, auf n\d(, n\d){3}\)$/,
    );
    expect(german).not.toMatch(ENGLISH);
  }, 60_000);

  it('says in German that a Spark task failed every time, its block gone', async () => {
    // As the map above, in Spark: every replica of the input's one block killed at once.
    const message = await failed({
      source: { fileName: 'job.js', code: "exports.default = async (sc) => sc.textFile('/in/w.txt').collect();" },
      cluster: 'cookbook-9',
      seed: 5,
      sampleData: false,
      files: [{ path: '/in/w.txt', bytes: encodeUtf8('a\nb\nc\n') }],
      faults: ['n7', 'n2', 'n1'].map((node) => ({ atMs: 1, kind: 'killNode' as const, node })),
    });
    expect(message).toMatch(/^task \S+ failed 4 times; last: \/in\/w\.txt: block blk_\d+ \(#0\) has no live replica/);
    changeLanguage('de');
    const german = runErrorText(message, 'de');
    expect(german).toMatch(
      /^Task \S+ ist 4-mal fehlgeschlagen; zuletzt: \/in\/w\.txt: Block blk_\d+ \(#0\) hat kein erreichbares Replikat/,
    );
    expect(german).not.toMatch(ENGLISH);
    expect(cliRunErrorText(message, 'de')).toBe(german);
  }, 60_000);

  it('says in German that the ApplicationMaster was lost too often', async () => {
    // As engine/mapreduce/mrAppMasterRecovery.test.ts: the first AM dies on n1, the second on n2.
    const message = await failed({
      source: {
        fileName: 'sum.js',
        code: `exports.default = { kind: 'mapreduce', input: '/data/sensors.csv', output: '/out/sum', numReduceTasks: 1,
  map(o, line, ctx) { const p = line.split(','); if (p.length === 3) ctx.write(p[0].slice(0, 10), 1); },
  reduce(k, vs, ctx) { ctx.write(k, [...vs].length); } };`,
      },
      cluster: 'cookbook-9',
      seed: 1,
      blockSize: 256 * 1024,
      faults: [
        { atMs: 100, kind: 'killNode', node: 'n1' },
        { atMs: 601_112, kind: 'killNode', node: 'n2' },
      ],
    });
    expect(message).toBe('the ApplicationMaster was lost 2 times (last on n2)');
    expect(runErrorText(message, 'en')).toBe(message);
    changeLanguage('de');
    expect(runErrorText(message, 'de')).toBe('der ApplicationMaster ging 2-mal verloren (zuletzt auf n2)');
  }, 60_000);

  it('says in German that the run ran out of its time limit, the seconds written the German way', () => {
    const messages = [
      new JobTimeoutError(2.5).message,
      new JobTimeoutError(30, null, true).message,
      new JobTimeoutError(1.25, { fileName: 'job.js', line: 7 }).message,
      new RunawayLoopError('job.js', 4, 28.5, 30).message,
      new RunawayLoopError('job.js', 4, 3, 30).message,
    ];
    expect(messages[0]).toMatch(/^the job ran out of its time budget \(2\.5 s of wall time\)/);
    for (const message of messages) expect(runErrorText(message, 'en')).toBe(message);
    const german = messages.map((message) => runErrorText(message, 'de'));
    expect(german).toEqual([
      'Der Job hat sein Zeitbudget (2,5 s echte Zeit) aufgebraucht und wurde gestoppt; wenn er nur langsam ist, erhöhe das Zeitlimit (in der App unter Einstellungen, auf der Kommandozeile mit --timeout)',
      'Die Sandbox startete noch, als das Zeitlimit (30 s) ablief, daher lief nichts von deinem Code; starte den Lauf noch einmal, und wenn es wieder passiert, erhöhe das Zeitlimit (in der App unter Einstellungen, auf der Kommandozeile mit --timeout) oder lade die Seite neu',
      'Deine Schleife in job.js Zeile 7 lief noch, als das Zeitlimit für deinen Code (1,25 s) den Job stoppte – wird ihre Bedingung jemals falsch? Wenn sie nur langsam ist, erhöhe das Zeitlimit (in der App unter Einstellungen, auf der Kommandozeile mit --timeout).',
      'Deine Schleife in job.js Zeile 4 läuft schon seit 28,5 s (das Zeitlimit für deinen Code ist 30 s) – wird ihre Bedingung jemals falsch?',
      'Dein Code lief noch in job.js Zeile 4, als das Zeitlimit (30 s) ablief – eine Schleife, die nie endet, oder mehr Arbeit, als ins Zeitlimit passt? Wenn er nur langsam ist, erhöhe das Zeitlimit (in der App unter Einstellungen, auf der Kommandozeile mit --timeout).',
    ]);
    for (const text of german) expect(text).not.toMatch(ENGLISH);
    // A pipeline step's run (labs/runStep.ts) has no job.
    const pipeline = pipelineTimeoutMessage(2.5);
    expect(runErrorText(pipeline, 'en')).toBe(pipeline);
    expect(runErrorText(pipeline, 'de')).toBe(
      'Der Lauf der Pipeline hat sein Zeitbudget (2,5 s echte Zeit) aufgebraucht und wurde gestoppt; wenn er nur langsam ist (viele Ereignisse, ein kurzes Refresh-, Trigger- oder Retry-Intervall), erhöhe das Zeitlimit (in der App unter Einstellungen, auf der Kommandozeile mit --timeout)',
    );
  });

  it('says in German that the code threw something not an Error, held too much memory, or never ended', async () => {
    const thrown = await failure("    throw 'kaputt';");
    expect(thrown).toContain('your code threw the string "kaputt"; throw an Error');
    changeLanguage('de');
    const german = runErrorText(thrown, 'de');
    expect(german).toContain(
      'dein Code hat den String "kaputt" geworfen; wirf einen Error, z. B. `throw new Error(...)`, um seine Zeile zu erfahren',
    );
    expect(german.replace('throw new Error(...)', '')).not.toMatch(ENGLISH);
    expect(cliRunErrorText(thrown, 'de')).toBe(german);
    // As cli/heapGuard.ts and engine/exec/jobContext.ts word them.
    const memory =
      'job.js:4: RangeError: your code holds more than 1,024 MB of data in memory, more than the sandbox allows — does it build ever bigger data (an array, a string, a map that keeps growing)?';
    expect(runErrorText(memory, 'de')).toBe(
      'job.js:4: RangeError: dein Code hält mehr als 1.024 MB Daten im Speicher, mehr als die Sandbox erlaubt – baut er immer größere Daten auf (ein Array, einen String, eine Map, die immer weiter wächst)?',
    );
    expect(
      runErrorText('the job did not finish within 168 simulated hours (no live node can run its tasks?)', 'de'),
    ).toBe('Der Job wurde in 168 simulierten Stunden nicht fertig (kann kein lebender Knoten seine Tasks ausführen?)');
    expect(runErrorText("job.js:4: your code threw null; throw an Error, e.g. `throw new Error('...')`", 'de')).toBe(
      "job.js:4: dein Code hat null geworfen; wirf einen Error, z. B. `throw new Error('...')`",
    );
    // Numbers, undefined, BigInts and Symbols, from real runs.
    for (const [thrownValue, shown] of [
      ['42', '42'],
      ['-1.5', '-1.5'],
      ['undefined', 'undefined'],
      ['10n', '10n'],
      ['true', 'true'],
    ]) {
      const message = await failure(`    throw ${thrownValue};`);
      expect(message).toContain(`your code threw ${shown} (throw an Error`);
      const de = runErrorText(message, 'de');
      expect(de).toContain(
        `dein Code hat ${shown} geworfen (wirf einen Error, z. B. \`throw new Error('...')\`, um seine Zeile zu erfahren)`,
      );
      expect(de.replace("throw new Error('...')", '')).not.toMatch(ENGLISH);
    }
    const symbol = await failure("    throw Symbol('weg');");
    expect(runErrorText(symbol, 'de')).toContain(
      "dein Code hat ein Symbol (Symbol(weg)) geworfen; wirf einen Error, z. B. `throw new Error('...')`",
    );
    expect(runErrorText('job.js: your code threw something that is not an Error', 'de')).toBe(
      'job.js: dein Code hat etwas geworfen, das kein Error ist',
    );
  }, 60_000);

  it('leaves the learner’s own errors as they are', () => {
    const own = "job.js:3: TypeError: Cannot read properties of undefined (reading 'split')";
    expect(runErrorText(own, 'de')).toBe(own);
  });

  it('knows the same reason shapes as the CLI, each worded alike (a shape added to one alone fails here)', () => {
    expect(GERMAN_REASON_SHAPES.map(([shape]) => shape.source)).toEqual(REASON_SHAPES.map(([shape]) => shape.source));
    changeLanguage('de');
    const german = i18n.getFixedT('de');
    for (const [i, [, key]] of REASON_SHAPES.entries())
      for (const count of ['1', '12']) {
        const groups = { node: 'n4', job: 'spark-job-3', id: 'attempt_1', container: 'container_1', count };
        const app = german(`run:attempt.why.${key}`, { ...groups, count: Number(count) });
        expect(GERMAN_REASON_SHAPES[i]![1](groups), key).toBe(app);
      }
  });

  it('words every reason shape as the CLI does (labs/jobReasonGerman.ts, without i18next)', () => {
    changeLanguage('de');
    const german = i18n.getFixedT('de');
    const words: RunSay = (key, options) => german(`run:${key}`, options);
    const reasons = [
      'failed to connect to n2',
      'missing an output location',
      'job spark-job-3 finished',
      'job spark-job-3 failed',
      'job failed',
      'node n4 died',
      'another attempt finished first',
      'attempt_1_0001_m_000002_1 finished first',
      'stage aborted',
      'container container_1_0001_01_000002 lost with node n3',
      'map outputs of 1 maps are not available',
      'map outputs of 12 maps are not available',
      'another attempt is committing the output',
      'fetch from n5 failed',
      'fetch failed at shuffle start',
      'fetch failure',
      'map failed',
      'reduce failed',
      'the ApplicationMaster was lost 1 time (last on n1)',
      'the ApplicationMaster was lost 2 times (last on n2)',
      'a task failed every attempt: the job was aborted',
      '/in/w.txt: block blk_7 (#0) has no live replica it can be read from',
      '/in/w.txt: block blk_7 (#0) has no live replica it can be read from (BlockMissingException: the HDFS client asked again 3 times over 1.5 s)',
      'FetchFailed(BlockManagerId(n2, n2, 7337), shuffleId=0, mapIndex=1, reduceId=0): failed to connect to n2',
      'task 3 failed 4 times; last: node n4 died',
      'task 3 failed 1 times; last: TypeError: x is not a function',
      'task_1_0001_m_000001 failed 1 attempt; last: map failed',
      'task_1_0001_m_000001 failed 4 attempts; last: FetchFailed(BlockManagerId(n2)): fetch from n2 failed',
      "job.js:3: TypeError: Cannot read properties of undefined (reading 'split')",
    ];
    for (const reason of reasons) expect(jobReasonGerman(reason), reason).toBe(reasonText(reason, words));
    // A job's own failure reads the same in the error box and on the command line.
    const job =
      'task_1_0001_m_000001 failed 4 attempts; last: node n4 died (task_1_0001_m_000001 failed 4 attempts, on n4, n2, n3, n1)';
    expect(cliRunErrorText(job, 'de')).toBe(runErrorText(job, 'de'));
    expect(cliRunErrorText(job, 'de')).toBe(
      'task_1_0001_m_000001 scheiterte in 4 Versuchen; zuletzt: Knoten n4 ist ausgefallen (task_1_0001_m_000001 scheiterte in 4 Versuchen, auf n4, n2, n3, n1)',
    );
  });

  it("says in German what a Spark driver's missing await and its session taken for sc are", async () => {
    const driver = async (body: string) =>
      failed({
        source: { fileName: 'job.js', code: `exports.default = async (sc, spark) => {\n${body}\n};` },
        cluster: 'classroom',
        seed: 5,
      });
    const forgotten = await driver('sc.parallelize([1, 2]).count();\nreturn 1;');
    const reader = await driver("const df = spark.read.csv('/data/sensors.csv');\nreturn df.groupBy('_c0');");
    const session = await driver("return sc.read.csv('/data/sensors.csv');");
    const sql = await driver("return spark.sql('SELECT 1').show();");
    const columns = await driver("return spark.sql('SELECT 1').columns;");
    expect(forgotten).toMatch(/rdd\.count\(\) was called but never awaited/);
    expect(reader).toMatch(/spark\.read\.csv\(\.\.\.\) gives a promise here/);
    expect(session).toMatch(/first argument is the SparkContext/);
    expect(sql).toMatch(/spark\.sql\(\.\.\.\) gives a promise here/);
    changeLanguage('de');
    expect(runErrorText(forgotten, 'de')).toMatch(
      /^job\.js:2: rdd\.count\(\) wurde aufgerufen, aber nie mit await abgewartet: .* schreibe `await rdd\.count\(\.\.\.\)`$/,
    );
    expect(runErrorText(reader, 'de')).toBe(
      'job.js:3: TypeError: spark.read.csv(...) gibt hier ein Promise zurück (Spark liest ihre erste Zeile zuerst in einem Job): warte es mit await ab und rufe dann groupBy auf: const df = await spark.read.csv(...); df.groupBy(...)',
    );
    expect(runErrorText(session, 'de')).toBe(
      'job.js:2: TypeError: das erste Argument des Drivers ist der SparkContext (sc), der kein read hat: das gehört zur SparkSession, seinem zweiten Argument. Schreibe `export default async (sc, spark) => { ... spark.read ... }`',
    );
    expect(runErrorText(sql, 'de')).toMatch(
      /\(DuckDB plant die Abfrage zuerst\): warte es mit await ab und rufe dann show auf/,
    );
    expect(runErrorText(columns, 'de')).toMatch(
      /warte es mit await ab und lies dann columns: const df = await spark\.sql\(\.\.\.\); df\.columns$/,
    );
    for (const m of [forgotten, reader, session, sql, columns]) {
      expect(cliRunErrorText(m, 'de')).toBe(runErrorText(m, 'de'));
      expect(runErrorText(m, 'en')).toBe(m);
    }
  }, 60_000);
});
