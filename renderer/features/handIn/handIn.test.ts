import { afterEach, describe, expect, it } from 'vitest';
import { buildHandIn, handInText } from '../../../labs/handIn/buildHandIn';
import { backupName, describeProblem } from '../../../labs/handIn/handInFile';
import { studentNameProblem } from '../../../labs/handIn/studentName';
import { findLab, LABS } from '../../../labs/labRegistry';
import { studentSeed, variantInstructions } from '../../../labs/variant';
import { stampChanges, mergeProgress } from '../../state/mergeProgress';
import { EMPTY_PROGRESS, parseProgress, type Progress } from '../../state/progress';
import { backupKeys, BACKUP_KEY_PREFIX, writeBackup } from './backupStore';
import { applyImport, planImport, sizeProblem } from './importPlan';
import {
  classifyClusterlabText,
  routeClusterlabFile,
  setHandInFileHandler,
  setOpenedFileNoticeHandler,
  setPackFileHandler,
} from './openedFiles';
import { nameProblemText, typedNameProblem } from './StudentNameField';
import { variantSeedFor, studentVariantSeed } from './studentVariant';

/** A Storage over a Map, as localStorage behaves. */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

const lab = findLab('mapreduce-basics')!;
const progress: Progress = {
  version: 1,
  labs: { 'mapreduce-basics': { step: 1, steps: { 'count-tags': { code: 'job()', passed: true, runs: 2 } } } },
  theme: 'dark',
};

describe("the student's name in the progress", () => {
  it('is kept when it is a usable name and dropped (never trusted) otherwise', () => {
    expect(parseProgress({ version: 1, labs: {}, studentName: 'Ana Lima' }).studentName).toBe('Ana Lima');
    for (const bad of [42, '', '   ', '---', 'a\u0000b', 'x\u202ey', 'n'.repeat(101), null, { name: 'x' }])
      expect(parseProgress({ version: 1, labs: {}, studentName: bad })).not.toHaveProperty('studentName');
  });

  it('is a setting: a change is stamped, and the newer settings win a merge between tabs', () => {
    const named = stampChanges(EMPTY_PROGRESS, { ...EMPTY_PROGRESS, studentName: 'Ana' }, 500);
    expect(named.settingsUpdatedAt).toBe(500);
    const renamed = stampChanges(named, { ...named, studentName: 'Bo' }, 400);
    expect(renamed.settingsUpdatedAt).toBe(501);
    expect(mergeProgress(named, renamed).studentName).toBe('Bo');
    expect(mergeProgress(renamed, named).studentName).toBe('Bo');
    const { studentName: _n, ...cleared } = renamed;
    const clearedStamped = stampChanges(renamed, cleared as Progress, 900);
    expect(mergeProgress(renamed, clearedStamped)).not.toHaveProperty('studentName');
  });

  it("the field accepts empty (no name) and says what is wrong in the app's words", () => {
    expect(typedNameProblem('  ', studentNameProblem)).toBeNull();
    expect(typedNameProblem('Ana', studentNameProblem)).toBeNull();
    expect(nameProblemText(typedNameProblem('!!', studentNameProblem)!)).toEqual({ key: 'name.noLetter', values: {} });
    expect(nameProblemText(typedNameProblem('a\u0007b', studentNameProblem)!)).toEqual({
      key: 'name.control',
      values: { code: 'U+0007', at: '2' },
    });
    expect(nameProblemText(typedNameProblem('\u202eana', studentNameProblem)!)).toEqual({
      key: 'name.bidi',
      values: { code: 'U+202E', at: '1' },
    });
    expect(nameProblemText(typedNameProblem('é'.repeat(101), studentNameProblem)!)).toEqual({
      key: 'name.tooLong',
      values: { count: '101', max: '100' },
    });
    // A form without a key of its own is German in German too (labs/handIn/problemGerman.ts).
    expect(nameProblemText(typedNameProblem('a\u200bb', studentNameProblem)!, 'de')).toEqual({
      key: 'name.problem',
      values: {
        problem: 'enthält das unsichtbare Zeichen U+200B an Stelle 2, durch das der Name wie ein anderer aussieht',
      },
    });
  });
});

