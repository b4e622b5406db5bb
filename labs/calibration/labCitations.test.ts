// A lab that states a published magnitude cites the calibration figure it rests on (issue 13):
// every figure id a lab's text names in backticks is one the calibration suite checks, and the
// published value it states is that figure's.
import { describe, expect, it } from 'vitest';
import { LABS } from '../labRegistry';
import { publishedFigures } from './calibrationSuite';

const ID = /`((?:pagerank|terasort|hdfs|kafka|lr|kmeans)\.[a-z0-9.-]+)`/g;

describe("labs' citations of calibration figures", () => {
  const texts = LABS.flatMap((lab) => [
    { where: `${lab.id} intro`, text: lab.intro },
    ...lab.steps.map((s) => ({ where: `${lab.id}/${s.id}`, text: s.instructions })),
  ]);
  const cited = texts.flatMap(({ where, text }) => [...text.matchAll(ID)].map((m) => ({ where, id: m[1]! })));

  it('name figures the suite knows', () => {
    expect(cited.length).toBeGreaterThan(0);
    const known = new Set(publishedFigures.map((f) => f.id));
    expect(cited.filter((c) => !known.has(c.id))).toEqual([]);
  });

  it("state the figure's published value next to its id", () => {
    const wrong = texts.flatMap(({ where, text }) =>
      text.split(/\n\s*\n/).flatMap((paragraph) =>
        [...paragraph.matchAll(ID)].flatMap((m) => {
          const f = publishedFigures.find((x) => x.id === m[1])!;
          const shown = f.unit === 'x' ? `${f.value.toFixed(1)}×` : String(f.value);
          return paragraph.includes(shown) ? [] : [`${where}: ${f.id} (${shown}) not stated`];
        }),
      ),
    );
    expect(wrong).toEqual([]);
  });
});
