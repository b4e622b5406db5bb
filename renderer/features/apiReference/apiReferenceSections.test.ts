import { describe, expect, it } from 'vitest';
import reference from '../../../docs/job-api.md?raw';
import { apiSections, filterSections } from './apiReferenceSections';

const MD = `# Job API reference

Intro text.

## RDD

\`\`\`
interface RDD<T>
\`\`\`

A dataset.

### RDD.map

\`\`\`
map(f): RDD
\`\`\`

Applies f to each element.

### RDD.reduceByKey

\`\`\`
reduceByKey(f): RDD
## not a heading inside a fence
\`\`\`

Merges the values of each key.

## SparkContext

### SparkContext.textFile

Reads lines.
`;

describe('the job API reference cut into sections', () => {
  it('keeps the title, the intro and one section per declaration and member', () => {
    const ref = apiSections(MD);
    expect(ref.title).toBe('Job API reference');
    expect(ref.intro).toBe('Intro text.');
    expect(ref.sections.map((s) => [s.id, s.owner, s.kind])).toEqual([
      ['RDD', 'RDD', 'declaration'],
      ['RDD.map', 'RDD', 'member'],
      ['RDD.reduceByKey', 'RDD', 'member'],
      ['SparkContext', 'SparkContext', 'declaration'],
      ['SparkContext.textFile', 'SparkContext', 'member'],
    ]);
    expect(ref.sections[2]!.body).toContain('## not a heading inside a fence');
    expect(ref.sections[1]!.body).toBe('```\nmap(f): RDD\n```\n\nApplies f to each element.');
  });

  it('filters members by every word, keeping their declaration; a declaration name keeps all its members', () => {
    const { sections } = apiSections(MD);
    const ids = (q: string) => filterSections(sections, q).map((s) => s.id);
    expect(ids('')).toHaveLength(5);
    expect(ids('each key')).toEqual(['RDD', 'RDD.reduceByKey']);
    expect(ids('READS')).toEqual(['SparkContext', 'SparkContext.textFile']);
    expect(ids('sparkcontext')).toEqual(['SparkContext', 'SparkContext.textFile']);
    expect(ids('nothing like this')).toEqual([]);
  });

  it('reads the real docs/job-api.md: RDD.map is there', () => {
    const { sections } = apiSections(reference);
    expect(sections.map((s) => s.id)).toContain('RDD.map');
    expect(filterSections(sections, 'saveAsTextFile').map((s) => s.id)).toContain('RDD.saveAsTextFile');
  });
});
