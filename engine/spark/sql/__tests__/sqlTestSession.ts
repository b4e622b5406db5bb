/** A SparkSession over in-memory files, for the engine's DataFrame tests (no simulation). */
import { decodeUtf8, encodeUtf8 } from '../../../core';
import { errorToData } from '../../../sandbox/contract/jobCodeError';
import { SparkRuntime } from '../../sparkRuntime';
import { createSparkSession } from '../sparkSession';

export function testSession(files: Record<string, string> = {}) {
  const bytes = new Map(Object.entries(files).map(([p, t]) => [p, encodeUtf8(t)]));
  const catalog = [...bytes].map(([path, b]) => ({ path, length: b.length, blockSize: 1 << 20 }));
  const rt = new SparkRuntime(
    catalog,
    async (path) => [{ path, bytes: bytes.get(path)!, blockSize: 1 << 20 }],
    decodeUtf8,
    (e) => errorToData(e, 'job.js'),
  );
  const printed: string[] = [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the learner's untyped view of the session
  const spark = createSparkSession(rt, null, (t) => printed.push(t)) as any;
  return { rt, spark, printed };
}
