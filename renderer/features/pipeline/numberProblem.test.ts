import { describe, expect, it } from 'vitest';
import { PART_CATALOGUE, type NumberSetting } from '../../../engine/pipeline';
import { numberProblem } from './numberProblem';

describe('numberProblem', () => {
  const trigger = PART_CATALOGUE['spark-streaming'].settings.triggerMs as NumberSetting;
  const cpu = PART_CATALOGUE.api.settings.requestCpuMs as NumberSetting;
  it('accepts a number within the limits, whole where the setting counts', () => {
    expect(numberProblem('500', trigger)).toBeNull();
    expect(numberProblem('0.5', cpu)).toBeNull();
  });
  it('says what is wrong otherwise', () => {
    expect(numberProblem('', trigger)).toBe('a number, please');
    expect(numberProblem('50', trigger)).toBe('from 100 to 3,600,000');
    expect(numberProblem('150.5', trigger)).toBe('a whole number');
  });
});
