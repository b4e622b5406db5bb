// The preload's relay for files opened with the app: early files wait for the page's listener.
import { describe, expect, it } from 'vitest';
import { createOpenFileRelay, MAX_WAITING_FILES, openedFileOf } from './openFileRelay';
import type { OpenedFile } from './preloadApi';

describe('openedFileOf', () => {
  it('passes only { name: string, text: string } on, as a fresh object', () => {
    const sent = { name: 'a.clusterlab', text: '{}', extra: () => 'not for the page' };
    expect(openedFileOf(sent)).toStrictEqual({ name: 'a.clusterlab', text: '{}' });
    for (const bad of [null, 'a', 1, { name: 'a' }, { name: 1, text: '' }, { name: 'a', text: {} }])
      expect(openedFileOf(bad), JSON.stringify(bad)).toBeNull();
  });
});

describe('createOpenFileRelay', () => {
  it('keeps files that came before any listener and hands them to the first one, then passes new ones on', () => {
    const relay = createOpenFileRelay();
    relay.receive({ name: 'early.clusterlab', text: '1' });
    relay.receive({ bogus: true });
    const first: OpenedFile[] = [];
    const second: OpenedFile[] = [];
    relay.listen((f) => first.push(f));
    relay.listen((f) => second.push(f));
    relay.receive({ name: 'late.clusterlab', text: '2' });
    expect(first.map((f) => f.name)).toEqual(['early.clusterlab', 'late.clusterlab']);
    expect(second.map((f) => f.name)).toEqual(['late.clusterlab']);
  });

  it(`keeps at most ${MAX_WAITING_FILES} waiting files`, () => {
    const relay = createOpenFileRelay();
    for (let i = 0; i < MAX_WAITING_FILES + 5; i++) relay.receive({ name: `${i}.clusterlab`, text: '' });
    const got: OpenedFile[] = [];
    relay.listen((f) => got.push(f));
    expect(got).toHaveLength(MAX_WAITING_FILES);
    expect(got[0]!.name).toBe('0.clusterlab');
  });
});
