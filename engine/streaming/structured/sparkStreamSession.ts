/**
 * The `spark` a streaming program's functions get (`consume({ spark, sink })`): Spark's session as
 * far as Structured Streaming goes — `readStream`, `functions` (`col`, `window`,
 * `get_json_object`, `count`...) and `streams` (the active queries, awaitAnyTermination).
 */
import { functions } from '../../spark/sql/functions';
import type { KafkaTransport } from '../kafkajs/kafkaCalls';
import { DataStreamReader } from './dataStreamReader';
import type { StreamSession } from './streamingDataFrame';
import type { StreamingQuery } from './streamingQuery';

export interface SparkStreamSession {
  readonly readStream: DataStreamReader;
  readonly functions: typeof functions;
  readonly streams: {
    readonly active: StreamingQuery[];
    awaitAnyTermination(): Promise<void>;
  };
}

export function sparkStreamSession(
  transport: KafkaTransport,
  brokers: readonly string[],
  print: (line: string) => void,
): SparkStreamSession {
  let exprId = 0;
  const session: StreamSession = { transport, print, nextExprId: () => exprId++, queries: [] };
  return Object.freeze({
    get readStream() {
      return new DataStreamReader(session, brokers);
    },
    functions,
    streams: Object.freeze({
      get active() {
        return session.queries.filter((q) => q.isActive);
      },
      awaitAnyTermination: () => Promise.race(session.queries.map((q) => q.awaitTermination().then(() => undefined))),
    }),
  });
}
