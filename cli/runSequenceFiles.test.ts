// `clusterlab run` of a Spark job that writes a SequenceFile and an object file and reads them
// back: the bytes cross the sandbox process boundary (V8 serialization) and are checked there.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from './runCommand';

function fakeIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd }, out, err };
}

const JOB = `export default async function (sc) {
  const counts = sc.textFile('/data/corpus.txt')
    .flatMap((line) => line.split(/\\s+/).filter(Boolean))
    .map((w) => [w, 1])
    .reduceByKey((a, b) => a + b);
  await counts.saveAsSequenceFile('/out/counts');
  await counts.map(([w, n]) => ({ w, n, tags: new Set([w.length]) })).saveAsObjectFile('/out/objects');
  const back = await sc.sequenceFile('/out/counts').collect();
  const objects = await sc.objectFile('/out/objects').collect();
  return {
    same: JSON.stringify(back.sort()) === JSON.stringify((await counts.collect()).sort()),
    words: back.length,
    sets: objects.every((o) => Object.prototype.toString.call(o.tags) === '[object Set]'),
    objects: objects.length,
  };
}
`;

describe('clusterlab run with SequenceFiles', () => {
  it('writes them, reads them back in the same program, and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-seq-'));
    writeFileSync(join(dir, 'seq.js'), JOB);
    const f = fakeIo(dir);
    const code = await runCommand([join(dir, 'seq.js'), '--json'], f.io);
    expect(f.err.join('')).toBe('');
    expect(code).toBe(0);
    const { result } = JSON.parse(f.out.join('')) as { result: Record<string, unknown> };
    expect(result.same).toBe(true);
    expect(result.sets).toBe(true);
    expect(result.words).toBeGreaterThan(10);
    expect(result.objects).toBe(result.words);
  });

  it("fails a text file read as a SequenceFile with Hadoop's message and the line (exit 1)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-seq-'));
    writeFileSync(
      join(dir, 'bad.js'),
      `export default async (sc) =>\n  sc.sequenceFile('/data/corpus.txt').count();\n`,
    );
    const f = fakeIo(dir);
    expect(await runCommand([join(dir, 'bad.js')], f.io)).toBe(1);
    expect(f.err.join('')).toMatch(/bad\.js:2: IOException: hdfs:\/data\/corpus\.txt not a SequenceFile/);
  });
});
