import { describe, expect, it } from 'vitest';
import { dezimal } from './germanFormat';

describe('a raw German value', () => {
  it('keeps every digit and writes out what JavaScript writes with an exponent', () => {
    expect([20.512345, -3, 1e-9, 1.25e-7, -2.5e21, 0].map(dezimal)).toEqual([
      '20,512345',
      '-3',
      '0,000000001',
      '0,000000125',
      '-2500000000000000000000',
      '0',
    ]);
  });
});
