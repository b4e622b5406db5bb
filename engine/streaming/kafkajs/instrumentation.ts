/**
 * KafkaJS's instrumentation events (docs/InstrumentationEvents.md): `consumer.on(name, listener)`
 * with a name from `consumer.events` returns a function that removes the listener; each event is
 * `{ id, type, timestamp, payload }`. Listeners run later, never in the consumer's way, and an
 * error one throws does not reach the consumer. Timestamps are the simulated clock's.
 */
import { KafkaJSNonRetriableError } from './kafkaErrors';

/** The consumer's events, named as KafkaJS names them ('consumer.' + the event). */
export const CONSUMER_EVENTS = Object.freeze({
  HEARTBEAT: 'consumer.heartbeat',
  COMMIT_OFFSETS: 'consumer.commit_offsets',
  GROUP_JOIN: 'consumer.group_join',
  FETCH_START: 'consumer.fetch_start',
  FETCH: 'consumer.fetch',
  START_BATCH_PROCESS: 'consumer.start_batch_process',
  END_BATCH_PROCESS: 'consumer.end_batch_process',
  CONNECT: 'consumer.connect',
  DISCONNECT: 'consumer.disconnect',
  STOP: 'consumer.stop',
  CRASH: 'consumer.crash',
  REBALANCING: 'consumer.rebalancing',
  RECEIVED_UNSUBSCRIBED_TOPICS: 'consumer.received_unsubscribed_topics',
  REQUEST: 'consumer.network.request',
  REQUEST_TIMEOUT: 'consumer.network.request_timeout',
  REQUEST_QUEUE_SIZE: 'consumer.network.request_queue_size',
} as const);

export type ConsumerEventName = (typeof CONSUMER_EVENTS)[keyof typeof CONSUMER_EVENTS];

export interface InstrumentationEvent<T = Record<string, unknown>> {
  id: number;
  type: string;
  timestamp: number;
  payload: T;
}

/** At most this many listeners an emitter (a listener added in a loop is a learner's bug, not a leak to grow for ever). */
export const MAX_LISTENERS = 100;

export class InstrumentationEmitter {
  readonly #listeners = new Map<string, ((event: InstrumentationEvent) => unknown)[]>();
  readonly #names: ReadonlySet<string>;
  #nextId = 0;

  constructor(
    names: Readonly<Record<string, string>>,
    /** Runs `fn` after the current call, as an event emitter's listeners run in KafkaJS. */
    private readonly later: (fn: () => void) => void,
    private readonly now: () => number,
    /**
     * Told of a listener's error: KafkaJS logs it and goes on; a loop the sandbox stopped or the
     * run's time limit must end the run instead (the consumer passes those on).
     */
    private readonly failed: (error: unknown) => void,
  ) {
    this.#names = new Set(Object.values(names));
  }

  on(name: unknown, listener: unknown): () => void {
    if (typeof name !== 'string' || !this.#names.has(name))
      throw new KafkaJSNonRetriableError(`Event name should be one of ${[...this.#names].join(', ')}`);
    if (typeof listener !== 'function')
      throw new KafkaJSNonRetriableError(`The listener of ${name} must be a function`);
    const list = this.#listeners.get(name) ?? [];
    if ([...this.#listeners.values()].reduce((n, l) => n + l.length, 0) >= MAX_LISTENERS)
      throw new KafkaJSNonRetriableError(
        `More than ${MAX_LISTENERS} listeners on one client: add each listener once, not in a loop or handler`,
      );
    const fn = listener as (event: InstrumentationEvent) => unknown;
    list.push(fn);
    this.#listeners.set(name, list);
    return () => {
      const now = this.#listeners.get(name) ?? [];
      const at = now.indexOf(fn);
      if (at >= 0) now.splice(at, 1);
    };
  }

  /** Tells the listeners of `type`, if any; the payload is made only then (events fire on the consumer's hot path). */
  emit(type: string, payload: () => Record<string, unknown> = () => ({})): void {
    const listeners = this.#listeners.get(type);
    if (!listeners || listeners.length === 0) return;
    const event: InstrumentationEvent = { id: this.#nextId++, type, timestamp: this.now(), payload: payload() };
    for (const listener of [...listeners])
      this.later(() => {
        try {
          const r = listener(event) as { catch?: unknown } | undefined;
          // An async listener's rejection is reported too.
          if (r && typeof r.catch === 'function') (r as Promise<unknown>).catch((error) => this.failed(error));
        } catch (error) {
          this.failed(error);
        }
      });
  }
}
