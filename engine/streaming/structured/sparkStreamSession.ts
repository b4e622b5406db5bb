/**
 * The `spark` a streaming program's functions get (`consume({ spark, sink })`): Spark's session as
 * far as Structured Streaming goes — `readStream`, `functions` (`col`, `window`,
 * `get_json_object`, `count`...) and `streams` (the active queries, awaitAnyTermination).
 */
import { functions } from '../../spark/sql/functions';
import type { KafkaTransport } from '../kafkajs/kafkaCalls';
import { DataStreamReader } from './dataStreamReader';
import type { StreamSession } from './streamingDataFrame';
import { whenTerminated, type StreamingQuery } from './streamingQuery';

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
      // Settles when the first query stops (rejects with its error); the other queries forget the wait.
      awaitAnyTermination: () =>
        new Promise<void>((resolve, reject) => {
          const stopped = session.queries.find((q) => !q.isActive);
          if (stopped) {
            const e = stopped.exception();
            return e ? reject(e) : resolve();
          }
          const forget: (() => void)[] = [];
          const done = (f: () => void) => {
            for (const stop of forget) stop();
            f();
          };
          for (const q of session.queries)
            forget.push(whenTerminated(q, { resolve: () => done(resolve), reject: (e) => done(() => reject(e)) }));
        }),
    }),
  });
}
