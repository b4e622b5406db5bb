/**
 * The one test every lab gets without asking (Learn Git Branching's levels.spec): for each
 * registered lab, every step's solution passes every check and every starter fails at least
 * one. A new lab in labs/labList.ts is covered here with no other edit. The runner has DuckDB, so
 * steps whose jobs call spark.sql are judged too.
 */
import { describe, expect, it } from 'vitest';
import { judgeLab } from './judgeLab';
import { labTestRunner } from './__tests__/labTestRunner';
import { LABS } from './labRegistry';

describe.each(LABS.map((lab) => [lab.id, lab] as const))('lab %s', (_id, lab) => {
  it('every solution passes every check; every starter fails one', async () => {
    expect(await judgeLab(lab, labTestRunner())).toEqual([]);
    // A lab's every starter and solution, extra runs included: tens of seconds on a busy 2-core machine.
  }, 180_000);
});
