/**
 * Step 1's per-student variant (labs/variant.ts): each student ranks the pages of a link graph
 * drawn from their own seed and lists their own number of pages, from 5 to 15; the instructions,
 * the starter and the solution say that number, and the graph's and the counts' sizes.
 */
import { createRng } from '../../engine/core';
import { graphEdges } from '../../engine/datasets';
import { graphText } from '../labData';
import type { VariantValues } from '../labTypes';
import { countLinesBytes, graphFacts, TOP } from './linkGraph';

/** A student's link graph: as many pages and links per page as the lab's, drawn from `seed`. */
export const graphTextFor = (seed: number): string => graphEdges(300, { seed });

/** `top` (how many pages the answer lists), `graphBytes` and `countBytes` (job 1's output) for `seed`; null: the lab's own. */
export function topVariantValues(seed: number | null): VariantValues {
  const text = seed === null ? graphText() : graphTextFor(seed);
  const top = seed === null ? TOP : 5 + createRng(seed).fork('top').int(11);
  return { top, graphBytes: text.length, countBytes: countLinesBytes(graphFacts(text).inLinks) };
}

/** The step's job file (its starter or solution) keeping `top` pages instead of 10. */
export function withTop(job: string, values: VariantValues): string {
  const top = String(values.top);
  return job
    .replace('// The 10 pages', `// The ${top} pages`)
    .replace("name: 'top 10'", `name: 'top ${top}'`)
    .replace('written < 10', `written < ${top}`)
    .replace('into a top 10', `into a top ${top}`);
}
