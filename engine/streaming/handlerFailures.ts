/**
 * What the learner's consumer handlers threw during a KafkaJS run (the `handlerFailed` notes of
 * fetchLoop.ts): each failure in the trace (`handlerFailed`), and per consumer the first failure
 * with how often its handler threw and what KafkaJS did after the last one, for the run's report
 * (the app's error box, the CLI's error lines, the labs' checks).
 */
import type { TraceSink } from '../core';
import type { HandlerFailure } from './kafkajs/kafkaCalls';

/**
 * A consumer whose handler threw: its first failure (the message it threw at: eachBatch, the first
 * it had not resolved; `retries` is its retry policy), how often, and how it ended.
 */
export interface KafkaHandlerError extends Omit<HandlerFailure, 'attempt' | 'next'> {
  /** The consumer's number, as the faults and the pictures name it (null: it never joined a group). */
  consumer: number | null;
  client: number;
  /** The member id it had in the group when its handler first threw ('' if none). */
  memberId: string;
  /** The line alone (from `where`), or null. */
  line: number | null;
  /** Simulated ms of the first failure. */
  atMs: number;
  /** Times the handler threw in all (every retry and every restart counted). */
  times: number;
  /** What KafkaJS did after the last failure: fetched the message again, crashed and restarted, or crashed for good. */
  last: HandlerFailure['next'];
  /** Times the consumer crashed because of its handler (retries spent, or an error KafkaJS does not retry). */
  crashes: number;
}

/** The line number at the end of `file:line`, or null. */
export function lineOf(where: string | null): number | null {
  const m = where === null ? null : /:(\d+)$/.exec(where);
  return m ? Number(m[1]) : null;
}

export class HandlerFailures {
  private readonly byClient = new Map<number, KafkaHandlerError>();

  constructor(private readonly trace: TraceSink) {}

  note(client: number, f: HandlerFailure, now: number, memberId: string, consumer: number | null): void {
    this.trace.record({
      t: now,
      type: 'handlerFailed',
      client,
      group: f.groupId,
      member: memberId,
      handler: f.handler,
      topic: f.topic,
      partition: f.partition,
      offset: f.offset,
      error: `${f.name}: ${f.message}`,
      where: f.where,
      attempt: f.attempt,
      next: f.next,
    });
    const crashed = f.next === 'retry' ? 0 : 1;
    const known = this.byClient.get(client);
    if (known) {
      known.times++;
      known.last = f.next;
      known.crashes += crashed;
      return;
    }
    this.byClient.set(client, {
      consumer,
      client,
      groupId: f.groupId,
      memberId,
      handler: f.handler,
      topic: f.topic,
      partition: f.partition,
      offset: f.offset,
      name: f.name,
      message: f.message,
      where: f.where,
      line: lineOf(f.where),
      atMs: now,
      times: 1,
      retries: f.retries,
      last: f.next,
      crashes: crashed,
    });
  }

  /** Every consumer whose handler threw, by the time of its first failure. */
  list(): KafkaHandlerError[] {
    return [...this.byClient.values()].map((e) => ({ ...e }));
  }
}

/** "consumer 1's eachMessage" (a consumer that never joined is named by its client). */
function whose(e: KafkaHandlerError): string {
  return `${e.consumer === null ? `client ${e.client}` : `consumer ${e.consumer}`}'s ${e.handler}`;
}

/**
 * The failure in one line, for the terminal and the labs' reasons: "consumer 1's eachMessage
 * (group fleet-map) threw at line 28 (TypeError: x.toFixd is not a function) at gps partition 0,
 * offset 0".
 */
export function handlerFailureText(e: KafkaHandlerError): string {
  const at = e.line === null ? '' : ` at line ${e.line}`;
  const times = e.times > 1 ? `, ${e.times} times` : '';
  return `${whose(e)} (group ${e.groupId}) threw${at} (${e.name}: ${e.message}) at ${e.topic} partition ${e.partition}, offset ${e.offset}${times}`;
}

/** What KafkaJS did about it, in KafkaJS's terms: the offset not committed, the message again, the crash. */
export function handlerNextText(e: KafkaHandlerError): string {
  const again = `KafkaJS did not commit offset ${e.offset} and delivers that message again`;
  if (e.last === 'stop') {
    const why = /^(TypeError|ReferenceError|SyntaxError|RangeError)$/.test(e.name)
      ? `a ${e.name} is not retried`
      : 'the error is not retriable';
    return `KafkaJS did not commit offset ${e.offset}; ${why}, so the consumer crashed at once, left the group and stopped for good (a member of the group still running, if any, takes over its partitions and meets the same message)`;
  }
  if (e.last === 'restart' || e.crashes > 0)
    return `${again}: after ${e.retries} retries it crashed the consumer (KafkaJSNumberOfRetriesExceeded), which left the group and restarted from the last commit, to meet the same message again${e.crashes > 1 ? ` (${e.crashes} crashes)` : ''}`;
  return `${again} after a wait (up to ${e.retries} retries, then the consumer crashes and restarts from the last commit)`;
}
