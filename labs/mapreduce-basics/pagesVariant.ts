/**
 * Step 1's per-student variant (labs/variant.ts): each student counts the tags of pages drawn from
 * their own seed; the instructions give their file's size and its number of blocks and splits.
 */
import { encodeUtf8 } from '../../engine/core';
import type { VariantValues } from '../labTypes';
import { PAGES_BLOCK_SIZE, pagesTextFor } from './pages';

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/**
 * The size of the lab's own pages, so loading the lab (the app does at start) does not generate
 * them: lab.test.ts checks it against pagesBytes() through the step's text.
 */
export const LAB_PAGES_BYTES = 888_784;

/** `bytes` of /data/pages.txt and its `blocks` (in words) for `seed`; null: the lab's own pages. */
export function pagesVariantValues(seed: number | null): VariantValues {
  const bytes = seed === null ? LAB_PAGES_BYTES : encodeUtf8(pagesTextFor(seed)).length;
  const blocks = Math.ceil(bytes / PAGES_BLOCK_SIZE);
  return { bytes, blocks: WORDS[blocks] ?? String(blocks) };
}
