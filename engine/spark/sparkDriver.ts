/** placeholder */
import type { DriverHost, SparkDriverOutput } from '../sandbox/taskRunner';
export async function runSparkDriver(_fn: (sc: unknown) => unknown, _host: DriverHost, _decode: (b: Uint8Array) => string): Promise<SparkDriverOutput> {
  throw new Error('spark: not yet');
}
