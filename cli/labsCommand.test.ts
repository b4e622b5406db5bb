import { describe, expect, it } from 'vitest';
import { labsCommand } from './labsCommand';
import { main } from './main';

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: process.cwd() }, out, err };
}

describe('clusterlab labs', () => {
  it('lists the available labs with chapters, steps and minutes', async () => {
    const f = fakeIo();
    expect(await labsCommand([], f.io)).toBe(0);
    const text = f.out.join('');
    expect(text).toMatch(/^ID\s+TITLE\s+CHAPTERS\s+STEPS\s+MINUTES\n/);
    expect(text).toMatch(/hdfs-blocks\s+HDFS blocks and replicas\s+19\.2\.2, 15\.1\s+4\s+20\n/);
    expect(text).toMatch(/mapreduce-iot-averages\s+IoT daily averages with MapReduce\s+20\.1\.2\s+3\s+30\n/);
    expect(text).toMatch(/spark-in-memory/);
    expect(text).not.toMatch(/kafka-topics/);
  });

  it('prints JSON, and the announced labs with --all', async () => {
    const f = fakeIo();
    expect(await labsCommand(['--json'], f.io)).toBe(0);
    const rows = JSON.parse(f.out.join('')) as { id: string; steps: number; chapters: string[]; minutes: number }[];
    expect(rows.map((r) => r.id)).toEqual(['hdfs-blocks', 'mapreduce-iot-averages', 'spark-in-memory']);
    expect(rows[2]).toMatchObject({ steps: 4, chapters: ['20.2', '20.2.1'], minutes: 30 });
    const g = fakeIo();
    expect(await labsCommand(['--all', '--json'], g.io)).toBe(0);
    expect(JSON.parse(g.out.join('')).length).toBe(15);
  });

  it('exits 2 on an unknown option', async () => {
    const f = fakeIo();
    expect(await main(['labs', '--bogus'], f.io)).toBe(2);
    expect(f.err.join('')).toMatch(/unknown argument '--bogus'/);
  });
});
