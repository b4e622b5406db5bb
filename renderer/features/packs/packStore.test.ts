// The open lab packs: opening, replacing (only when confirmed), removing, id clashes with the
// built-in labs and other packs, refusals that change nothing, keeping them in a storage and
// re-validating them at start, and the engine worker's pack cache.
/// <reference types="vite/client" />
import { beforeEach, describe, expect, it } from 'vitest';
import { LABS } from '../../../labs/labRegistry';
import { buildPackArchive } from '../../../labs/packs/packFiles';
import { cachedPackCount, loadedPack, packLab } from '../../bridge/packLabs';
import { changeLanguage } from '../../i18n/i18n';
import { findAnyLab } from './findAnyLab';
import { refusedWhere } from './refusedWhere';
import { memoryStorage } from './packStorage';
import { ensureKeptPacksLoaded, openPackArchive, packOfLab, removePack, usePacks, usePackStorage } from './packStore';

// The sample pack's files by path (Vite's glob: the renderer's tests use no Node).
const PREFIX = '../../../labs/packs/sample-pack/';
const SAMPLE = new Map(
  Object.entries(
    import.meta.glob<string>('../../../labs/packs/sample-pack/**/*', { query: '?raw', import: 'default', eager: true }),
  ).map(([path, text]) => [path.slice(PREFIX.length), text]),
);

