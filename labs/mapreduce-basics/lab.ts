/**
 * The mapreduce-basics lab (Cookbook 20.1, 20.1.1, Figure 20.1): count the HTML tags of stored web
 * pages (the 2004 search-engine example) as key/value pairs; one mapper per split and at most one
 * per core; the shuffle sorts each reducer's keys, and a partitioner decides which reducer gets
 * which. Texts and job files are the files beside this one (steps/<n>-<id>/).
 */
import type { ClusterSpec } from '../../engine/cluster';
import { cookbookCluster, dataset } from '../labData';
import type { JobRunSettings, Lab } from '../labTypes';
import {
  mappersPerSplitCheck,
  oneWaveCheck,
  pairPerTagCheck,
  partsInOrderCheck,
  reducersCheck,
  shorterMapPhaseCheck,
  tagCountsCheck,
} from './checks';
import { morePagesText, PAGES, PAGES_BLOCK_SIZE, pagesText, pagesTextFor } from './pages';
import { pagesVariantValues } from './pagesVariant';
import { fillVariantText } from '../variant';
import intro from './intro.md?raw';
import countInstructions from './steps/1-count-tags/instructions.md?raw';
import countStarter from './steps/1-count-tags/starter.js?raw';
import countSolution from './steps/1-count-tags/solution.js?raw';
import coresInstructions from './steps/2-splits-and-cores/instructions.md?raw';
import coresStarter from './steps/2-splits-and-cores/starter.js?raw';
import coresSolution from './steps/2-splits-and-cores/solution.js?raw';
import sortedInstructions from './steps/3-sorted-parts/instructions.md?raw';
import sortedStarter from './steps/3-sorted-parts/starter.js?raw';
import sortedSolution from './steps/3-sorted-parts/solution.js?raw';

/**
 * Each stored page stands for 1,000 pages of a 2004 crawl (1.2 million pages, about 0.9 GB of
 * HTML): the cost model charges every byte and record 1,000 times, so reading and parsing take
 * seconds, as they did, while the computation itself stays a fraction of a second.
 */
export const PAGE_COSTS = { dataScale: 1000 };

/** Three small machines of two cores each, on one rack. */
export const SMALL_CLUSTER: ClusterSpec = {
  name: 'small-3x2',
  node: { cores: 2, memoryMb: 4096, diskMBps: 100 },
  racks: [{ nodes: 3 }],
  costs: PAGE_COSTS,
};

const files = [{ path: '/data/pages.txt', dataset: 'pages' }];
const nine: JobRunSettings = {
  seed: 2004,
  cluster: cookbookCluster('cookbook-9', 3, PAGE_COSTS),
  blockSize: PAGES_BLOCK_SIZE,
  files,
};
const small: JobRunSettings = { ...nine, cluster: SMALL_CLUSTER };

