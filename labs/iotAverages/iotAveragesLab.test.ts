import { describe, expect, it } from 'vitest';
import { iotAveragesLab } from './iotAveragesLab';
import { judgeLab } from '../judgeLab';
import { createLabInProcessRunner } from '../inProcessLabRunner';
import { validateLab } from '../validateLab';

describe('iotAveragesLab', () => {
  it('validates', () => {
    expect(validateLab(iotAveragesLab)).toBe(iotAveragesLab);
  });

  it('every solution passes every check; every starter fails one', async () => {
    expect(await judgeLab(iotAveragesLab, createLabInProcessRunner())).toEqual([]);
  });
});
