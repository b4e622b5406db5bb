/** What the scale-up-vs-out texts state as facts agrees with engine/server and the runs of the steps. */
import { describe, expect, it } from 'vitest';
import {
  BIGGEST_SERVER,
  CACHE_SHARE,
  DETACH_ATTACH_S,
  MAX_SAN_SERVERS,
  MEMORY_PASSES,
  MIN_HADOOP_NODES,
  REPORTS,
  RESULT_SHARE,
  ROW_BYTES,
  ROW_CYCLES,
  SORT_CYCLES,
  CHASSIS_USD,
  CPUS,
  DAILY_NEW_SHARE,
  DISKS,
  HBA,
  HADOOP_STARTUP_S,
  NICS,
  RAM_SIZES_GB,
  RAM_USD_PER_GB,
  runPlatform,
  SANS,
} from '../../engine/server';
import { runServerSettings } from '../runServerSettings';
import { runStep } from '../runStep';
import { parseServerSettings } from '../serverSettings';
import { BASE_SERVER } from './checks';
import lab, { CEILING_GB, SCALE_UP_GB } from './lab';
import { practiceServerRun, practiceSolution } from '../practiceSeed';
import { DEADLINES_MINUTES } from './practiceDeadlines';

const flat = (text: string) => text.replace(/\s+/g, ' ');
const n = (v: number) => v.toLocaleString('en-US');
const step = (i: number) => flat(lab.steps[i]!.instructions);

