/**
 * Steps 3 and 4 pin what their texts fix: one DataNode killed one minute into step 1's file, and
 * 100 MB appended to the 200 MB file. Other settings that happen to pass the block map or the
 * recovery fail with the field named, in English and German.
 */
import { describe, expect, it } from 'vitest';
import lab from './lab';
import { runStep } from '../runStep';

const check = async (stepIndex: number, settings: unknown, id: string) => {
  const out = await runStep({ lab, stepIndex, source: JSON.stringify(settings) });
  const c = out.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}: ${out.error?.message ?? ''}`);
  return c;
};
const big = { path: '/data/big.bin', size: '512m' };
const kill = (atMs: number, node: string) => ({ atMs, kind: 'killNode', node });

describe('hdfs-blocks steps 3 and 4 pin what the text fixes', () => {
  it('step 3 fails a 512 MB block size with four nodes killed at 1 s', async () => {
    const faults = ['n5', 'n1', 'n2', 'n3'].map((n) => kill(1000, n));
    const c = await check(2, { file: big, blockSize: '512m', replication: 3, faults }, 'one-kill-one-minute-in');
    expect(c.pass).toBe(false);
    expect(c.reason).toBe('"blockSize" is 512 MB, but the step fixes 128 MB: write "blockSize": "128m"');
    expect(c.reasons?.de).toBe(
      '"blockSize" ist 512 MB, aber der Schritt legt 128 MB fest: schreibe "blockSize": "128m"',
    );
    const four = await check(2, { file: big, blockSize: '128m', replication: 3, faults }, 'one-kill-one-minute-in');
    expect(four.pass).toBe(false);
    expect(four.reason).toMatch(/^"faults" kill 4 DataNodes, but the step kills exactly one/);
    expect(four.reasons?.de).toMatch(/^"faults" schalten 4 DataNodes ab/);
  }, 60_000);

  it('step 3 fails one node killed at 1 s instead of one minute', async () => {
    const c = await check(
      2,
      { file: big, blockSize: '128m', replication: 3, faults: [kill(1000, 'n5')] },
      'one-kill-one-minute-in',
    );
    expect(c.pass).toBe(false);
    expect(c.reason).toMatch(/^"faults\[\]\.atMs" is 1\.00 s, but the step fixes 60\.00 s: write "atMs": 60000/);
  }, 60_000);

  it('step 3 says "the block is back" for a file of one block', async () => {
    const c = await check(
      2,
      { file: big, blockSize: '512m', replication: 3, faults: [kill(60_000, 'n1')] },
      'replicas-restored',
    );
    expect(c.pass).toBe(true);
    expect(c.reason).toMatch(/^the block is back to 3 live replicas: 1 replica re-replicated/);
    expect(c.reasons?.de).toMatch(/^der Block hat wieder 3 lebende Replikate/);
  }, 60_000);

  it('step 4 fails a 100 MB file with 200 MB appended', async () => {
    const settings = {
      file: { path: '/logs/clicks.log', size: '100m' },
      blockSize: '128m',
      replication: 3,
      append: { size: '200m' },
    };
    const c = await check(3, settings, 'append-100mb-to-200mb');
    expect(c.pass).toBe(false);
    expect(c.reason).toBe('"file.size" is 100 MB, but the step fixes 200 MB: write "size": "200m"');
    expect(c.reasons?.de).toBe('"file.size" ist 100 MB, aber der Schritt legt 200 MB fest: schreibe "size": "200m"');
  }, 60_000);
});
