/**
 * What every lab's tests prove, as one function: each step's solution passes every check and
 * each step's starter fails at least one. Returns the failures as readable lines (empty: all
 * good), so a test prints exactly which step and check went wrong.
 */
import type { TaskRunner } from '../engine/sandbox';
import type { Lab } from './labTypes';
import { runStep } from './runStep';

export async function judgeLab(
  lab: Lab,
  runner: TaskRunner,
  steps: number[] = lab.steps.map((_, i) => i),
): Promise<string[]> {
  const problems: string[] = [];
  for (const i of steps) {
    const step = lab.steps[i]!;
    const solved = await runStep({ lab, stepIndex: i, source: step.solution, runner });
    // A failed run is one problem, told once, not one per unjudged check.
    if (solved.error)
      problems.push(`${lab.id} step ${i + 1} (${step.id}) solution: the run failed: ${solved.error.message}`);
    else
      for (const c of solved.checks)
        if (!c.pass) problems.push(`${lab.id} step ${i + 1} (${step.id}) solution fails '${c.id}': ${c.reason}`);
    const started = await runStep({ lab, stepIndex: i, source: step.starter, runner });
    if (started.passed)
      problems.push(`${lab.id} step ${i + 1} (${step.id}) starter passes every check: it gives the answer away`);
  }
  return problems;
}
