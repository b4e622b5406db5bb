/** The SQL server model: the slowest resource bounds a night; scaling up and out change the right bars; prices add up. */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core';
import { etlTime } from './etlTime';
import {
  fitProblem,
  runPlatform,
  DAILY_NEW_SHARE,
  DETACH_ATTACH_S,
  HADOOP_STARTUP_S,
  type ServerConfig,
} from './platformRun';
import { BIGGEST_SERVER, cheapestPlatform, platformsOf } from './cheapestPlatform';

const base: ServerConfig = { disk: 'hdd-7200', disks: 2, ramGB: 32, cpu: 'xeon-e-2334', network: '1gbe' };

describe('one server', () => {
  it('is bounded by its slowest resource, and each resource by its own part', () => {
    const r = etlTime(100, { readMBps: 500, ramGB: 40, memoryGBps: 50, cyclesPerSecond: 1e10, networkMBps: 125 });
    expect(r.cachedGB).toBe(30);
    expect(r.seconds.disk).toBeCloseTo(140, 6); // 70 GB not cached at 500 MB/s
    expect(r.seconds.memory).toBeCloseTo(6, 6); // three passes over 100 GB at 50 GB/s
    expect(r.seconds.network).toBeCloseTo(80, 6); // a tenth of 100 GB at 125 MB/s
    // 1e9 rows, each 1,000 cycles plus 20 per comparison, log2(1e9) comparisons.
    expect(r.seconds.cpu).toBeCloseTo((1e9 * (1000 + 20 * Math.log2(1e9))) / 1e10, 6);
    expect(r.bound).toBe('cpu');
    expect(r.totalS).toBe(r.seconds.cpu);
  });

  it('the base server misses an hour first at 2,048 GB, bounded by its disks', () => {
    const t = (gb: number) => runPlatform({ kind: 'single', server: base }, gb);
    expect(t(1024).totalS).toBeLessThan(3600);
    expect(t(2048).totalS).toBeGreaterThan(3600);
    expect(t(2048).phases[0]!.bound).toBe('disk');
    // While the rows fit in the buffer pool (75% of 32 GB) the disks read nothing.
    expect(t(16).phases[0]!.seconds.disk).toBe(0);
  });

  it('more disks shorten only the disk bar', () => {
    const two = runPlatform({ kind: 'single', server: base }, 2048).phases[0]!;
    const four = runPlatform({ kind: 'single', server: { ...base, disks: 4 } }, 2048).phases[0]!;
    expect(four.seconds.disk).toBeCloseTo(two.seconds.disk / 2, 6);
    expect(four.seconds.cpu).toBe(two.seconds.cpu);
    expect(four.seconds.network).toBe(two.seconds.network);
  });

  it('prices a server as its chassis and parts', () => {
    // $3,000 + $250 + 32 GB x $4 + two disks at $300.
    expect(runPlatform({ kind: 'single', server: base }, 1).costUsd).toBe(3978);
  });

  it('refuses data that does not fit and memory the processor cannot take, naming the field', () => {
    expect(fitProblem({ kind: 'single', server: base }, 16_001)?.field).toBe('server.disks');
    expect(fitProblem({ kind: 'single', server: { ...base, ramGB: 256 } }, 1)?.field).toBe('server.ramGB');
    expect(() => runPlatform({ kind: 'single', server: base }, 16_001)).toThrow(ValidationError);
    expect(() => runPlatform({ kind: 'single', server: base }, Number.NaN)).toThrow(ValidationError);
  });
});

describe('scaling out and big data', () => {
  it('servers on a SAN first refresh on one server, then share the reports and the SAN', () => {
    const server = { ...BIGGEST_SERVER, disk: null, disks: 0 };
    const run = runPlatform({ kind: 'san', server, servers: 8, san: 'san-highend' }, 65536);
    const [refresh, etl] = run.phases;
    expect(refresh!.kind).toBe('refresh');
    expect(refresh!.servers).toBe(1);
    expect(refresh!.dataGB).toBeCloseTo(65536 * DAILY_NEW_SHARE, 6);
    expect(refresh!.endS - refresh!.startS).toBeCloseTo(refresh!.seconds[refresh!.bound] + DETACH_ATTACH_S, 6);
    expect(etl!.startS).toBe(refresh!.endS);
    expect(etl!.dataGB).toBe(8192); // 2 of 16 reports
    // 40,000 MB/s shared by 8: 5,000 MB/s each, under the HBA's 6,400.
    expect(etl!.seconds.disk).toBeCloseTo(((8192 - etl!.cachedGB) * 1000) / 5000, 6);
    const six = runPlatform({ kind: 'san', server, servers: 6, san: 'san-highend' }, 65536);
    expect(six.phases[1]!.dataGB).toBe(65536 * (3 / 16)); // the busiest of six runs 3 reports
  });

  it('the biggest single server misses at 65,536 GB, bounded by its processors', () => {
    const run = runPlatform({ kind: 'single', server: BIGGEST_SERVER }, 65536);
    expect(run.totalS).toBeGreaterThan(3600);
    expect(run.phases[0]!.bound).toBe('cpu');
  });

  it('a Hadoop cluster starts its job first and shuffles most of its rows over the network', () => {
    const run = runPlatform({ kind: 'hadoop', server: base, nodes: 5 }, 64);
    expect(run.phases[0]!.kind).toBe('startup');
    expect(run.phases[1]!.startS).toBe(HADOOP_STARTUP_S);
    expect(run.phases[1]!.seconds.network).toBeCloseTo(((12.8 * 4) / 5 + 1.28) * 8, 6);
    expect(run.costUsd).toBe(5 * 3978);
  });

  it('the cheapest platform that meets an hour is found among every configuration', () => {
    const best = cheapestPlatform(4096, 3600, ['single'])!;
    expect(best.totalS).toBeLessThanOrEqual(3600);
    for (const p of platformsOf('single')) {
      if (fitProblem(p, 4096)) continue;
      const r = runPlatform(p, 4096);
      if (r.totalS <= 3600) expect(r.costUsd).toBeGreaterThanOrEqual(best.costUsd);
    }
    expect(cheapestPlatform(64, 3600)!.costUsd).toBe(3978);
    expect(cheapestPlatform(1_000_000, 60, ['single'])).toBeNull();
  });
});
