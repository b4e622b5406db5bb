import { describe, expect, it } from 'vitest';
import { checkReply } from '../sandbox';
import { KAFKA_LIMITS } from './kafkaLimits';

const step = (calls: unknown[], opened: unknown[] = []) => checkReply({ type: 'kafkaStep', id: 1, opened, calls });
const send = (over: Record<string, unknown> = {}, message: Record<string, unknown> = {}) => ({
  client: 1,
  seq: 1,
  request: {
    op: 'send',
    idempotent: false,
    transaction: null,
    acks: -1,
    timeout: 30000,
    topicMessages: [
      { topic: 't', messages: [{ key: null, value: 'v', partition: null, headers: {}, timestamp: null, ...message }] },
    ],
    ...over,
  },
});

describe('a streaming step from the sandbox is checked field by field before the simulated Kafka applies it', () => {
  it('lets through what the library sends', () => {
    expect(step([send()], [{ client: 1, kind: 'producer', clientId: 'lab', program: null }]).ok).toBe(true);
    expect(step([send()], [{ client: 1, kind: 'consumer', clientId: 'lab', program: 2 }]).ok).toBe(true);
    // The program that opened a client decides what a crash takes with it: it must be a program's number.
    const forged = step([send()], [{ client: 1, kind: 'consumer', clientId: 'lab', program: -1 } as never]);
    expect(forged.ok).toBe(false);
    expect(step([{ client: 2, seq: 4, request: { op: 'processed', topic: 't', partition: 0, offset: 7 } }]).ok).toBe(
      true,
    );
  });

  it.each([
    [
      'an unknown op',
      [{ client: 1, seq: 1, request: { op: 'deleteEverything' } }],
      /request\.op is not a request Kafka knows/,
    ],
    ['acks of 2', [send({ acks: 2 })], /request\.acks is not -1, 0 or 1/],
    ['a value that is an object', [send({}, { value: { a: 1 } })], /messages\[0\]\.value is not a string/],
    [
      'a value over message.max.bytes',
      [send({}, { value: 'x'.repeat(KAFKA_LIMITS.messageChars + 1) })],
      /value is longer than 1048588 characters/,
    ],
    ['a NaN timeout', [send({ timeout: Number.NaN })], /request\.timeout is not a finite non-negative number/],
    [
      'a fractional offset',
      [{ client: 1, seq: 1, request: { op: 'processed', topic: 't', partition: 0, offset: 1.5 } }],
      /offset is not an integer/,
    ],
    [
      'a client past the limit',
      [{ ...send(), client: KAFKA_LIMITS.clients + 1 }],
      /calls\[0\]\.client is not an integer/,
    ],
    ['calls that are not a list', 'all of them', /kafkaStep\.calls is not an array/],
  ])('refuses %s, naming the field', (_what, calls, why) => {
    const checked = step(calls as unknown[]);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.why).toMatch(why);
  });

  it('refuses a client of a kind there is not', () => {
    const checked = step([], [{ client: 1, kind: 'root', clientId: 'x' }]);
    expect(checked.ok ? '' : checked.why).toMatch(/opened\[0\]\.kind is not producer, consumer, admin or sink/);
  });
});

describe("a handler's failure from the sandbox is checked like any call", () => {
  const failure = (over: Record<string, unknown> = {}) => ({
    client: 2,
    seq: 5,
    request: {
      op: 'handlerFailed',
      failure: {
        groupId: 'billing',
        handler: 'eachMessage',
        topic: 'payments',
        partition: 1,
        offset: 4,
        name: 'TypeError',
        message: 'x.toFixd is not a function',
        where: 'job.js:12',
        attempt: 1,
        retries: 5,
        next: 'stop',
        ...over,
      },
    },
  });

  it('lets through what the runner sends, and refuses a forged one', () => {
    expect(step([failure()]).ok).toBe(true);
    expect(step([failure({ where: null })]).ok).toBe(true);
    expect(step([failure({ next: 'explode' })]).ok).toBe(false);
    expect(step([failure({ handler: 'eachThing' })]).ok).toBe(false);
    expect(step([failure({ offset: 1.5 })]).ok).toBe(false);
    expect(step([failure({ message: 7 })]).ok).toBe(false);
  });
});
