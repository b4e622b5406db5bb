/**
 * The platform-blueprint checks' verdicts on pipelines that bend the steps' rules: each reason
 * says what the run shows.
 */
import { describe, expect, it } from 'vitest';
import lab from './lab';
import { runStep } from '../runStep';

const verdict = async (stepIndex: number, source: string, id: string) => {
  const out = await runStep({ lab, stepIndex, source });
  expect(out.error).toBeNull();
  return out.checks.find((c) => c.id === id)!;
};

describe('platform-blueprint checks', () => {
  it('step 2: a lake whose writer never closes a file fails "few files"', async () => {
    const solution = lab.steps[1]!.solution;
    for (const source of [
      solution.replace('"rollInterval": 30', '"rollInterval": 0'),
      solution.replace('"rollInterval": 30', '"rollInterval": 120'),
    ]) {
      expect(source).not.toBe(solution);
      const v = await verdict(1, source, 'few-files');
      expect(v.pass).toBe(false);
      expect(v.reason).toMatch(/^lake took 6,000 events but closed no file by the end of the run: /);
    }
  }, 60_000);
});
