/**
 * What a Spark driver in a sandbox worker asks its host for while it runs: files to read (the
 * host's catalog), and what it reports (its progress).
 * An answer goes back to the worker if it is still alive when it is ready. Also a streaming
 * program's steps, which the simulated Kafka answers.
 */
import { JobResultError } from './contract/jobCodeError';
import type { DriverHost, KafkaStepper } from './contract/taskRunner';
import type { WorkerEndpoint } from './poolPlatform';
import type { Run } from './poolState';
import type { SandboxReply } from './sandboxMessages';

/**
 * A Spark driver's progress report (taken into `run`: true, the pool reports it) or request for
 * files (served: false).
 */
export function serveDriverRequest(
  run: Run,
  endpoint: WorkerEndpoint,
  alive: () => boolean,
  host: DriverHost,
  reply: Extract<SandboxReply, { type: 'sparkProgress' | 'hostRequest' }>,
): boolean {
  if (reply.type === 'sparkProgress') {
    run.spark = { job: reply.job.slice(0, 120), done: reply.done, total: reply.total };
    return true;
  }
  serveHostRequest(endpoint, alive, host, reply);
  return false;
}

/**
 * A streaming run's step: the simulated Kafka applies its calls and answers, within the run's
 * budget (`checkBudget` throws its failure: its clock may run far ahead in one step); the run
 * ends when the stepper says so. Returns the error that fails the run, if any.
 */
export function answerKafkaStep(
  run: Run,
  endpoint: WorkerEndpoint,
  stepper: KafkaStepper,
  reply: Extract<SandboxReply, { type: 'kafkaStep' }>,
  checkBudget: () => void,
): Error | null {
  let out: ReturnType<KafkaStepper['step']>;
  try {
    checkBudget();
    out = stepper.step(reply.opened, reply.calls);
  } catch (error) {
    return error instanceof Error ? error : new JobResultError(run.fileName, null, String(error));
  }
  endpoint.post(
    out === null
      ? { type: 'kafkaStop', id: reply.id }
      : { type: 'kafkaAnswers', id: reply.id, answers: out.answers, now: out.now },
  );
  return null;
}

export function serveHostRequest(
  endpoint: WorkerEndpoint,
  alive: () => boolean,
  host: DriverHost,
  reply: Extract<SandboxReply, { type: 'hostRequest' }>,
): void {
  const answer = (files: Awaited<ReturnType<DriverHost['readFiles']>> | null, error: string | null) => {
    if (alive()) endpoint.post({ type: 'hostReply', id: reply.id, requestId: reply.requestId, files, error });
  };
  host.readFiles(reply.path).then(
    (files) => answer(files, null),
    (error: unknown) => answer(null, error instanceof Error ? error.message : 'the file could not be read'),
  );
}
