/**
 * The link graph of the mapreduce-chaining lab as the checks see it (the lab's, or a student's
 * variant): in- and out-links per page, the plain top N, and the bytes of the counts job 1 should write.
 */
/** How many pages the answer lists. */
export const TOP = 10;

/** Links per page of a link graph text (`src dst` lines), counted at the line's `end` (0: out-links, 1: in-links). */
function linkCounts(text: string, end: 0 | 1): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const page = line.split(' ')[end]!;
    counts.set(page, (counts.get(page) ?? 0) + 1);
  }
  return counts;
}

/** In-links per page of the link graph text: how many lines end with the page. */
export const inLinkCounts = (text: string): Map<string, number> => linkCounts(text, 1);

export const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The `n` pages with the most in-links, most first, equal counts in page-name order (as strings). */
export function plainTopInLinks(text: string, n = TOP): [string, number][] {
  return [...inLinkCounts(text)].sort((a, b) => b[1] - a[1] || byName(a[0], b[0])).slice(0, n);
}

/** A run's graph (the lab's, or a student's variant): in- and out-links per page, the last graph's kept. */
let facts: { text: string; inLinks: Map<string, number>; outLinks: Map<string, number> } | null = null;
export function graphFacts(text: string): { inLinks: Map<string, number>; outLinks: Map<string, number> } {
  if (facts?.text !== text) facts = { text, inLinks: linkCounts(text, 1), outLinks: linkCounts(text, 0) };
  return facts;
}

/** The `n` pages with the most in-links of a run's graph. */
export function topOf(text: string, n: number): [string, number][] {
  return [...graphFacts(text).inLinks].sort((a, b) => b[1] - a[1] || byName(a[0], b[0])).slice(0, n);
}

/** The bytes of `page<TAB>count` lines, one per page (TextOutputFormat), whatever the number of part files. */
export function countLinesBytes(counts: Map<string, number>): number {
  let bytes = 0;
  for (const [page, n] of counts) bytes += `${page}\t${n}\n`.length;
  return bytes;
}
