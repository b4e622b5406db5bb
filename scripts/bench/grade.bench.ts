// `clusterlab grade` on a generated class, timed as a process: 30 students, each handing in the 14
// steps of four labs (hdfs-blocks, mapreduce-basics, mapreduce-chaining, spark-in-memory), 420 runs.
// 24 hand in their own variant's solutions; every fifth hands in the starters of spark-in-memory
// (wrong answers, judged as fails). Prints the class's shape, the grader's summary and submissions
// per minute; no wall-clock limit is asserted (the figure depends on the machine and its load).
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dir, root } from './benchUtil';
import { findLab } from '../../labs/labRegistry';
import { buildHandIn, handInText } from '../../labs/handIn/buildHandIn';
import type { ProgressLike } from '../../labs/handIn/importHandIn';
import { studentSeed, variantSolution } from '../../labs/variant';

const LAB_IDS = ['hdfs-blocks', 'mapreduce-basics', 'mapreduce-chaining', 'spark-in-memory'];
const STUDENTS = 30;
const labs = LAB_IDS.map((id) => findLab(id)!);
const folder = join(dir, 'class');
mkdirSync(folder);
for (let i = 0; i < STUDENTS; i++) {
  const name = `Student ${String(i + 1).padStart(2, '0')}`;
  const wrong = i % 5 === 4;
  const progress: ProgressLike = { version: 1, labs: {} };
  for (const lab of labs) {
    const steps: ProgressLike['labs'][string]['steps'] = {};
    for (const step of lab.steps)
      steps[step.id] = {
        code: wrong && lab.id === 'spark-in-memory' ? step.starter : variantSolution(step, studentSeed(name)),
      };
    progress.labs[lab.id] = { step: 0, steps };
  }
  writeFileSync(
    join(folder, `student-${i + 1}.clusterlab`),
    handInText(buildHandIn(progress, name, '0.1.0', new Date('2026-11-30T12:00:00.000Z'))),
  );
}
const steps = labs.reduce((n, l) => n + l.steps.length, 0);
console.log(
  `class: ${STUDENTS} students × ${steps} steps of ${labs.length} labs (${LAB_IDS.join(', ')}) = ${STUDENTS * steps} runs; ` +
    `${STUDENTS / 5} students hand in spark-in-memory's starters`,
);
console.log(
  `machine: ${cpus().length} cores, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} at the start`,
);

const t0 = performance.now();
const r = spawnSync(
  process.execPath,
  [join(root, 'scripts/clusterlab.mjs'), 'grade', folder, '--out', join(dir, 'grades'), '--json'],
  { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 },
);
const seconds = (performance.now() - t0) / 1000;
if (r.status !== 0) throw new Error(`clusterlab grade exited ${r.status}: ${r.stderr}`);
const summary = JSON.parse(r.stdout) as {
  submissions: number;
  steps: number;
  passed: number;
  failed: number;
  errors: number;
  seconds: number;
  perMinute: number;
};
console.log(
  `graded: ${summary.steps} step runs, ${summary.passed} passed, ${summary.failed} failed, ${summary.errors} error(s)`,
);
console.log(
  `clusterlab grade: ${summary.seconds.toFixed(1)} s grading (${summary.perMinute} submissions a minute); ` +
    `${seconds.toFixed(1)} s for the whole process (${((STUDENTS / seconds) * 60).toFixed(1)} a minute, start-up included)`,
);
console.log(
  `machine: load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} at the end`,
);
