/**
 * Step 1's per-student variant (labs/variant.ts): each student counts the tags of pages drawn from
 * their own seed; the instructions give their file's size and its number of blocks and splits.
 */
import { encodeUtf8 } from '../../engine/core';
import type { VariantValues } from '../labTypes';
import { SPLIT_SLOP } from '../../engine/exec';
import { PAGES_BLOCK_SIZE, pagesTextFor } from './pages';

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/**
 * The size of the lab's own pages, so loading the lab (the app does at start) does not generate
 * them: lab.test.ts checks it against pagesBytes() through the step's text.
 */
export const LAB_PAGES_BYTES = 888_784;

/**
 * The splits FileInputFormat cuts `bytes` into with splits of a block each: a split per block,
 * except that the last split may be up to SPLIT_SLOP (10%) bigger, so a small last block joins it.
 */
export function splitsOf(bytes: number, splitSize: number): number {
  let left = bytes;
  let splits = 0;
  while (left / splitSize > SPLIT_SLOP) {
    splits++;
    left -= splitSize;
  }
  return left > 0 ? splits + 1 : splits;
}

const word = (n: number) => WORDS[n] ?? String(n);

/**
 * `bytes` of /data/pages.txt, its `blocks` and `splits` (in words) for `seed`; null: the lab's
 * own pages. Blocks and splits differ when the last block is under a tenth of a block.
 */
export function pagesVariantValues(seed: number | null): VariantValues {
  const bytes = seed === null ? LAB_PAGES_BYTES : encodeUtf8(pagesTextFor(seed)).length;
  const blocks = Math.ceil(bytes / PAGES_BLOCK_SIZE);
  return { bytes, blocks: word(blocks), splits: word(splitsOf(bytes, PAGES_BLOCK_SIZE)) };
}
