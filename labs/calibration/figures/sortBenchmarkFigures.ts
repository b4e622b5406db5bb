/**
 * Hadoop's sort benchmark results of 2008 and 2009 (Yahoo!; docs/calibration/published-figures.md,
 * section 2).
 */
import type { PublishedFigure } from '../calibrationTypes';

export const sortFigures: PublishedFigure[] = [
  {
    id: 'terasort.2008.1tb',
    role: 'calibration',
    what: 'Sorting 1 TB (10 billion 100-byte records) with Hadoop on 910 nodes, 1,800 maps and 1,800 reduces: seconds',
    value: 209,
    unit: 's',
    source:
      'O\'Malley, "Apache Hadoop Wins Terabyte Sort Benchmark", Yahoo! Developer Network blog, July 2, 2008 (Sort Benchmark 2008, TeraSort Daytona)',
  },
];
