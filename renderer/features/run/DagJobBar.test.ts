/**
 * The job bar's sentence while stages run: the running stages are one list, the task count apart
 * from it ("läuft: Stage 1, 3, 5, 8, 2 Tasks laufen" read as a list of stages ending in 2), and
 * several stages are "stages", in both languages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runJob } from '../../../engine/api';
import { createFunctionRunner } from '../../../engine/sandbox';
import { changeLanguage } from '../../i18n/i18n';
import { toRunView } from '../../viz/run/runView';
import { jobStatus } from './DagJobBar';

// Two inputs read side by side, then joined: two map stages run at once.
const CODE = `exports.default = async (sc) => {
  const a = sc.textFile('/in/a.txt', 4).map((w) => [w, 1]);
  const b = sc.textFile('/in/b.txt', 4).map((w) => [w, 2]);
  return (await a.join(b).count());
};`;
const words = (k: number) => Array.from({ length: 4000 }, (_, i) => `w${(i * k) % 97}`).join('\n');

async function view() {
  const runner = createFunctionRunner();
  try {
    const bytes = (k: number) => new TextEncoder().encode(words(k));
    const report = await runJob({
      source: { fileName: 'join.js', code: CODE },
      runner,
      cluster: 'cookbook-9',
      seed: 1,
      blockSize: 8 * 1024,
      files: [
        { path: '/in/a.txt', bytes: bytes(7) },
        { path: '/in/b.txt', bytes: bytes(11) },
      ],
      snapshots: false,
    });
    const nodes = Array.from({ length: 9 }, (_, i) => ({ id: `n${i + 1}`, rack: `r${Math.floor(i / 3) + 1}` }));
    return toRunView(report, nodes);
  } finally {
    await runner.close();
  }
}

describe('the DAG job bar', () => {
  afterEach(() => changeLanguage('en'));

  it('lists the running stages apart from the running tasks, "stages" when several', async () => {
    const v = await view();
    const job = v.jobs[0]!;
    const stages = job.stages.map((id) => v.stages.find((s) => s.id === id)!);
    const said = new Set<string>();
    for (let t = job.submittedAt; t <= (job.finishedAt ?? job.submittedAt); t += 5)
      said.add(jobStatus(job, stages, v, t));
    const running = [...said].filter((x) => x.startsWith('running:'));
    expect(running.some((x) => /^running: stages \d+, \d+ · \d+ tasks? running · /.test(x))).toBe(true);
    expect(running.some((x) => /^running: stage \d+ · \d+ tasks? running · /.test(x))).toBe(true);
    await changeLanguage('de');
    const german = new Set<string>();
    for (let t = job.submittedAt; t <= (job.finishedAt ?? job.submittedAt); t += 5)
      german.add(jobStatus(job, stages, v, t));
    expect([...german].some((x) => /^läuft: Stages \d+, \d+ · \d+ Tasks? (läuft|laufen) · /.test(x))).toBe(true);
  }, 60_000);
});