describe("the student's variant", () => {
  it('runs a varying step as the named student, every other step (and no name) as written', () => {
    expect(variantSeedFor(lab, 0, undefined)).toBeNull();
    expect(variantSeedFor(lab, 0, 'Ana Lima')).toBe(studentSeed('Ana Lima'));
    expect(studentVariantSeed(lab, 0, ' ana  LIMA ')).toEqual({ variantSeed: studentSeed('Ana Lima') });
    expect(variantSeedFor(lab, 1, 'Ana Lima')).toBeNull();
    expect(studentVariantSeed(lab, 1, 'Ana Lima')).toEqual({});
    expect(variantSeedFor(lab, 0, '\u0000')).toBeNull();
    // Two students see different instructions.
    const step = lab.steps[0]!;
    expect(variantInstructions(step, studentSeed('Ana'))).not.toBe(variantInstructions(step, studentSeed('Bo')));
  });
});

describe('backups before an import (web build)', () => {
  it('are named by the time to the second, as the desktop app names its backup files (electron/progressBackups.test.ts)', () => {
    expect(backupName(new Date('2026-11-30T15:50:00.123Z'))).toBe('progress-before-import-2026-11-30T15-50-00Z.json');
  });

  it('keeps the last five, oldest removed first, two in one second both kept', () => {
    const storage = memoryStorage();
    storage.setItem('clusterlab.progress', '{}');
    const keys: string[] = [];
    for (let i = 0; i < 7; i++)
      keys.push(writeBackup(storage, `{"n":${i}}`, new Date(Date.UTC(2026, 10, 30, 12, 0, Math.max(0, i - 1)))));
    expect(keys[0]).toBe(`${BACKUP_KEY_PREFIX}progress-before-import-2026-11-30T12-00-00Z.json`);
    expect(keys[1]).toBe(`${BACKUP_KEY_PREFIX}progress-before-import-2026-11-30T12-00-00Z-2.json`);
    expect(backupKeys(storage)).toEqual(keys.slice(2));
    expect(storage.getItem(keys[6]!)).toBe('{"n":6}');
    expect(storage.getItem('clusterlab.progress')).toBe('{}');
  });

  it('a storage that is full throws, so the caller imports nothing', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(() => writeBackup(storage, '{}', new Date())).toThrow(/Quota/);
  });
});

describe('.clusterlab files: what they are and where they go', () => {
  afterEach(() => {
    setPackFileHandler(null);
    setHandInFileHandler(null);
    setOpenedFileNoticeHandler(null);
  });
  const handIn = handInText(buildHandIn(progress, 'Ana Lima', '0.1.0', new Date('2026-11-30T12:00:00Z')));
  const pack = JSON.stringify({ format: 'clusterlab-pack', version: 1, files: {} });

  it('tells a hand-in, a pack and anything else apart', () => {
    expect(classifyClusterlabText(handIn)).toEqual({ kind: 'hand-in' });
    expect(classifyClusterlabText(pack)).toEqual({ kind: 'pack' });
    expect(classifyClusterlabText('{"format": "zip"}')).toEqual({
      kind: 'unknown',
      reason: 'otherFormat',
      detail: '"zip"',
    });
    expect(classifyClusterlabText('[1]')).toMatchObject({ kind: 'unknown', reason: 'notObject', detail: 'array' });
    expect(classifyClusterlabText('{}')).toMatchObject({ kind: 'unknown', reason: 'noFormat' });
    expect(classifyClusterlabText('{nope')).toMatchObject({ kind: 'unknown', reason: 'notJson' });
  });

  it('routes a hand-in to the import dialog and a pack to the pack handler, or says what to do', async () => {
    const seen: string[] = [];
    setOpenedFileNoticeHandler(({ key, values }) => seen.push(`notice ${key} ${values.file}`));
    await routeClusterlabFile('/home/ana/week3.clusterlab', pack);
    await routeClusterlabFile('C:\\x\\ana.clusterlab', handIn);
    setHandInFileHandler((name) => seen.push(`import ${name}`));
    setPackFileHandler(async (name) => void seen.push(`pack ${name}`));
    await routeClusterlabFile('ana.clusterlab', handIn);
    await routeClusterlabFile('week3.clusterlab', pack);
    setPackFileHandler(async () => {
      throw new Error('labs/x/lab.json: title: must be a string');
    });
    await routeClusterlabFile('bad.clusterlab', pack);
    await routeClusterlabFile('photo.clusterlab', '\u0089PNG');
    expect(seen).toEqual([
      'notice notice.packFromHome week3.clusterlab',
      'notice notice.notReady ana.clusterlab',
      'import ana.clusterlab',
      'pack week3.clusterlab',
      'notice notice.packFailed bad.clusterlab',
      'notice notClusterlab.notJson photo.clusterlab',
    ]);
  });
});

