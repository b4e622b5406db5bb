/**
 * The mapreduce-basics lab's data: 1,200 web pages as a 2004 crawler stored them
 * (engine/datasets/crawledPages.ts), and the plain tag count its checks compare with.
 */
import { crawledPages } from '../../engine/datasets';
import { encodeUtf8 } from '../../engine/core';

export const PAGES = 1_200;
/** A multiple of 512 (HDFS checksums) that cuts the file into nine blocks: nine splits. */
export const PAGES_BLOCK_SIZE = 98_816;

let text: string | null = null;
export const pagesText = (): string => (text ??= crawledPages(PAGES, { seed: 2004 }));

let bytes: number | null = null;
export const pagesBytes = (): number => (bytes ??= encodeUtf8(pagesText()).length);

/** A tag: `<` then a letter; its name runs on over letters and digits. */
export const TAG = /<([A-Za-z][A-Za-z0-9]*)/g;

let richer: string | null = null;
/** The same number of pages with more kinds of tag (a run the step does not show). */
export const morePagesText = (): string => (richer ??= crawledPages(PAGES, { seed: 2005, moreTags: true }));

/** Every tag name of `text` (lower case: HTML ignores case) with its number of start tags, by name. */
export function tagCountsOf(text: string): [string, number][] {
  const byName = new Map<string, number>();
  for (const m of text.matchAll(TAG)) {
    const name = m[1]!.toLowerCase();
    byName.set(name, (byName.get(name) ?? 0) + 1);
  }
  return [...byName.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

let counts: [string, number][] | null = null;
/** The tag counts of the lab's pages. */
export const plainTagCounts = (): [string, number][] => (counts ??= tagCountsOf(pagesText()));

/** A student's pages (a per-student variant of step 1): as many pages of the same sites, drawn from `seed`. */
export const pagesTextFor = (seed: number): string => crawledPages(PAGES, { seed });

let last: { text: string; counts: [string, number][] } | null = null;
/** The tag counts of a run's pages (the lab's or a student's), the last pages' kept. */
export function tagCountsFor(text: string): [string, number][] {
  if (text === pagesText()) return plainTagCounts();
  if (last?.text !== text) last = { text, counts: tagCountsOf(text) };
  return last.counts;
}
