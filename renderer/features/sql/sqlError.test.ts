import { describe, expect, it } from 'vitest';
import { sqlErrorView, tokenAt } from './sqlError';

// Messages exactly as DuckDB-wasm 1.32 (DuckDB 1.4.3) throws them.
const SELEC =
  'Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELEC 1\n        ^\n\nLINE 1: SELEC 1\n        ^';
const NOPE =
  'Catalog Error: Table with name nope does not exist!\nDid you mean "pg_enum"?\n\nLINE 1: SELECT * FROM nope\n                      ^';
const SECOND_LINE =
  'Parser Error: syntax error at or near ","\n\nLINE 2:   2 +, 3\n             ^\n\nLINE 2:   2 +, 3\n             ^';
const cols = Array.from({ length: 40 }, (_, i) => `a${i}`).join(', ');
const LONG_QUERY = `SELECT ${cols} FROM nope`;
const LONG =
  'Catalog Error: Table with name nope does not exist!\nDid you mean "pg_enum"?\n\n' +
  'LINE 1: ..., a29, a30, a31, a32, a33, a34, a35, a36, a37, a38, a39 FROM nope\n' +
  '                                                                        ^';

describe('DuckDB errors in the console', () => {
  it('says a repeated LINE block once', () => {
    const v = sqlErrorView(SELEC, 'SELEC 1');
    expect(v.text).toBe('Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELEC 1\n        ^');
    expect(v.position).toEqual({ line: 1, column: 1, offset: 0 });
  });

  it('finds the caret column in the query, on any line', () => {
    expect(sqlErrorView(NOPE, 'SELECT * FROM nope').position).toEqual({ line: 1, column: 15, offset: 14 });
    const q = 'SELECT 1,\n  2 +, 3';
    const v = sqlErrorView(SECOND_LINE, q);
    expect(v.position).toEqual({ line: 2, column: 6, offset: 15 });
    expect(q[v.position!.offset]).toBe(',');
  });

  it('maps a caret in a shortened long line back to the query', () => {
    const v = sqlErrorView(LONG, LONG_QUERY);
    expect(LONG_QUERY.slice(v.position!.offset)).toBe('nope');
  });

  it('points at the end for an unfinished query, and nowhere when DuckDB says nothing', () => {
    expect(sqlErrorView('Parser Error: syntax error at end of input', 'SELECT 1 WHERE').position).toEqual({
      line: 1,
      column: 15,
      offset: 14,
    });
    expect(sqlErrorView('Conversion Error: could not convert', 'SELECT 1').position).toBeNull();
  });

  it('selects the word at the caret, or one character', () => {
    expect(tokenAt('SELECT * FROM nope', 14)).toEqual({ start: 14, end: 18 });
    expect(tokenAt('2 +, 3', 3)).toEqual({ start: 3, end: 4 });
  });

  it('counts DuckDB’s caret in terminal cells: a TAB takes none, an emoji two', () => {
    // Both messages exactly as DuckDB-wasm wrote them.
    const tab = 'SELECT\t* FROM nope';
    const v = sqlErrorView(
      'Catalog Error: Table with name nope does not exist!\n\nLINE 1: SELECT\t* FROM nope\n                     ^',
      tab,
    );
    const lines = v.text.split('\n');
    expect(lines[2]).toBe('LINE 1: SELECT * FROM nope');
    expect(lines[3]!.indexOf('^') - 'LINE 1: '.length).toBe(tab.indexOf('nope'));
    expect(v.position!.offset).toBe(tab.indexOf('nope'));
    const emoji = "SELECT 'ü€😀', x FROM nope";
    const e = sqlErrorView(
      `Catalog Error: Table with name nope does not exist!\n\nLINE 1: ${emoji}\n                              ^`,
      emoji,
    );
    expect(emoji.slice(e.position!.offset)).toBe('nope');
    const shown = e.text.split('\n');
    expect(Array.from(shown[2]!)[shown[3]!.indexOf('^')]).toBe('n');
  });
});
