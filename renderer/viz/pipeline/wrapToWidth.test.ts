import { describe, expect, it } from 'vitest';
import { wrapToWidth } from './wrapToWidth';

describe('wrapToWidth', () => {
  it('breaks at spaces, never between a number and its unit, and clips what is left past the last line', () => {
    expect(wrapToWidth('holds 981', 102, 11)).toEqual(['holds 981']);
    expect(wrapToWidth('down since 20.00 s', 102, 11)).toEqual(['down since', '20.00 s']);
    expect(wrapToWidth('ausgefallen seit 1 h 59 min 59 s', 102, 11)).toEqual(['ausgefallen seit', '1 h 59 min 59 s']);
    expect(wrapToWidth('Relational database', 102, 12)).toEqual(['Relational', 'database']);
    expect(wrapToWidth('one two three four five six seven eight nine ten', 60, 12)).toHaveLength(2);
    expect(wrapToWidth('one two three four five six seven eight nine ten', 60, 12)[1]).toMatch(/…$/);
  });
});