describe('planning an import (nothing changes until it is confirmed)', () => {
  const now = Date.UTC(2026, 11, 1);
  const other: Progress = {
    version: 1,
    labs: { 'mapreduce-basics': { step: 0, steps: { 'count-tags': { code: 'mine()', updatedAt: 5 } } } },
    studentName: 'Bo',
  };
  const text = handInText(buildHandIn(progress, 'Ana Lima', '0.1.0', new Date('2026-11-30T12:00:00Z')));

  it('a good file is ready, with what it would change; applying it keeps what it does not mention', () => {
    const plan = planImport('ana-lima.clusterlab', text, other, LABS, now);
    expect(plan.kind).toBe('ready');
    if (plan.kind !== 'ready') return;
    expect(plan.partial).toBe(false);
    expect(plan.preview.stepsReplaced).toEqual(['mapreduce-basics/count-tags']);
    const { progress: after } = applyImport(other, plan.handIn, now);
    expect(after.labs['mapreduce-basics']!.steps['count-tags']).toMatchObject({ code: 'job()', passed: true, runs: 2 });
    expect(after.studentName).toBe('Bo');
    expect(after.theme).toBe('dark');
    expect(applyImport(EMPTY_PROGRESS, plan.handIn, now).progress.studentName).toBe('Ana Lima');
  });

  it('a corrupt file is refused with its line and column', () => {
    const broken = text.replace('"passed": true', '"passed": tru');
    const plan = planImport('ana.clusterlab', broken, other, LABS, now);
    expect(plan.kind).toBe('refused');
    if (plan.kind !== 'refused') return;
    const line = broken.split('\n').findIndex((l) => l.includes('tru')) + 1;
    expect(describeProblem(plan.problems[0]!)).toMatch(new RegExp(`^ana\\.clusterlab:${line}:\\d+: `));
  });

  it('a partial file keeps the good steps and lists what is left out', () => {
    const data = JSON.parse(text);
    data.labs['mapreduce-basics'].steps['splits-and-cores'] = { code: 42 };
    const plan = planImport('ana.clusterlab', JSON.stringify(data, null, 2), other, LABS, now);
    expect(plan.kind).toBe('ready');
    if (plan.kind !== 'ready') return;
    expect(plan.partial).toBe(true);
    expect(plan.problems.map(describeProblem).join('\n')).toMatch(/splits-and-cores\.code/);
    expect(Object.keys(plan.handIn.labs['mapreduce-basics']!.steps)).toEqual(['count-tags']);
  });

  it('a foreign version, a pack and a file too large are not progress', () => {
    const newer = planImport('ana.clusterlab', text.replace('"version": 1', '"version": 9'), other, LABS, now);
    expect(newer.kind).toBe('refused');
    const pack = planImport(
      'w.clusterlab',
      JSON.stringify({ format: 'clusterlab-pack', version: 1 }),
      other,
      LABS,
      now,
    );
    expect(pack).toEqual({ kind: 'pack', file: 'w.clusterlab' });
    expect(sizeProblem('big.clusterlab', 8 * 1024 * 1024)).toBeNull();
    expect(describeProblem(sizeProblem('/tmp/big.clusterlab', 9 * 1024 * 1024)!)).toBe(
      'big.clusterlab: is 9,437,184 bytes, more than the limit of 8,388,608 bytes for a progress file',
    );
  });
});
