import { describe, expect, it } from 'vitest';
import { MAX_CONSOLE_CHARS, MAX_CONSOLE_LINES, moreLines, RunConsole } from './runConsole';

describe('RunConsole', () => {
  it('keeps lines in order and hands out each line once', () => {
    const c = new RunConsole();
    c.add('one');
    c.add('two');
    expect(c.take()).toEqual(['one', 'two']);
    c.add('three');
    expect(c.take()).toEqual(['three']);
    expect(c.take()).toEqual([]);
    expect(c.lines).toEqual(['one', 'two', 'three']);
  });

  it('stops at the line cap and says how many more lines were not shown', () => {
    const c = new RunConsole();
    for (let i = 0; i < MAX_CONSOLE_LINES + 12_345; i++) c.add(`line ${i}`);
    const lines = c.lines;
    expect(lines).toHaveLength(MAX_CONSOLE_LINES);
    expect(lines.at(-1)).toBe(`line ${MAX_CONSOLE_LINES - 1}`);
    expect(c.dropped).toBe(12_345);
    expect(moreLines(c.dropped)).toBe('… 12,345 more lines not shown');
  });

  it('stops at the character cap, cutting the line that crosses it', () => {
    const c = new RunConsole();
    c.add('x'.repeat(MAX_CONSOLE_CHARS - 10));
    c.add('y'.repeat(1_000_000));
    c.add('z');
    const lines = c.lines;
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(`${'y'.repeat(10)}… (line cut: 1,000,000 characters)`);
    expect(c.dropped).toBe(1);
    expect(moreLines(1)).toBe('… 1 more line not shown');
  });

  it('drops output after the request ended', () => {
    const c = new RunConsole();
    c.add('in time');
    c.close();
    c.add('too late');
    expect(c.lines).toEqual(['in time']);
  });

  it("shows a run's heading only before that run's first line", () => {
    const c = new RunConsole();
    c.heading('── Run 1 of 2 ──');
    c.heading('── Run 2 of 2 ──');
    expect(c.lines).toEqual([]);
    c.add('hello');
    expect(c.lines).toEqual(['── Run 2 of 2 ──', 'hello']);
  });
});
