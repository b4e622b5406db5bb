import { describe, expect, it } from 'vitest';
import { hdfsBlocksLab } from './hdfsBlocksLab';
import { judgeLab } from '../judgeLab';
import { createLabInProcessRunner } from '../inProcessLabRunner';
import { validateLab } from '../validateLab';

describe('hdfsBlocksLab', () => {
  it('validates', () => {
    expect(validateLab(hdfsBlocksLab)).toBe(hdfsBlocksLab);
  });

  it('every solution passes every check; every starter fails one', async () => {
    expect(await judgeLab(hdfsBlocksLab, createLabInProcessRunner())).toEqual([]);
  });
});
