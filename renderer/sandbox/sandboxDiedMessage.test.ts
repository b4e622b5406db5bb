import { describe, expect, it } from 'vitest';
import { sandboxDiedMessage } from './sandboxDiedMessage';

describe('sandboxDiedMessage', () => {
  it('names memory when the worker died without a message', () => {
    expect(sandboxDiedMessage('')).toMatch(/stopped unexpectedly: most likely your code used too much memory/);
    expect(sandboxDiedMessage(undefined)).toMatch(/too much memory/);
  });

  it('quotes an uncaught error and still names memory as a possible cause', () => {
    const text = sandboxDiedMessage('Uncaught Error: boom');
    expect(text).toMatch(/^Your code failed outside your job's functions: Error: boom\./);
    expect(text).toMatch(/ran out of memory/);
  });

  it('keeps a huge message short', () => {
    expect(sandboxDiedMessage(`Uncaught ${'x'.repeat(100_000)}`).length).toBeLessThan(800);
  });
});
