/**
 * KafkaJS's error classes, by their names: a learner's `catch (e)` sees `e.name` and `e.retriable`
 * as KafkaJS sets them (src/errors.js). The host's answers carry errors as data; these turn them
 * back into the classes.
 */

export class KafkaJSError extends Error {
  override name = 'KafkaJSError';
  readonly retriable: boolean;
  constructor(message: string, options: { retriable?: boolean } = {}) {
    super(message);
    this.retriable = options.retriable ?? true;
  }
}

/** A mistake in how the API was called (a missing argument, a wrong type): retrying cannot help. */
export class KafkaJSNonRetriableError extends KafkaJSError {
  override name = 'KafkaJSNonRetriableError';
  constructor(message: string) {
    super(message, { retriable: false });
  }
}

/** An error a broker answered with (Kafka's protocol error code, by its name in `type`). */
export class KafkaJSProtocolError extends KafkaJSError {
  override name = 'KafkaJSProtocolError';
  constructor(
    message: string,
    readonly type: string,
    retriable: boolean,
  ) {
    super(message, { retriable });
  }
}

/** One topic's error of `admin.createTopics()`: the broker's error (its `type`) and the topic. */
export class KafkaJSCreateTopicError extends KafkaJSProtocolError {
  override name = 'KafkaJSCreateTopicError';
  constructor(
    message: string,
    type: string,
    readonly topic: string,
  ) {
    super(message, type, false);
  }
}

/**
 * Several errors at once (KafkaJS's `createTopics` throws one holding a KafkaJSCreateTopicError
 * per topic the broker refused). KafkaJS's message is 'Topic creation errors'; here it names them.
 */
export class KafkaJSAggregateError extends Error {
  override name = 'KafkaJSAggregateError';
  constructor(
    message: string,
    readonly errors: KafkaJSError[],
  ) {
    super(message);
  }
}

/** createTopics' failure, as KafkaJS throws it: an aggregate of each topic's error. */
export function topicCreationErrors(errors: KafkaJSCreateTopicError[]): KafkaJSAggregateError {
  return new KafkaJSAggregateError(
    `Topic creation errors: ${errors.map((e) => `topic "${e.topic}": ${e.message} (${e.type})`).join('; ')}`,
    errors,
  );
}

/** A request was retried `retryCount` times and failed every time; `cause` is the last failure. */
export class KafkaJSNumberOfRetriesExceeded extends KafkaJSNonRetriableError {
  override name = 'KafkaJSNumberOfRetriesExceeded';
  constructor(
    override readonly cause: KafkaJSError,
    readonly retryCount: number,
    readonly retryTime: number,
  ) {
    super(cause.message);
  }
}

/** An error as the host sends it (plain data), and back. */
export interface KafkaErrorData {
  name: 'KafkaJSNonRetriableError' | 'KafkaJSProtocolError' | 'KafkaJSNumberOfRetriesExceeded';
  message: string;
  /** KafkaJSProtocolError: the Kafka error's name (NOT_ENOUGH_REPLICAS, ...). */
  type?: string;
  /** A createTopics error: the topic it is about (the client throws KafkaJS's aggregate of them). */
  topic?: string;
  retriable?: boolean;
  retryCount?: number;
  retryTime?: number;
}

export function errorFromData(e: KafkaErrorData): KafkaJSError | KafkaJSAggregateError {
  if (e.name === 'KafkaJSProtocolError' && e.topic !== undefined)
    return topicCreationErrors([new KafkaJSCreateTopicError(e.message, e.type ?? 'UNKNOWN', e.topic)]);
  if (e.name === 'KafkaJSProtocolError')
    return new KafkaJSProtocolError(e.message, e.type ?? 'UNKNOWN', e.retriable ?? true);
  if (e.name === 'KafkaJSNumberOfRetriesExceeded')
    return new KafkaJSNumberOfRetriesExceeded(
      new KafkaJSProtocolError(e.message, e.type ?? 'UNKNOWN', true),
      e.retryCount ?? 0,
      e.retryTime ?? 0,
    );
  return new KafkaJSNonRetriableError(e.message);
}

/** Errors KafkaJS's retrier never retries (src/retry/index.js isErrorUnrecoverable). */
export const UNRECOVERABLE: ReadonlySet<string> = new Set(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError']);

/** The group errors after which KafkaJS joins the group again (src/errors.js isRebalancing, UNKNOWN_MEMBER_ID). */
const REJOIN = new Set([
  'REBALANCE_IN_PROGRESS',
  'ILLEGAL_GENERATION',
  'UNKNOWN_MEMBER_ID',
  'NOT_COORDINATOR_FOR_GROUP',
]);

export function isRebalance(error: unknown): boolean {
  return error instanceof KafkaJSError && REJOIN.has((error as { type?: string }).type ?? '');
}

/** The innermost `cause` of a KafkaJS error (KafkaJS's getOriginalCause). */
export function rootCause(error: unknown): { retriable?: unknown } | null {
  let e: unknown = error;
  for (let depth = 0; depth < 20 && e instanceof KafkaJSError && e.cause instanceof Error; depth++) e = e.cause;
  return typeof e === 'object' && e !== null ? (e as { retriable?: unknown }) : null;
}

/** An error's name and message, read without trusting it (a getter may throw; it may be no Error at all). */
export function errorText(error: unknown): { name: string; message: string } {
  try {
    if (typeof error === 'object' && error !== null) {
      const e = error as { name?: unknown; message?: unknown };
      const name = typeof e.name === 'string' ? e.name.slice(0, 200) : '';
      const message = typeof e.message === 'string' ? e.message.slice(0, 2000) : String(error).slice(0, 2000);
      return { name, message };
    }
    return { name: '', message: String(error).slice(0, 2000) };
  } catch {
    return { name: '', message: 'an error that cannot be read' };
  }
}