/** The sample pack as an archive, with its pack id, name and lab folder changed as asked. */
function archive(
  change: { id?: string; name?: string; lab?: string; manifest?: (m: Record<string, unknown>) => void } = {},
): string {
  const files = new Map<string, string>();
  const lab = change.lab ?? 'word-lengths';
  for (const [path, text] of SAMPLE) {
    if (path === 'pack.json') {
      const m = JSON.parse(text) as Record<string, unknown>;
      if (change.id) m.id = change.id;
      if (change.name) m.name = change.name;
      m.labs = [lab];
      change.manifest?.(m);
      files.set(path, JSON.stringify(m, null, 2));
    } else if (path === 'word-lengths/lab.json') {
      const spec = JSON.parse(text) as Record<string, unknown>;
      spec.id = lab;
      files.set(`${lab}/lab.json`, JSON.stringify(spec, null, 2));
    } else files.set(path.replace(/^word-lengths\//, `${lab}/`), text);
  }
  return buildPackArchive(files);
}

const yes = () => true;
const no = () => false;
let storage: ReturnType<typeof memoryStorage>;

beforeEach(() => {
  storage = memoryStorage();
  usePackStorage(storage);
});

describe('opening a lab pack', () => {
  it('opens the sample pack, keeps it, and finds its lab by id next to the built-in labs', async () => {
    const result = await openPackArchive('sample.clusterlab', archive(), no);
    expect(result.kind).toBe('opened');
    const { packs } = usePacks.getState();
    expect(packs.map((p) => [p.manifest.id, p.manifest.name, p.fileName])).toEqual([
      ['sample-pack', 'Sample pack: word statistics', 'sample.clusterlab'],
    ]);
    expect(packs[0]!.labs.map((l) => l.id)).toEqual(['word-lengths']);
    expect([...storage.records.keys()]).toEqual(['sample-pack']);
    expect(storage.records.get('sample-pack')!.text).toBe(archive());
    expect(findAnyLab('word-lengths')?.steps.length).toBe(2);
    expect(findAnyLab(LABS[0]!.id)).toBe(LABS[0]);
    expect(findAnyLab('no-such-lab')).toBeUndefined();
    expect(packOfLab('word-lengths')?.manifest.id).toBe('sample-pack');
  });

  it('refuses a malformed pack naming the file and field, and changes nothing', async () => {
    await openPackArchive('sample.clusterlab', archive(), no);
    const before = usePacks.getState().packs;
    const bad = archive({ id: 'other-pack', lab: 'other-lab', manifest: (m) => (m.name = 42) });
    const result = await openPackArchive('broken.clusterlab', bad, yes);
    expect(result).toEqual({
      kind: 'refused',
      message: expect.stringMatching(/^broken\.clusterlab\/pack\.json:\d+:\d+: name: must be a text/),
    });
    expect(usePacks.getState().packs).toBe(before);
    expect(usePacks.getState().refused?.fileName).toBe('broken.clusterlab');
    // Where it is, for the section to say in German around the English message (refusedWhere.ts).
    const where = usePacks.getState().refused!.where!;
    expect(where).toMatchObject({ file: 'broken.clusterlab/pack.json', field: 'name' });
    changeLanguage('de');
    expect(refusedWhere(where)).toBe(
      `Der Fehler steht in broken.clusterlab/pack.json, Zeile ${where.line}, Spalte ${where.column}, im Feld name. Die Prüfung des Pakets beschreibt ihn auf Englisch:`,
    );
    changeLanguage('en');
    expect([...storage.records.keys()]).toEqual(['sample-pack']);
    const notJson = await openPackArchive('notes.clusterlab', 'hello', yes);
    expect(notJson).toEqual({
      kind: 'refused',
      message: 'notes.clusterlab:1:1: is not a ClusterLab file: it is not JSON',
    });
  });

  it('refuses a pack whose lab takes the id of a built-in lab or of another open pack', async () => {
    const builtIn = LABS[0]!.id;
    const clash = await openPackArchive('mine.clusterlab', archive({ lab: builtIn }), yes);
    expect(clash).toEqual({
      kind: 'refused',
      message: `mine.clusterlab/pack.json: labs[0]: '${builtIn}' is already the id of another lab: rename it`,
    });
    await openPackArchive('sample.clusterlab', archive(), no);
    const other = await openPackArchive('other.clusterlab', archive({ id: 'other-pack' }), yes);
    expect(other).toEqual({
      kind: 'refused',
      message: "other.clusterlab/pack.json: labs[0]: 'word-lengths' is already the id of another lab: rename it",
    });
    const fine = await openPackArchive('other.clusterlab', archive({ id: 'other-pack', lab: 'other-lab' }), yes);
    expect(fine.kind).toBe('opened');
    expect(usePacks.getState().packs.map((p) => p.manifest.id)).toEqual(['sample-pack', 'other-pack']);
  });

  it('replaces a pack with a new version of the same id only when the learner confirms', async () => {
    await openPackArchive('sample.clusterlab', archive(), no);
    const asked: string[] = [];
    const v2 = archive({ name: 'Word statistics, second edition' });
    const kept = await openPackArchive('v2.clusterlab', v2, (old) => (asked.push(old.manifest.name), false));
    expect(kept.kind).toBe('kept-old');
    expect(asked).toEqual(['Sample pack: word statistics']);
    expect(usePacks.getState().packs[0]!.manifest.name).toBe('Sample pack: word statistics');
    expect(storage.records.get('sample-pack')!.fileName).toBe('sample.clusterlab');
    const replaced = await openPackArchive('v2.clusterlab', v2, yes);
    expect(replaced.kind).toBe('replaced');
    expect(usePacks.getState().packs.map((p) => p.manifest.name)).toEqual(['Word statistics, second edition']);
    expect(storage.records.get('sample-pack')).toEqual({ id: 'sample-pack', fileName: 'v2.clusterlab', text: v2 });
  });

  it('removes a pack from the app and from the storage', async () => {
    await openPackArchive('sample.clusterlab', archive(), no);
    await openPackArchive('other.clusterlab', archive({ id: 'other-pack', lab: 'other-lab' }), no);
    await removePack('sample-pack');
    expect(usePacks.getState().packs.map((p) => p.manifest.id)).toEqual(['other-pack']);
    expect([...storage.records.keys()]).toEqual(['other-pack']);
    expect(findAnyLab('word-lengths')).toBeUndefined();
  });

  it('works for the session without a storage, and says the packs will not be kept', async () => {
    usePackStorage(null);
    await ensureKeptPacksLoaded();
    expect(usePacks.getState()).toMatchObject({ loaded: true, kept: false });
    expect((await openPackArchive('sample.clusterlab', archive(), no)).kind).toBe('opened');
    expect(findAnyLab('word-lengths')).toBeDefined();
  });
});

describe('the kept packs at start', () => {
  it('loads each kept pack again and drops, with a notice naming it, one that no longer loads', async () => {
    storage = memoryStorage([
      { id: 'sample-pack', fileName: 'sample.clusterlab', text: archive() },
      {
        id: 'broken-pack',
        fileName: 'broken.clusterlab',
        text: archive({ id: 'broken-pack', lab: 'b', manifest: (m) => (m.format = 'x') }),
      },
      { id: 'clash-pack', fileName: 'clash.clusterlab', text: archive({ id: 'clash-pack' }) },
      { id: 'garbage', fileName: 'garbage.clusterlab', text: '{"format":' },
    ]);
    usePackStorage(storage);
    await ensureKeptPacksLoaded();
    const state = usePacks.getState();
    expect(state.loaded).toBe(true);
    expect(state.packs.map((p) => p.manifest.id)).toEqual(['sample-pack']);
    expect(state.notices.map((n) => [n.key, n.values.name, n.values.file])).toEqual([
      ['dropped', 'broken-pack', 'broken.clusterlab'],
      ['dropped', 'clash-pack', 'clash.clusterlab'],
      ['dropped', 'garbage', 'garbage.clusterlab'],
    ]);
    expect(state.notices[0]!.values.reason).toMatch(
      /broken\.clusterlab\/pack\.json:\d+:\d+: format: must be "clusterlab-pack"/,
    );
    expect(state.notices[1]!.values.reason).toMatch(/'word-lengths' is already the id of another lab/);
    expect([...storage.records.keys()]).toEqual(['sample-pack']);
  });

  it('skips records that are not ones the app wrote, and loads only once', async () => {
    await ensureKeptPacksLoaded();
    expect(usePacks.getState().packs).toEqual([]);
    storage.records.set('sample-pack', { id: 'sample-pack', fileName: 'sample.clusterlab', text: archive() });
    await ensureKeptPacksLoaded();
    expect(usePacks.getState().packs).toEqual([]);
  });
});

describe("the engine worker's packs", () => {
  it('loads a pack from its text, finds its labs, and keeps the last three', () => {
    const sample = { fileName: 'sample.clusterlab', text: archive() };
    expect(packLab(sample, 'word-lengths')?.title).toBe(findLabTitle());
    expect(packLab(sample, 'nope')).toBeUndefined();
    expect(loadedPack(sample)).toBe(loadedPack(sample));
    for (const id of ['a-pack', 'b-pack', 'c-pack', 'd-pack'])
      loadedPack({ fileName: `${id}.clusterlab`, text: archive({ id, lab: `${id}-lab` }) });
    expect(cachedPackCount()).toBe(3);
    expect(() => packLab({ fileName: 'bad.clusterlab', text: '[]' }, 'word-lengths')).toThrow(
      'bad.clusterlab: is not a ClusterLab file: it is not a JSON object',
    );
  });
});

function findLabTitle(): string {
  return (JSON.parse(SAMPLE.get('word-lengths/lab.json')!) as { title: string }).title;
}
