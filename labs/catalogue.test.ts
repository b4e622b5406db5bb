import { describe, expect, it } from 'vitest';
import { buildCatalogue } from './catalogue';
import { compareChapters } from './chapterOrder';
import type { Lab } from './labTypes';

/** Just what the catalogue reads of a lab. */
const lab = (id: string, chapters: string[]) =>
  ({ id, title: `Title of ${id}`, chapters, summary: 'Summary.', minutes: 10, steps: [{}, {}, {}] }) as unknown as Lab;

describe('buildCatalogue', () => {
  const announced = buildCatalogue([]);

  it('lists the labs to come, none available', () => {
    expect(announced.length).toBeGreaterThan(0);
    expect(announced.every((e) => !e.available && e.steps === 0)).toBe(true);
  });

  it('puts a shipped lab before the first announced lab of a later chapter, with its own data', () => {
    const entries = buildCatalogue([lab('new-lab', ['20.1.2'])]);
    const at = entries.findIndex((e) => e.id === 'new-lab');
    expect(entries[at]).toEqual({
      id: 'new-lab',
      title: 'Title of new-lab',
      chapters: ['20.1.2'],
      summary: 'Summary.',
      minutes: 10,
      available: true,
      steps: 3,
    });
    expect(compareChapters(entries[at - 1]!.chapters[0]!, '20.1.2')).toBeLessThanOrEqual(0);
    expect(compareChapters(entries[at + 1]!.chapters[0]!, '20.1.2')).toBeGreaterThan(0);
    expect(entries.length).toBe(announced.length + 1);
  });

  it('replaces the announcement of a lab that ships under the same id, and appends a lab past every chapter', () => {
    const first = announced[0]!;
    const entries = buildCatalogue([lab(first.id, first.chapters), lab('epilogue', ['99'])]);
    expect(entries.filter((e) => e.id === first.id)).toEqual([expect.objectContaining({ available: true, steps: 3 })]);
    expect(entries.at(-1)?.id).toBe('epilogue');
    expect(entries.length).toBe(announced.length + 1);
  });
});

describe('compareChapters', () => {
  it('orders chapters as the book does', () => {
    expect(['21', '20.2.10', '20.2', '20.2.2', '12.1'].sort(compareChapters)).toEqual([
      '12.1',
      '20.2',
      '20.2.2',
      '20.2.10',
      '21',
    ]);
  });
});
