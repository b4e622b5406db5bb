/**
 * `clusterlab stream PROGRAM` for a KafkaJS program (a file that imports 'kafkajs'): its
 * `produce({ records })` runs once and its `consume({ sink })` once per consumer, in a sandbox
 * process, against a simulated Kafka (engine/api runKafkaJob); then the ledger, the partitions'
 * logs and lag, the group and the sink are printed. Exit 0 when the program ran, 1 when it threw,
 * a consumer's handler threw until the consumer crashed, or the budget ran out, 2 for bad usage
 * or a program that is not one.
 */
import { runKafkaJob, jsonFieldIdentity, produceConsumePrograms } from '../engine/api';
import { handlerNextText, type KafkaHandlerError } from '../engine/streaming';
import { JobCodeError, JobSpecError, JobTimeoutError, withRunBudget, type JobSource } from '../engine/sandbox';
import { ValidationError } from '../engine/core';
import { UsageError, type CliIo } from './cliIo';
import type { KafkaStreamArgs } from './kafkaStreamArgs';
import { formatKafkaReport } from './kafkaStreamReport';
import { createNodeSandboxPool } from './sandboxPool';
import { oneLine } from './terminalSafeIo';
import type { TraceEvent } from '../engine/core';

export interface KafkaRunArgs {
  seed: number;
  json: boolean;
  timeoutSeconds: number;
}

export async function runKafkaStream(
  source: JobSource,
  args: KafkaRunArgs,
  kafka: KafkaStreamArgs,
  io: CliIo,
): Promise<number> {
  // One worker: the program's functions all run in it, together.
  const pool = await createNodeSandboxPool({
    size: 1,
    timeoutSeconds: args.timeoutSeconds,
    log: (text) => io.err(`${text}\n`),
  });
  const runner = withRunBudget(pool, args.timeoutSeconds, () => performance.now());
  try {
    const report = await runKafkaJob({
      runner,
      source,
      seed: args.seed,
      programs: produceConsumePrograms(source.fileName, kafka.records, kafka.consumers),
      brokers: kafka.brokers,
      topics: kafka.topics,
      untilMs: kafka.durationMs,
      processingMsPerMessage: kafka.processingMs,
      faults: kafka.faults,
      recordId: jsonFieldIdentity(kafka.idField),
      ...(kafka.storeTopic !== null ? { storeTopic: kafka.storeTopic } : {}),
    });
    missingProducer(kafka, report.trace);
    if (args.json) {
      const { trace, ...rest } = report;
      io.out(`${JSON.stringify({ file: source.fileName, seed: args.seed, ...rest, traceEvents: trace.length })}\n`);
    } else io.out(formatKafkaReport(report, source.fileName, args.seed, kafka.idField));
    // A handler that threw is the learner's bug, told as a job's error is (no stack): the run
    // failed when it crashed a consumer; one a retry got past is told and the run still passes.
    for (const e of report.handlerErrors ?? [])
      io.err(`clusterlab stream: ${oneLine(handlerErrorLine(e))}\n  ${oneLine(handlerNextText(e))}\n`);
    return (report.handlerErrors ?? []).some((e) => e.crashes > 0) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // The options are checked before the run (kafkaStreamArgs.ts); should the engine still refuse
    // a fault, the message names the option as given, and the field in the engine's units.
    const fault = error instanceof ValidationError ? /^faults\[(\d+)\](?:\.(\w+))?/.exec(error.path) : null;
    if (error instanceof ValidationError && fault)
      throw new UsageError(
        `${kafka.faultOptions[Number(fault[1])] ?? 'a fault'}: ${fault[2] ? `${fault[2]} ` : ''}${error.problem}`,
      );
    if (error instanceof JobSpecError || error instanceof ValidationError) throw new UsageError(error.message);
    if (error instanceof JobCodeError || error instanceof JobTimeoutError) {
      io.err(`clusterlab stream: program failed: ${oneLine(error.message)}\n`);
      return 1;
    }
    throw error;
  } finally {
    await runner.close();
  }
}

/**
 * A --cut-network naming a producer the run never had would cut nothing: refused (a UsageError)
 * with the producers there were. Producers are numbered as they first send (engine/streaming
 * kafkaFaults.ts), which only the run can tell, so this is checked after it and nothing is printed.
 */
function missingProducer(kafka: KafkaStreamArgs, trace: readonly TraceEvent[]): void {
  let producers = 0;
  for (const e of trace)
    if (e.type === 'producerNumbered' && typeof e.producer === 'number') producers = Math.max(producers, e.producer);
  const i = kafka.faults.findIndex((f) => f.kind === 'cutNetwork' && f.producer > producers);
  const cut = kafka.faults[i];
  if (cut?.kind !== 'cutNetwork') return;
  const had =
    producers === 0
      ? 'no producer sent anything in this run'
      : `the run had ${producers === 1 ? 'producer 1 only' : `producers 1 to ${producers}`}, numbered in the order they first sent`;
  throw new UsageError(`${kafka.faultOptions[i]}: there is no producer ${cut.producer}; ${had}`);
}

/** As `clusterlab run` tells a failed job: "consumer 1's eachMessage failed: job.js:34: TypeError: ... (group g, topic partition 2, offset 0)". */
function handlerErrorLine(e: KafkaHandlerError): string {
  const who = e.consumer === null ? `client ${e.client}` : `consumer ${e.consumer}`;
  const times = e.times > 1 ? `, ${e.times} times` : '';
  return `${who}'s ${e.handler} failed: ${e.where === null ? '' : `${e.where}: `}${e.name}: ${e.message} (group ${e.groupId}, ${e.topic} partition ${e.partition}, offset ${e.offset}${times})`;
}
