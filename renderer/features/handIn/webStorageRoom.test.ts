import { afterEach, describe, expect, it } from 'vitest';
import { buildHandIn, handInText } from '../../../labs/handIn/buildHandIn';
import { HAND_IN_LIMITS } from '../../../labs/handIn/handInFile';
import { LABS } from '../../../labs/labRegistry';
import { STORAGE_KEY } from '../../bridge/storageKey';
import { changeLanguage } from '../../i18n/i18n';
import { saveFailedText } from '../../state/saveFailedText';
import { EMPTY_PROGRESS, type Progress } from '../../state/progress';
import { writeBackup } from './backupStore';
import { applyImport, planImport } from './importPlan';
import { progressRoom, WEB_STORAGE_CHARS } from './webStorageRoom';

/** localStorage as Chromium bounds it: keys and values together at most `quota` characters. */
function quotaStorage(quota = WEB_STORAGE_CHARS): Storage {
  const map = new Map<string, string>();
  const used = () => [...map].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      const before = map.get(k);
      const grows = k.length + String(v).length - (before === undefined ? 0 : k.length + before.length);
      if (used() + grows > quota)
        throw new DOMException(
          `Failed to execute 'setItem' on 'Storage': Setting the value of '${k}' exceeded the quota.`,
          'QuotaExceededError',
        );
      map.set(k, String(v));
    },
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

/** A valid hand-in of `steps` steps whose code makes the file about `bytes` long. */
function handInOf(steps: number, bytes: number): string {
  const ids = LABS.flatMap((l) => l.steps.map((s) => [l.id, s.id] as const)).slice(0, steps);
  expect(ids).toHaveLength(steps);
  const progress: Progress = { version: 1, labs: {} };
  const code = `// ${'x'.repeat(Math.floor(bytes / steps) - 10)}\n`;
  for (const [lab, step] of ids) {
    const l = (progress.labs[lab] ??= { step: 0, steps: {} });
    l.steps[step] = { code, passed: true, runs: 1 };
  }
  return handInText(buildHandIn(progress, 'Ana Lima', '0.1.0', new Date('2026-11-30T12:00:00Z')));
}

const now = Date.UTC(2026, 11, 1);

describe("an import the web build's storage cannot hold", () => {
  it('a 7.5 MB hand-in of 17 steps is refused before anything changes, with its size and the room left', () => {
    const text = handInOf(17, 7.5 * 1024 * 1024);
    expect(text.length).toBeGreaterThan(7.4 * 1024 * 1024);
    expect(text.length).toBeLessThanOrEqual(HAND_IN_LIMITS.fileBytes);
    const storage = quotaStorage();
    const room = progressRoom(storage, EMPTY_PROGRESS);
    const plan = planImport('ana-lima.clusterlab', text, EMPTY_PROGRESS, LABS, now, room);
    expect(plan).toMatchObject({ kind: 'tooLarge', file: 'ana-lima.clusterlab', room });
    if (plan.kind !== 'tooLarge') return;
    expect(plan.chars).toBeGreaterThan(7 * 1024 * 1024);
    // What the refusal prevents: the backup is written, then the save throws the browser's quota error.
    writeBackup(storage, JSON.stringify(EMPTY_PROGRESS), new Date(now));
    const parsed = planImport('ana-lima.clusterlab', text, EMPTY_PROGRESS, LABS, now);
    expect(parsed.kind).toBe('ready');
    if (parsed.kind !== 'ready') return;
    const after = applyImport(EMPTY_PROGRESS, parsed.handIn, now).progress;
    expect(() => storage.setItem(STORAGE_KEY, JSON.stringify(after))).toThrow(/exceeded the quota/);
  });

  it('the desktop app (no room given) takes the same file: its limit is the hand-in’s own', () => {
    const plan = planImport('ana-lima.clusterlab', handInOf(17, 7.5 * 1024 * 1024), EMPTY_PROGRESS, LABS, now, null);
    expect(plan.kind).toBe('ready');
  });

  it('counts what the storage already holds and the backup the import writes first: what it lets in, it saves', () => {
    const storage = quotaStorage();
    const current: Progress = { version: 1, labs: {}, sandboxCode: 'y'.repeat(1_000_000) };
    storage.setItem(STORAGE_KEY, JSON.stringify(current));
    storage.setItem('clusterlab.other', 'z'.repeat(500_000));
    const room = progressRoom(storage, current);
    expect(room).toBeLessThan(WEB_STORAGE_CHARS - 1_500_000);
    for (const mb of [2.5, 3.5]) {
      const text = handInOf(8, mb * 1024 * 1024);
      const plan = planImport('ana.clusterlab', text, current, LABS, now, room);
      const fits = mb === 2.5;
      expect(plan.kind).toBe(fits ? 'ready' : 'tooLarge');
      if (plan.kind !== 'ready') continue;
      writeBackup(storage, JSON.stringify(current), new Date(now));
      const after = applyImport(current, plan.handIn, now).progress;
      expect(() => storage.setItem(STORAGE_KEY, JSON.stringify(after))).not.toThrow();
    }
  });
});

describe('a failed save, as the learner reads it', () => {
  afterEach(() => changeLanguage('en'));
  const quota = new DOMException(
    "Failed to execute 'setItem' on 'Storage': Setting the value of 'clusterlab.progress.v1' exceeded the quota.",
    'QuotaExceededError',
  );

  it("never shows the browser's raw English: a full storage says what to do, in English and German", () => {
    const en = saveFailedText(quota, true);
    expect(en).toMatch(/storage for ClusterLab is full.*export your progress/);
    expect(en).not.toMatch(/setItem|exceeded the quota/);
    changeLanguage('de');
    const de = saveFailedText(quota, true);
    expect(de).toMatch(/Speicher dieses Browsers für ClusterLab ist voll.*Exportiere/);
    expect(de).not.toMatch(/setItem|quota/);
    expect(saveFailedText(new DOMException('The operation is insecure.', 'SecurityError'), true)).toMatch(
      /lässt ClusterLab keine Daten speichern/,
    );
  });

  it("the desktop store's own sentence is kept, without Electron's IPC prefix", () => {
    const error = new Error("Error invoking remote method 'progress:save': Error: the disk is full");
    expect(saveFailedText(error, false)).toBe('Progress could not be saved: the disk is full');
  });
});
