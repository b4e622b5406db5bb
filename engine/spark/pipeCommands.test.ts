import { describe, expect, it } from 'vitest';
import { runPipeProgram, tokenizeCommand } from './pipeCommands';

const run = (command: string, input: string[]) => runPipeProgram(tokenizeCommand(command), input);

describe('the programs rdd.pipe can run (simulated Unix text tools)', () => {
  const lines = ['b 2', 'a 10', 'c 1', 'a 10', 'error: disk'];

  it('splits the command on whitespace, as Spark’s PipedRDD.tokenize does', () => {
    expect(tokenizeCommand('  grep  -v   x ')).toEqual(['grep', '-v', 'x']);
  });

  it('grep filters, inverts, counts, and exits 1 when nothing matches (which fails a Spark task)', () => {
    expect(run('grep a', lines)).toEqual({ out: ['a 10', 'a 10'], status: 0, stderr: '' });
    expect(run('grep -v a', lines).out).toEqual(['b 2', 'c 1', 'error: disk']);
    expect(run('grep -c a', lines).out).toEqual(['2']);
    expect(run('grep -i ERROR', lines).out).toEqual(['error: disk']);
    expect(run('grep zzz', lines).status).toBe(1);
    expect(run('grep -E a|b', lines).out).toEqual(['b 2', 'a 10', 'a 10']);
    expect(run('grep -F .', ['a.b', 'ab']).out).toEqual(['a.b']);
    expect(run('grep', lines).status).toBe(2);
  });

  it('wc prints GNU’s columns, or just the number for one flag', () => {
    expect(run('wc -l', lines).out).toEqual(['5']);
    expect(run('wc', ['hello world']).out).toEqual(['      1       2      12']);
  });

  it('sort, uniq, head, tail behave as coreutils in the C locale', () => {
    expect(run('sort', lines).out).toEqual(['a 10', 'a 10', 'b 2', 'c 1', 'error: disk']);
    expect(run('sort -r', ['a', 'B', 'b']).out).toEqual(['b', 'a', 'B']);
    expect(run('sort -n -k 2', ['x 10', 'y 9', 'z 100']).out).toEqual(['y 9', 'x 10', 'z 100']);
    expect(run('sort -u', ['b', 'a', 'b']).out).toEqual(['a', 'b']);
    expect(run('uniq -c', ['a', 'a', 'b', 'a']).out).toEqual(['      2 a', '      1 b', '      1 a']);
    expect(run('head -n 2', lines).out).toEqual(['b 2', 'a 10']);
    expect(run('head -1', lines).out).toEqual(['b 2']);
    expect(run('tail -n 1', lines).out).toEqual(['error: disk']);
    expect(run('head -n x', lines).status).toBe(1);
  });

  it('tr, cut and rev transform each line', () => {
    expect(run('tr a-z A-Z', ['abc d']).out).toEqual(['ABC D']);
    expect(run('tr [:lower:] [:upper:]', ['x']).out).toEqual(['X']);
    expect(run('tr -d 0-9', ['a1b22']).out).toEqual(['ab']);
    expect(run('tr -s a-z x', ['abc  d']).out).toEqual(['x  x']);
    expect(run('cut -d , -f 2', ['a,b,c', 'nocomma']).out).toEqual(['b', 'nocomma']);
    expect(run('cut -d, -f1,3', ['a,b,c']).out).toEqual(['a,c']);
    expect(run('cut -c 2-3', ['abcd']).out).toEqual(['bc']);
    expect(run('rev', ['abc']).out).toEqual(['cba']);
  });

  it('refuses options it does not simulate instead of ignoring them, and reads sort keys as -k START,END', () => {
    expect(run('grep -o a', ['c a'])).toMatchObject({ status: 2, stderr: /invalid option -- 'o'/ });
    expect(run('cat -n', ['x'])).toMatchObject({ status: 1, stderr: /invalid option -- 'n'/ });
    expect(run('grep --count a', ['a'])).toMatchObject({ status: 2, stderr: /unrecognized option '--count'/ });
    expect(run('sort -k3,3n', ['foo bar 10', 'Foo x 1', 'qux 2 a', 'baz foo 9']).out).toEqual([
      'qux 2 a',
      'Foo x 1',
      'baz foo 9',
      'foo bar 10',
    ]);
    expect(run('sort -k2,2', ['a c x', 'b b z']).out).toEqual(['b b z', 'a c x']);
  });

  it('a program that does not exist, or a file argument, fails with the real error', () => {
    const missing = run('python3 script.py', ['x']);
    expect(missing.status).toBe(127);
    expect(missing.stderr).toMatch(/Cannot run program "python3": error=2, No such file or directory/);
    expect(run('/usr/bin/grep x', ['x']).out).toEqual(['x']);
    expect(run('cat notes.txt', ['x'])).toMatchObject({ status: 1, stderr: /notes\.txt: No such file/ });
    expect(run('constructor', ['x']).status).toBe(127);
  });
});