describe('the scale-up-vs-out texts', () => {
  it("list the catalogue's parts with the engine's figures and prices", () => {
    const text = step(1);
    for (const d of Object.values(DISKS))
      expect(text).toContain(
        `| \`"${d.id}"\` | ${d.name} | ${n(d.readMBps)} | ${n(d.capacityGB)} GB | $${n(d.priceUsd)} |`,
      );
    for (const c of Object.values(CPUS))
      expect(text).toContain(
        `| \`"${c.id}"\` | ${c.cores} | ${c.ghz} | ${c.memoryGBps} GB/s | ${n(c.maxRamGB)} GB | $${n(c.priceUsd)} |`,
      );
    for (const c of Object.values(NICS)) expect(text).toContain(`| \`"${c.id}"\` | ${n(c.MBps)} | $${n(c.priceUsd)} |`);
    expect(text).toContain(
      `\`"ramGB"\`: ${RAM_SIZES_GB.slice(0, -2).join(', ')}, 2048 or 4096, at $${RAM_USD_PER_GB} per GB`,
    );
    expect(text).toContain(`chassis ($${n(CHASSIS_USD)})`);
    const out = step(2);
    for (const s of Object.values(SANS))
      expect(out).toContain(`| \`"${s.id}"\` | ${n(s.readMBps)} MB/s | ${n(s.writeMBps)} MB/s | $${n(s.priceUsd)} |`);
    expect(out).toContain(`(${n(HBA.MBps)} MB/s, $${n(HBA.priceUsd)} per server)`);
    expect(out).toContain(`grows by ${(DAILY_NEW_SHARE * 100).toFixed(2)}% a day`);
    expect(step(3)).toContain(`(${HADOOP_STARTUP_S} s: submission`);
  });

  it("state the model's constants as engine/server has them", () => {
    const intro = flat(lab.intro);
    expect(intro).toContain(`The buffer pool is ${CACHE_SHARE * 100}% of the memory`);
    expect(MEMORY_PASSES).toBe(3);
    expect(intro).toContain('passes through memory three times');
    expect(intro).toContain(
      `a row is ${ROW_BYTES} bytes; extracting and filtering it costs ${n(ROW_CYCLES)} cycles, and the sort by timestamp ${SORT_CYCLES} cycles per comparison`,
    );
    expect(RESULT_SHARE).toBe(0.1);
    expect(intro).toContain('a tenth of the data, the result');
    const out = step(2);
    expect(out).toContain(`The nightly ETL is ${REPORTS} reports`);
    expect(MAX_SAN_SERVERS).toBe(8);
    expect(out).toContain('up to eight');
    expect(DETACH_ATTACH_S).toBe(60);
    expect(out).toContain('(one minute in all)');
    expect(MIN_HADOOP_NODES).toBe(5);
    expect(step(3)).toContain('a Hadoop cluster of five base servers');
  });

  it('tell the runs as they are: the base server at 4,096 GB, the biggest server at 65,536 GB', () => {
    const base = runPlatform({ kind: 'single', server: BASE_SERVER }, SCALE_UP_GB);
    expect(base.totalS).toBeGreaterThan(2 * 3600); // "needs more than two hours"
    expect(step(1)).toContain('needs more than two hours');
    const biggest = runPlatform({ kind: 'single', server: BIGGEST_SERVER }, CEILING_GB);
    expect(biggest.totalS).toBeGreaterThan(3600);
    expect(parseServerSettings(lab.steps[2]!.starter).platform).toEqual({ kind: 'single', server: BIGGEST_SERVER });
    // Step 1: the starter's six months all fit; the base server first misses at the solution's answer.
    const growth = runServerSettings(parseServerSettings(lab.steps[0]!.solution), lab.steps[0]!.run as never);
    expect(growth.nights[growth.firstMiss!]!.dataGB).toBe(JSON.parse(lab.steps[0]!.solution).answer);
  });

  it('judge what a learner may try: a dearer server that meets the deadline, a later month, a Hadoop cluster in step 3', async () => {
    const verdict = async (i: number, source: string, id: string) =>
      (await runStep({ lab, stepIndex: i, source })).checks.find((c) => c.id === id)!;
    const dear = await verdict(
      1,
      '{"dataGB":4096,"server":{"disk":"nvme-ssd","disks":2,"ramGB":32,"cpu":"xeon-silver-4314","network":"1gbe"}}',
      'least-cost',
    );
    expect(dear.pass).toBe(false);
    expect(dear.reason).toContain('$6,428, $520 more than the cheapest single server that meets the deadline.');
    expect(dear.reason).toContain('2 × NVMe PCIe 4 SSD 7.68 TB $2,200');
    expect(dear.reason).toContain('Resources far inside the deadline: disk 5 min.');
    const later = await verdict(
      0,
      lab.steps[0]!.solution.replace('"months": 12', '"months": 13').replace('2048', '4096'),
      'first-miss',
    );
    expect(later).toMatchObject({ pass: false, reason: expect.stringContaining('not the first month') });
    const hadoop = await verdict(
      2,
      '{"dataGB":65536,"server":{"disk":"hdd-7200","disks":14,"ramGB":64,"cpu":"xeon-gold-6338","network":"100gbe"},"hadoop":{"nodes":5},"answer":"cpu"}',
      'on-a-san',
    );
    expect(hadoop.pass).toBe(false);
  });
});

describe('the scale-up-vs-out lab in practice', () => {
  it('keeps every step’s story on every deadline an attempt may draw: the reference passes, the starter fails', async () => {
    // A seed for each deadline the attempts draw from (the mix of seeds spreads them).
    const seeds = new Map<number, number>();
    for (let seed = 0; seeds.size < DEADLINES_MINUTES.length && seed < 10_000; seed++)
      for (const step of lab.steps)
        if (step.kind === 'server') seeds.set(practiceServerRun(step, seed).deadlineMinutes, seed);
    expect([...seeds.keys()].sort((a, b) => a - b)).toEqual(DEADLINES_MINUTES);
    const problems: string[] = [];
    for (const [minutes, seed] of seeds)
      for (const [i, step] of lab.steps.entries()) {
        const solved = await runStep({ lab, stepIndex: i, source: practiceSolution(step, seed), practiceSeed: seed });
        const started = await runStep({ lab, stepIndex: i, source: step.starter, practiceSeed: seed });
        expect(solved.report?.kind === 'server' && solved.report.deadlineMs).toBe(minutes * 60_000);
        for (const c of solved.checks)
          if (!c.pass) problems.push(`${minutes} min, step ${i + 1}: '${c.id}' ${c.reason}`);
        if (started.passed) problems.push(`${minutes} min, step ${i + 1}: the starter passes`);
      }
    expect(problems).toEqual([]);
  });
});
