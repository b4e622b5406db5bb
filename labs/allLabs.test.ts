/**
 * The one test every lab gets without asking (Learn Git Branching's levels.spec): for each
 * registered lab, every step's solution passes every check and every starter fails at least
 * one. A new lab in labs/labList.ts is covered here with no other edit.
 */
import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../engine/sandbox';
import { judgeLab } from './judgeLab';
import { LABS } from './labRegistry';

describe.each(LABS.map((lab) => [lab.id, lab] as const))('lab %s', (_id, lab) => {
  it('every solution passes every check; every starter fails one', async () => {
    expect(await judgeLab(lab, createFunctionRunner({ macrotask: setImmediate }))).toEqual([]);
  });
});
