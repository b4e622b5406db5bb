import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { didYouMean, otherExtensions } from './missingFile';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'cl-missing-'));
writeFileSync(join(dir, 'card-payments.ts'), 'export default {};\n');
writeFileSync(join(dir, 'job.ts'), 'export default {};\n');
writeFileSync(join(dir, 'job.mjs'), 'export default {};\n');
writeFileSync(join(dir, 'job-two.js'), 'export default {};\n');

function fakeIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd }, out, err };
}

describe('a missing file suggests the same name with another extension', () => {
  it('finds siblings with the same stem only, and nothing when the file exists', () => {
    expect(otherExtensions(join(dir, 'card-payments.js'))).toEqual(['card-payments.ts']);
    expect(otherExtensions(join(dir, 'job.js'))).toEqual(['job.mjs', 'job.ts']);
    expect(otherExtensions(join(dir, 'job.ts'))).toEqual([]);
    expect(otherExtensions(join(dir, 'nothing.js'))).toEqual([]);
    expect(otherExtensions(join(dir, 'no-such-dir', 'job.js'))).toEqual([]);
    expect(didYouMean(join(dir, 'card-payments.js'))).toBe(' — did you mean card-payments.ts?');
    expect(didYouMean(join(dir, 'nothing.js'))).toBe('');
  });

  it('clusterlab stream card-payments.js: exit 2, suggests card-payments.ts', async () => {
    const f = fakeIo(dir);
    expect(await main(['stream', 'card-payments.js'], f.io)).toBe(2);
    expect(f.err.join('')).toMatch(/card-payments\.js.* — did you mean card-payments\.ts\?/);
  });

  it('clusterlab run job.js: exit 2, suggests job.mjs or job.ts', async () => {
    const f = fakeIo(dir);
    expect(await main(['run', 'job.js'], f.io)).toBe(2);
    expect(f.err.join('')).toMatch(/job file not found: job\.js — did you mean job\.mjs or job\.ts\?/);
  });

  it('clusterlab check with a missing file suggests the other extension too', async () => {
    const f = fakeIo(dir);
    expect(await main(['check', 'mapreduce-iot-averages', 'job.js'], f.io)).toBe(2);
    expect(f.err.join('')).toMatch(/file not found: job\.js — did you mean job\.mjs or job\.ts\?/);
  });
});