const lab: Lab = {
  id: 'mapreduce-basics',
  title: 'MapReduce basics',
  chapters: ['20.1', '20.1.1'],
  minutes: 25,
  summary: 'Count the HTML tags of stored web pages with one mapper per split, a shuffle and reducers.',
  intro,
  figures: ['20.1'],
  cluster: 'cookbook-9',
  datasets: [
    {
      ...dataset(
        'pages',
        `${PAGES.toLocaleString('en-US')} web pages of 26 sites, one per line: url TAB html (seed 2004)`,
        pagesText,
      ),
      forSeed: pagesTextFor,
    },
    dataset(
      'pages-more-tags',
      `${PAGES.toLocaleString('en-US')} other pages of the same sites, with a search form and more kinds of tag (seed 2005)`,
      morePagesText,
    ),
  ],
  steps: [
    {
      id: 'count-tags',
      title: 'Count the tags',
      kind: 'mapreduce',
      instructions: fillVariantText(countInstructions, pagesVariantValues(null)),
      figures: ['20.1'],
      starter: countStarter,
      solution: countSolution,
      variant: {
        description: "each student's pages are drawn from their own seed: other tags, other counts, another file size",
        datasets: ['pages'],
        instructions: countInstructions,
        values: pagesVariantValues,
        starter: () => countStarter,
        solution: () => countSolution,
      },
      hints: [
        'The starter already finds every tag: `m[1]` is its name as the page wrote it. Lower-case it before you write it as the key.',
        'In reduce, add up the values: `let count = 0; for (const v of values) count += v;` then write `(tag, count)`.',
        'map: `ctx.write(m[1].toLowerCase(), 1)`.',
      ],
      run: nine,
      checks: [
        tagCountsCheck('exact-counts'),
        pairPerTagCheck('pair-per-tag'),
        mappersPerSplitCheck('mappers-per-split'),
        oneWaveCheck('parallel-mappers', 35),
      ],
    },
    {
      id: 'splits-and-cores',
      title: 'One mapper per split, one core per mapper',
      kind: 'mapreduce',
      instructions: coresInstructions,
      figures: ['20.1'],
      starter: coresStarter,
      solution: coresSolution,
      hints: [
        'Five cores are free: five splits of about the same size fill them in one wave. The file has eight blocks of 98,816 bytes and a last one of 98,256.',
        'maxsize can only make splits smaller than a block. Raising minsize to two blocks makes five splits (four of two blocks, one of one); so does a fifth of the file.',
        "Replace the maxsize line with `'mapreduce.input.fileinputformat.split.minsize': 2 * BLOCK`.",
      ],
      // A practice attempt's pages have another size (mostly ten blocks): its hints count from the run.
      practice: {
        hints: [
          "Five cores are free: five splits of about the same size fill them in one wave. Read the file's blocks off the run: how many must each split hold for five splits or fewer?",
          'maxsize can only make splits smaller than a block. Raising minsize to two blocks puts two blocks in each split: about half as many splits as blocks.',
          "Replace the maxsize line with `'mapreduce.input.fileinputformat.split.minsize': 2 * BLOCK`.",
        ],
      },
      run: small,
      extraRuns: [
        {
          id: 'tiny-splits',
          label: "the starter's 36 splits of a quarter block",
          run: small,
          code: { fileName: 'tiny-splits.js', text: coresStarter },
        },
      ],
      checks: [
        tagCountsCheck('exact-counts'),
        mappersPerSplitCheck('mappers-per-split'),
        oneWaveCheck('one-wave', 5, true),
        shorterMapPhaseCheck('shorter-map-phase', 'tiny-splits', 1.3),
      ],
    },
    {
      id: 'sorted-parts',
      title: 'Shuffle, sort and three reducers',
      kind: 'mapreduce',
      instructions: sortedInstructions,
      figures: ['20.1'],
      starter: sortedStarter,
      solution: sortedSolution,
      hints: [
        'List the tag names of step 1 in alphabetical order and cut the list in three ranges of first letters, none of them empty.',
        'Return 0 for tags starting with a to h, 1 for i to p and 2 for the rest: compare `tag[0]` with letters.',
      ],
      // A practice attempt's pages are not step 1's: the first hint reads their tags off the run.
      practice: {
        hints: [
          "List the tag names of this attempt's pages in alphabetical order (the starter's run counts every one) and cut the list in three ranges of first letters, none of them empty.",
          'Return 0 for tags starting with a to h, 1 for i to p and 2 for the rest: compare `tag[0]` with letters.',
        ],
      },
      run: nine,
      extraRuns: [
        {
          id: 'more-tags',
          label: 'your job on other pages, with more kinds of tag',
          run: { ...nine, files: [{ path: '/data/pages.txt', dataset: 'pages-more-tags' }] },
          code: 'learner',
        },
      ],
      checks: [
        tagCountsCheck('exact-counts'),
        reducersCheck('three-reducers', 3),
        partsInOrderCheck('parts-in-order'),
        partsInOrderCheck('parts-in-order-more-tags', 'more-tags'),
      ],
    },
  ],
};

export default lab;
