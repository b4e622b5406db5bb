import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  backupName,
  buildHandIn,
  describeProblem,
  handInFileName,
  importHandIn,
  knownLabsOf,
  normalizeStudentName,
  parseHandIn,
  type ProgressLike,
} from './handInFile';
import { handInText } from './buildHandIn';
import { LABS } from '../labRegistry';

const known = knownLabsOf(LABS);
const at = new Date('2026-11-30T15:50:00.000Z');

const progress: ProgressLike = {
  version: 1,
  labs: {
    'hdfs-blocks': {
      step: 1,
      steps: {
        'put-512mb': {
          code: '{ "file": { "size": "512 MB" } }',
          passed: true,
          runs: 2,
          lastRun: { at: 1_700_000_000_000, checks: [{ id: 'four-blocks', state: 'pass', message: 'ok' }] },
          updatedAt: 5,
        },
        'kill-datanode': {
          code: '{}',
          runs: 1,
          lastRun: {
            at: 1_700_000_000_001,
            checks: [{ id: 'x', state: 'not-judged', message: '' }],
            notJudged: 'the settings did not parse',
            error: { message: 'bad', line: 1, column: 2 },
          },
        },
      },
    },
  },
  theme: 'dark',
  timeLimitSeconds: 45,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests write any value into the JSON
type Labs = Record<string, any>;
const text = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;
const good = () => JSON.parse(handInText(buildHandIn(progress, 'Ana Lima', '0.1.0', at))) as Record<string, unknown>;
const messages = (t: string, file = 'ana.clusterlab') => parseHandIn(t, file, known).problems.map(describeProblem);

describe('hand-in files', () => {
  it('round trip: build → text → parse → import onto an empty progress gives the same progress back', () => {
    const handIn = buildHandIn(progress, '  Ana   Lima ', '0.1.0', at);
    expect(handIn.student.name).toBe('Ana Lima');
    const parsed = parseHandIn(handInText(handIn), 'ana-lima.clusterlab', known);
    expect(parsed.problems).toEqual([]);
    expect(parsed.handIn).toEqual(handIn);
    const { progress: back, summary } = importHandIn({ version: 1, labs: {} }, parsed.handIn!, 99);
    const stamped = structuredClone(progress);
    for (const s of Object.values(stamped.labs['hdfs-blocks']!.steps)) s.updatedAt = 99;
    expect(back).toEqual({ ...stamped, settingsUpdatedAt: 99 });
    expect(summary.stepsAdded).toEqual(['hdfs-blocks/kill-datanode', 'hdfs-blocks/put-512mb']);
    expect(summary.settingsChanged).toEqual(['theme', 'timeLimitSeconds']);
    // Importing again changes nothing.
    const again = importHandIn(back, parsed.handIn!, 100);
    expect(again.summary.stepsUnchanged).toHaveLength(2);
    expect(again.summary.text).toMatch(/Nothing changed/);
  });

  it('import keeps steps and labs the hand-in does not mention, and replaces those it does', () => {
    const current: ProgressLike = {
      version: 1,
      labs: {
        'hdfs-blocks': { step: 0, steps: { 'put-512mb': { code: 'old' }, other: { code: 'mine' } } },
        'spark-in-memory': { step: 2, steps: { a: { code: 'keep' } } },
      },
    };
    const { progress: next, summary } = importHandIn(current, buildHandIn(progress, 'Ana', '1', at), 7);
    expect(next.labs['spark-in-memory']).toEqual(current.labs['spark-in-memory']);
    expect(next.labs['hdfs-blocks']!.steps.other).toEqual({ code: 'mine' });
    expect(next.labs['hdfs-blocks']!.steps['put-512mb']!.code).toBe(
      progress.labs['hdfs-blocks']!.steps['put-512mb']!.code,
    );
    expect(summary.stepsReplaced).toEqual(['hdfs-blocks/put-512mb']);
  });

  it('truncated JSON: the line and column where it ends, and why', () => {
    const t = handInText(buildHandIn(progress, 'Ana', '1', at));
    const cut = t.slice(0, 200);
    const [m] = messages(cut);
    const lines = cut.split('\n');
    expect(m).toBe(
      `ana.clusterlab:${lines.length}:${lines.at(-1)!.length + 1}: not valid JSON (Unterminated string): the file ends too early, perhaps it was cut off while copying`.replace(
        '(Unterminated string)',
        m!.match(/\(([^)]*)\)/)![0],
      ),
    );
    expect(parseHandIn(cut, 'a', known).handIn).toBeNull();
  });

  it('wrong types name the field and its line and column; the step is left out, the rest kept', () => {
    const data = good();
    (data.labs as Labs)['hdfs-blocks'].steps['put-512mb'].code = 42;
    const t = text(data);
    const parsed = parseHandIn(t, 'ana.clusterlab', known);
    const line = t.split('\n').findIndex((l) => l.includes('"put-512mb"')) + 1;
    expect(parsed.problems.map(describeProblem)).toEqual([
      `ana.clusterlab:${line + 1}:11: labs.hdfs-blocks.steps.put-512mb.code: must be a string: the step is left out`,
    ]);
    expect(Object.keys(parsed.handIn!.labs['hdfs-blocks']!.steps)).toEqual(['kill-datanode']);
  });

  it('partial: a valid lab and a broken one: the broken lab is left out with an error, the valid one kept', () => {
    const data = good();
    (data.labs as Labs)['spark-in-memory'] = { step: 'two', steps: {} };
    const parsed = parseHandIn(text(data), 'p.clusterlab', known);
    expect(parsed.problems.map((p) => `${p.severity} ${p.path}: ${p.message}`)).toEqual([
      'error labs.spark-in-memory.step: must be a whole number from 0 to 99: the lab is left out',
    ]);
    expect(Object.keys(parsed.handIn!.labs)).toEqual(['hdfs-blocks']);
  });

  it("foreign files: another program's JSON, a pack, the app's own progress file, a newer version", () => {
    expect(messages('{"name":"x","dependencies":{}}')).toEqual([
      'ana.clusterlab: not a ClusterLab hand-in: the file has no "format": "clusterlab-progress" (it was made by another program)',
    ]);
    expect(messages('{"format":"clusterlab-pack","version":1}')).toEqual([
      "ana.clusterlab:1:2: format: this is a teacher's lab pack, not a student's progress: open it as a pack",
    ]);
    expect(messages('{"version":1,"labs":{}}')[0]).toMatch(/the app's own saved progress, not a hand-in/);
    const v2 = good();
    v2.version = 2;
    expect(messages(text(v2))).toEqual([
      'ana.clusterlab:3:3: version: made by a newer ClusterLab (format version 2): update ClusterLab to open it',
    ]);
    expect(messages('[1,2]')).toEqual(['ana.clusterlab: not a hand-in: the file must hold one JSON object']);
  });

  it('hostile files: huge, binary, deep, __proto__ keys, names with controls or bidi overrides', () => {
    expect(messages(' '.repeat(8 * 1024 * 1024 + 1))[0]).toMatch(/larger than the limit of 8388608 bytes/);
    expect(messages('\u0000\u0001PK')[0]).toMatch(/binary/);
    expect(messages(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toEqual([
      'ana.clusterlab:1:17: not a hand-in: the JSON nests more than 16 levels deep',
    ]);
    const proto = good();
    const t = text(proto).replace('"hdfs-blocks": {', '"__proto__": { "polluted": true }, "hdfs-blocks": {');
    const parsed = parseHandIn(t, 'x', known);
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'is not a lab id: ids are lower-case letters, digits and dashes: the lab is left out',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const [name, why] of [
      ['Ana\u0007', /control character U\+0007 at character 4/],
      ['Ana\u202eamiL', /text-direction control U\+202E/],
      ['', /is empty/],
      ['x'.repeat(101), /more than the limit of 100/],
    ] as const) {
      const d = good();
      (d.student as { name: string }).name = name;
      expect(messages(text(d)).join('\n')).toMatch(why);
    }
  });

  it('unknown labs and steps are kept with a warning', () => {
    const d = good();
    (d.labs as Labs)['teacher-lab'] = { step: 0, steps: { one: { code: 'x' } } };
    (d.labs as Labs)['hdfs-blocks'].steps['no-such-step'] = { code: 'y' };
    const parsed = parseHandIn(text(d), 'a', known);
    expect(parsed.problems.map((p) => `${p.severity} ${p.path}`)).toEqual([
      'warning labs.hdfs-blocks.steps.no-such-step',
      'warning labs.teacher-lab',
    ]);
    expect(parsed.handIn!.labs['teacher-lab']!.steps.one!.code).toBe('x');
  });

  it('names: one normal form; file names from it; backup names', () => {
    expect(normalizeStudentName('  Ana \t LIMA ')).toBe(normalizeStudentName('ana lima'));
    expect(normalizeStudentName('Straße')).toBe(normalizeStudentName('STRASSE'));
    expect(normalizeStudentName('Jose\u0301')).toBe(normalizeStudentName('José'));
    expect(handInFileName('Ana Lima')).toBe('ana-lima.clusterlab');
    expect(handInFileName('Zoë O’Brien')).toBe('zoë-o-brien.clusterlab');
    expect(handInFileName('CON')).toBe('student-con.clusterlab');
    expect(handInFileName('***')).toBe('student.clusterlab');
    expect(backupName(at)).toBe('progress-before-import-2026-11-30T15-50-00Z.json');
  });

  it('never throws, whatever the text: every outcome is a hand-in or problems naming the file', () => {
    const check = (t: string) => {
      const r = parseHandIn(t, 'x.clusterlab', known);
      expect(r.handIn !== null || r.problems.some((p) => p.severity === 'error')).toBe(true);
      for (const p of r.problems) expect(describeProblem(p).startsWith('x.clusterlab')).toBe(true);
    };
    fc.assert(fc.property(fc.string(), check), { numRuns: 300 });
    // Hand-in-shaped JSON with any values in any field.
    const anyHandIn = fc.record({
      format: fc.constantFrom('clusterlab-progress', 'clusterlab-pack', 'x'),
      version: fc.oneof(fc.constant(1), fc.anything()),
      student: fc.oneof(fc.record({ name: fc.string() }), fc.anything()),
      app: fc.oneof(fc.record({ version: fc.string() }), fc.anything()),
      exportedAt: fc.oneof(fc.constant('2026-01-01T00:00:00Z'), fc.anything()),
      labs: fc.dictionary(
        fc.oneof(fc.constantFrom('hdfs-blocks', '__proto__', 'constructor'), fc.string()),
        fc.oneof(fc.record({ step: fc.anything(), steps: fc.dictionary(fc.string(), fc.anything()) }), fc.anything()),
      ),
      settings: fc.anything(),
    });
    fc.assert(
      fc.property(anyHandIn, (h) => check(JSON.stringify(h) ?? '')),
      { numRuns: 300 },
    );
  });
});
