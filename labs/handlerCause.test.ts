// A consumer whose eachMessage throws (a typo, a `throw`): the stream steps' checks name the
// handler, its line and message and what KafkaJS did, not "no consumer read them" or a crash
// that "never got there".
import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../engine/sandbox';
import { runStep } from './runStep';
import delivery from './streaming-delivery/lab';
import topics from './kafka-topics/lab';

const runner = createFunctionRunner({ macrotask: (fn) => setImmediate(fn) });

/** The step's solution with `extra` after the line that parses the message (returned with that line's number). */
function withHandlerLine(solution: string, parse: string, extra: string): { source: string; line: number } {
  expect(solution).toContain(parse);
  const source = solution.replace(parse, `${parse} ${extra}`);
  return { source, line: source.slice(0, source.indexOf(parse)).split('\n').length };
}

describe("a stream step's checks when a consumer's handler throws", () => {
  it('kafka-topics step 2: a typo names the line and the message, not "no consumer read them"', async () => {
    const parse = 'const reading = JSON.parse(message.value.toString());';
    const { source, line } = withHandlerLine(
      topics.steps[1]!.solution,
      parse,
      'JSON.parse(message.value).reading.toFixd(1);',
    );
    const out = await runStep({ lab: topics, stepIndex: 1, source, runner });
    expect(out.error).toBeNull();
    const failed = out.checks.filter((c) => !c.pass);
    expect(failed.length).toBeGreaterThan(0);
    for (const c of failed) {
      expect(c.reason).toContain(`eachMessage threw at line ${line}: TypeError: Cannot read properties of undefined`);
      expect(c.reason).toContain('its records were not committed');
      expect(c.reason).not.toContain('no consumer read them');
    }
  });

  it('streaming-delivery step 1: a throw is the cause, not a planned crash that "never got there"', async () => {
    const parse = 'const position = JSON.parse(message.value.toString());';
    const { source, line } = withHandlerLine(
      delivery.steps[0]!.solution,
      parse,
      "if (position) throw new Error('boom');",
    );
    const out = await runStep({ lab: delivery, stepIndex: 0, source, runner });
    expect(out.error).toBeNull();
    expect(out.passed).toBe(false);
    for (const c of out.checks) {
      expect(c.pass).toBe(false);
      expect(c.reason).toContain(`eachMessage threw at line ${line}: Error: boom`);
      expect(c.reason).toContain('after 5 retries it crashed the consumer (KafkaJSNumberOfRetriesExceeded)');
      expect(c.reason).not.toMatch(/no consumer read them|never got there \(each of/);
    }
  });

  it('the solutions still pass, their reasons unchanged by a handler KafkaJS retried past', async () => {
    const out = await runStep({ lab: delivery, stepIndex: 2, source: delivery.steps[2]!.solution, runner });
    expect(out.passed).toBe(true);
    expect(out.checks.every((c) => !c.reason.includes('The cause:'))).toBe(true);
  });
});
