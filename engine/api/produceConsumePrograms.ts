/**
 * The functions a streaming run calls in a learner's KafkaJS program, as the labs, the app's
 * Streaming tab and `clusterlab stream` all call them: `produce({ records })` once, then
 * `consume({ sink, consumer })` once per consumer (numbered from 1), each only if the file
 * exports it. A file that exports neither is told what to export, by its name.
 */
import { JobSpecError } from '../sandbox/contract/jobCodeError';
import type { KafkaProgram } from '../sandbox/contract';

export function produceConsumePrograms(
  fileName: string,
  records: unknown[],
  consumers: number,
  /** Whether the functions get Spark Structured Streaming (`spark`); a lab's KafkaJS steps do not. */
  spark = true,
): (exported: readonly string[]) => KafkaProgram[] {
  return (exported) => {
    const out: KafkaProgram[] = [];
    if (exported.includes('produce')) out.push({ fn: 'produce', input: { records }, sink: false, spark });
    if (exported.includes('consume'))
      for (let i = 0; i < consumers; i++) out.push({ fn: 'consume', input: { consumer: i + 1 }, sink: true, spark });
    if (out.length === 0)
      throw new JobSpecError(
        fileName,
        `exports ${exported.length > 0 ? exported.join(', ') : 'nothing'}: a streaming program exports the functions the run calls, \`export async function produce({ records })\` and \`export async function consume({ sink })\``,
      );
    return out;
  };
}
