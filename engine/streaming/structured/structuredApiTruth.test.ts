/**
 * One truth for Structured Streaming: each runtime object a program reaches from `spark` has
 * exactly the members labs/jobApi/sparkStreaming.d.ts declares (as labs/jobApiTruth.test.ts holds
 * the batch API to its declarations).
 */
import { describe, expect, it } from 'vitest';
import { declaredMembers, JOB_API_PROTOCOL } from '../../../labs/__tests__/jobApiDeclared';
import { kafkaRun, topic } from '../__tests__/kafkaRun';
import { MicroBatchFrame } from './microBatchFrame';
import { sparkStreamSession } from './sparkStreamSession';

const names = (o: unknown) => {
  const out = new Set<string>();
  for (let p = o as object | null; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null)
    for (const n of Object.getOwnPropertyNames(p)) if (!JOB_API_PROTOCOL.has(n)) out.add(n);
  return [...out].sort();
};

describe('labs/jobApi/sparkStreaming.d.ts and the runtime are one truth', () => {
  const declared = declaredMembers();
  const k = kafkaRun([topic('t', 1)]);
  const spark = sparkStreamSession(k.transport, k.host.addresses, () => {});
  const reader = spark.readStream
    .format('kafka')
    .option('kafka.bootstrap.servers', k.host.addresses[0])
    .option('subscribe', 't');
  const df = reader.load();
  const writer = df.writeStream.format('console');
  const objects: [string, unknown][] = [
    ['SparkStreamSession', spark],
    ['DataStreamReader', reader],
    ['StreamingDataFrame', df],
    ['StreamingGroupedData', df.groupBy('topic')],
    ['DataStreamWriter', writer],
    ['StreamingQuery', writer.start()],
    ['StreamingQueryManager', spark.streams],
    ['MicroBatchDataFrame', new MicroBatchFrame([], [], () => {})],
  ];
  it.each(objects)('%s has exactly the declared members', (name, object) => {
    const want = (declared.get(name) ?? []).filter((n) => !JOB_API_PROTOCOL.has(n)).sort();
    expect(want.length).toBeGreaterThan(0);
    expect(names(object)).toEqual(want);
  });
});
