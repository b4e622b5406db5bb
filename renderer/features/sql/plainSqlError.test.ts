import { describe, expect, it } from 'vitest';
import { plainSqlError } from './plainSqlError';

describe('plainSqlError', () => {
  it("turns the streaming path's JSON error into DuckDB's printed form", () => {
    const json = JSON.stringify({
      exception_type: 'Parser',
      exception_message: 'syntax error at or near "SELEC"\n\nLINE 1: SELEC 1\n        ^',
    });
    expect(plainSqlError(new Error(json)).message).toBe(
      'Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELEC 1\n        ^',
    );
  });

  it('keeps any other error as it is', () => {
    const error = new Error('Catalog Error: Table with name nope does not exist!');
    expect(plainSqlError(error)).toBe(error);
    expect(plainSqlError('plain text').message).toBe('plain text');
    expect(plainSqlError(new Error('{"other":1}')).message).toBe('{"other":1}');
  });
});
