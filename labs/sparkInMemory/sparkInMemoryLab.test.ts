import { describe, expect, it } from 'vitest';
import { sparkInMemoryLab } from './sparkInMemoryLab';
import { judgeLab } from '../judgeLab';
import { createLabInProcessRunner } from '../inProcessLabRunner';
import { validateLab } from '../validateLab';

describe('sparkInMemoryLab', () => {
  it('validates', () => {
    expect(validateLab(sparkInMemoryLab)).toBe(sparkInMemoryLab);
  });

  it('every solution passes every check; every starter fails one', async () => {
    expect(await judgeLab(sparkInMemoryLab, createLabInProcessRunner())).toEqual([]);
  });
});
