/**
 * The store a lab hands to the learner's consumers (`consume({ sink })`): ClusterLab's, not
 * KafkaJS's (a real job would write to a database). `put(key, value)` upserts, `append(value)`
 * adds a row, `get(key)` reads one; values are text (JSON.stringify an object first).
 */
import { KafkaJSNonRetriableError } from './kafkaErrors';
import type { KafkaTransport } from './kafkaCalls';
import { isBytes, textOf } from './kafkaBuffer';
import { KAFKA_LIMITS } from '../kafkaLimits';

export interface ClusterLabSink {
  put(key: string | Uint8Array, value: string | Uint8Array): Promise<void>;
  append(value: string | Uint8Array): Promise<void>;
  get(key: string | Uint8Array): Promise<string | null>;
}

function text(what: string, v: unknown): string {
  if (typeof v === 'string' || isBytes(v)) {
    const t = textOf(v);
    if (t.length > KAFKA_LIMITS.messageChars)
      throw new KafkaJSNonRetriableError(
        `sink: the ${what} holds ${t.length} characters; a row's key or value may hold at most ${KAFKA_LIMITS.messageChars}`,
      );
    return t;
  }
  throw new KafkaJSNonRetriableError(
    `sink: the ${what} must be a string or a Buffer, not ${v === null ? 'null' : typeof v} (JSON.stringify an object first)`,
  );
}

export function createSink(transport: KafkaTransport): ClusterLabSink {
  const client = transport.open('sink', 'sink');
  return Object.freeze({
    async put(key: string | Uint8Array, value: string | Uint8Array): Promise<void> {
      await transport.call(client, { op: 'sinkPut', key: text('key', key), value: text('value', value) });
    },
    async append(value: string | Uint8Array): Promise<void> {
      await transport.call(client, { op: 'sinkAppend', value: text('value', value) });
    },
    async get(key: string | Uint8Array): Promise<string | null> {
      return (await transport.call(client, { op: 'sinkGet', key: text('key', key) })) as string | null;
    },
  });
}
