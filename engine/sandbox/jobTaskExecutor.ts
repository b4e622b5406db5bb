/**
 * The inside of a sandbox worker, shared by the Node and the browser workers: it evaluates the
 * job module once (the job's "jar"), then runs map tasks, reduce tasks or the Spark driver on
 * request. The runtime-specific parts are passed in: how to evaluate code without Node or DOM
 * globals, how to decode UTF-8, and how to post a message.
 */
import type { SqlEngine } from './contract/sqlEngine';
import { JobResultError, errorToData } from './contract/jobCodeError';
import { LOOP_GUARD, createLoopGuard } from './loopGuard';
import { SPLIT_CALL, createSplitCall } from './regexpSplit';
import { readJobModule, type LoadedJob } from '../mapreduce/jobModule';
import { runMapTask, type MapReduceFunctions } from '../mapreduce/mapTaskCompute';
import { runReduceTask } from '../mapreduce/reduceTaskCompute';
import { packedBuffers } from '../mapreduce/packedGroups';
import { decodeKeepingBom } from '../exec/lineRecordReader';
import { decodeBatch } from './decodeBatch';
import { createHostRequests, runSparkRequest } from './sparkRequest';
import { sparkClosure } from '../spark/taskClosures';
import { SPARK_CLOSURE } from './compile/sparkClosures';
import type { MapTaskInput } from './contract/taskRunner';
import type { SandboxPost, SandboxReply, SandboxRequest } from './sandboxMessages';
import { createConsoleShim } from './consoleShim';
import { BATCH_HOLD_BYTES, heldAfter, mapOutputTooBig } from './mapOutputBudget';
import { packMapReplies } from './packedMapOutputs';
import { KafkaWorkerRun, jobRequire, kafkaFunctions, seededMath, simulatedDate } from './kafkaWorkerRun';
import { callExported, exportedFunctions } from './moduleFunctions';
import { BufferShim } from '../streaming/kafkajs/kafkaBuffer';
import { createRng } from '../core/rng';
import { JobChance } from './jobChance';
import { taskFunctionsOf } from './taskModuleCopy';
import type { KafkaAnswer } from '../streaming/kafkajs';

export interface ExecutorRuntime {
  /**
   * Compiles CommonJS-style code and returns a function that runs it: each call evaluates the
   * module's top level afresh, with new `module` and `exports` objects, and returns its exports
   * (`module.exports`). `bindings` are extra names the code sees (the loop guard, `console` of
   * consoleShim.ts, `require`, a streaming run's `Date`). A MapReduce task runs its own copy, as
   * Hadoop runs each task attempt in a JVM of its own.
   */
  evaluate(code: string, fileName: string, bindings: Record<string, unknown>): () => unknown;
  /** Wall-clock milliseconds (Date.now): the loop guard's clock. */
  now(): number;
  /** Lines added above the learner's code by `evaluate` (0 for vm, 2 for `new Function`). */
  lineOffset: number;
  decodeUtf8(bytes: Uint8Array): string;
  post(message: SandboxPost, transfer?: ArrayBuffer[]): void;
  /**
   * Calls `send` later to post a request's answer (default: at once). The Node sandbox waits one
   * turn of its event loop, so a promise the learner's code left to fail after its work was done
   * fails first and is reported as the run's error, not lost after the answer.
   */
  deferAnswer?(send: () => void): void;
  /**
   * Calls `fn` after a macrotask boundary (every microtask queued before has run), through a
   * reference the learner's code cannot reach: a streaming run's step loop (kafkaWorkerRun.ts)
   * needs it. Absent: this sandbox cannot run KafkaJS programs.
   */
  macrotask?(fn: () => void): void;
  /**
   * Makes a value the engine built (an action's result: arrays, Maps, Sets, Dates, plain objects)
   * one of the learner's realm, when their code runs in a realm of its own (the CLI's `vm`
   * context): `countByValue() instanceof Map` then holds there as in the browser.
   */
  adopt?(value: unknown): unknown;
  /**
   * Opens DuckDB for spark.sql in this sandbox (once; absent: spark.sql says the runner has none).
   */
  sqlEngine?(): Promise<SqlEngine>;
}

/** What of a module call's input its chance depends on: a data generator's `seed`, else nothing. */
function callSeed(input: unknown): string {
  const seed = (input as { seed?: unknown } | null)?.seed;
  return typeof seed === 'number' && Number.isFinite(seed) ? String(seed) : '';
}

type SparkDone = Extract<SandboxReply, { type: 'sparkDone' }>;

export interface JobTaskExecutor {
  handle(message: SandboxRequest): void;
  /**
   * Code of an earlier run is still running in this worker (a callback the browser or V8 called
   * after its run ended: its console, a Spark driver it left behind, an error it threw): it is kept
   * out of the current run, and the pool is told (`stray`, once a run) to retire this worker.
   */
  stray(): void;
}

/** What a job module exports. */
type Exports = Record<string, unknown> | null | undefined;

export function createJobTaskExecutor(runtime: ExecutorRuntime): JobTaskExecutor {
  let job: LoadedJob | null = null;
  /** A KafkaJS program's exports and its run (a streaming load), or null. */
  let kafka: { run: KafkaWorkerRun; exports: Record<string, unknown> | null; fresh: (() => unknown) | null } | null =
    null;
  /** A module of functions' exports (LoadOptions.module), or null. */
  let functions: Record<string, unknown> | null = null;
  let fileName = 'job.js';
  const chance = new JobChance();
  const reseed = (...task: (number | string)[]) => chance.reseed(...task);
  const requests = createHostRequests();
  /** Loads so far: what a run's own code may post (its console, loop notes, driver) goes only while it is the current one. */
  let loads = 0;
  let strayToldAt = -1;
  const stray = (): void => {
    if (strayToldAt === loads) return;
    strayToldAt = loads;
    try {
      runtime.post({ type: 'stray' });
    } catch {
      // Nothing can be sent: the worker stays, and the stray code stays out of the run.
    }
  };
  /** `fn` for the closures of the current load: called after another load, it does nothing but say `stray`. */
  const ofThisLoad = <A extends unknown[]>(fn: (...args: A) => void): ((...args: A) => void) => {
    const own = loads;
    return (...args) => (own === loads ? fn(...args) : stray());
  };

  /**
   * Posts a reply; never throws. A reply that cannot be sent (its data cannot be cloned, or is too
   * deep for the worker's structured clone) becomes a `failed` reply for its task saying so: the
   * learner's values are turned into plain data before this, so that is a last resort.
   */
  /** The replies of the mapBatch being run (posted together when it ends), or null. */
  let batch: { replies: SandboxReply[]; transfer: ArrayBuffer[] } | null = null;
  /** A loop of the learner's was reported during the batch's current task. */
  let loopReported = false;
  const post = (message: SandboxReply, transfer?: ArrayBuffer[]): void => {
    if (message.type !== 'log' && message.type !== 'logDropped') shim.flushDropped();
    // A loop report says what runs now: it cannot wait for the end of a batch that loop holds up.
    if (batch && message.type === 'loop') loopReported = true;
    if (batch && message.type !== 'loop') {
      batch.replies.push(message);
      if (transfer) batch.transfer.push(...transfer);
      return;
    }
    try {
      runtime.post(message, transfer);
    } catch (error) {
      if (!('id' in message) || message.type === 'failed') return;
      const detail = `the sandbox could not send the ${message.type} reply back (${errorToData(error, fileName).detail})`;
      try {
        runtime.post({
          type: 'failed',
          id: message.id,
          error: errorToData(new JobResultError(fileName, null, detail), fileName),
        });
      } catch {
        // Nothing more can be sent: the pool's time budget ends the run.
      }
    }
  };
  /**
   * Posts a batch's replies as one message; if they cannot be cloned together, each on its own
   * (so one task's uncloneable answer becomes that task's `failed` reply, as it would alone).
   */
  const postBatch = (replies: SandboxReply[], transfer: ArrayBuffer[], returned: number[]): void => {
    try {
      // The map outputs go packed (packedMapOutputs.ts): their table's buffer is the one transferred.
      const packed = packMapReplies(replies);
      if (packed === null) runtime.post({ type: 'batch', replies, returned }, transfer);
      else runtime.post({ type: 'batch', ...packed, returned }, [packed.packed.numbers.buffer as ArrayBuffer]);
    } catch {
      for (const reply of replies) post(reply);
      if (returned.length > 0) runtime.post({ type: 'batch', replies: [], returned });
    }
  };
  /** Posts a request's answer (never a log or progress message), when the runtime says. */
  const answer = (message: SandboxReply, transfer?: ArrayBuffer[]): void => {
    // Inside a batch the answer joins the batch, which is deferred as a whole.
    if (batch) post(message, transfer);
    else if (runtime.deferAnswer) runtime.deferAnswer(() => post(message, transfer));
    else post(message, transfer);
  };
  const shim = createConsoleShim(post, stray);
  const fail = (id: number, error: unknown) =>
    answer({ type: 'failed', id, error: errorToData(error, fileName, runtime.lineOffset) });
  const loaded = (): LoadedJob => {
    if (!job) throw new Error('sandbox: no job module loaded');
    return job;
  };
  /** Runs a MapReduce job's module afresh (ExecutorRuntime.evaluate), or null. */
  let taskCopy: (() => unknown) | null = null;
  /** A MapReduce task's functions, from its own run of the module (taskModuleCopy.ts); its console is silent there (the top level printed once, at load). */
  const taskFunctions = (jobIndex: number): MapReduceFunctions => {
    const copy = taskCopy;
    return copy ? taskFunctionsOf(shim.silently(copy), fileName, jobIndex) : loaded().mapreduce[jobIndex]!;
  };
  /** Runs a map task and answers it; returns about how many bytes its answer holds. */
  const mapTask = (id: number, t: MapTaskInput, decoded?: string): number => {
    reseed('map', t.jobIndex, t.taskIndex);
    const fns = taskFunctions(t.jobIndex);
    // Byte-order marks kept: the record reader skips a file's leading one as Hadoop does.
    const text = decoded ?? decodeKeepingBom(t.bytes, runtime.decodeUtf8);
    const output = runMapTask(fns, text, t.baseOffset, t.bytes.length, t.numReduceTasks, t.taskIndex);
    // One task's output past what a whole run may hold fails here, in the learner's terms, before
    // the host would have to take it in (and refuse it as a reply too big to be data).
    const held = heldAfter(output.text?.length ?? 0, output.partitionBytes);
    const tooBig = mapOutputTooBig(fileName, held);
    if (tooBig) throw tooBig;
    answer({ type: 'mapDone', id, output }, packedBuffers(output.partitions));
    return held;
  };

  return {
    stray,
    handle(message) {
      try {
        switch (message.type) {
          case 'load': {
            // Whatever this worker posted before this comes from the run before (sandboxPoolCore.ts).
            runtime.post({ type: 'loading', id: message.id });
            fileName = message.source.fileName;
            loads++;
            shim.reset();
            const console = shim.console;
            const postOwn = ofThisLoad(post);
            const { startedAt, deadline, limitSeconds } = message.clock;
            const guard = createLoopGuard({
              fileName,
              now: runtime.now,
              startedAt,
              deadline,
              limitSeconds: limitSeconds ?? 0,
              onLoop: (line) => postOwn({ type: 'loop', line }),
            });
            const streaming = message.kafka
              ? new KafkaWorkerRun(fileName, message.kafka.brokers, (line) => console.log(line), runtime.lineOffset)
              : null;
            kafka = streaming ? { run: streaming, exports: null, fresh: null } : null;
            // The module's own top level draws the same numbers in every worker.
            reseed('load');
            functions = null;
            const instantiate = runtime.evaluate(message.source.code, fileName, {
              [LOOP_GUARD]: guard,
              [SPARK_CLOSURE]: sparkClosure,
              // Its searchers are this load's own: nothing one program passes reaches the next one's.
              [SPLIT_CALL]: createSplitCall(),
              console,
              require: jobRequire(fileName, streaming),
              // A streaming run is deterministic: its clock is the simulation's, its chance seeded.
              ...(streaming
                ? {
                    Date: simulatedDate(() => streaming.transport.now()),
                    Math: seededMath(createRng(message.kafka!.seed).next),
                    Buffer: BufferShim,
                    ...streaming.timers,
                  }
                : { Math: seededMath(chance.drawFor(loads, () => loads, stray)) }),
            });
            taskCopy = null;
            const exported = instantiate() as Exports;
            if (message.module) {
              functions = exportedFunctions(exported, fileName);
              job = { shape: { kind: 'module', functions: Object.keys(functions) }, mapreduce: [], spark: null };
            } else if (kafka) {
              const names = kafkaFunctions(exported, fileName);
              kafka.exports = exported!;
              kafka.fresh = instantiate;
              job = { shape: { kind: 'kafka', functions: names }, mapreduce: [], spark: null };
            } else {
              job = readJobModule(exported?.default, fileName, exported?.conf);
              if (job.shape.kind === 'mapreduce') taskCopy = instantiate;
            }
            answer({ type: 'loaded', id: message.id, shape: job.shape });
            return;
          }
          case 'kafka': {
            if (!kafka?.exports) throw new Error('sandbox: the job is not a KafkaJS program');
            if (!runtime.macrotask) throw new Error('sandbox: this sandbox cannot run KafkaJS programs');
            const id = message.id;
            const fresh = kafka.fresh!;
            kafka.run.start(id, message.programs, {
              fresh: () => shim.silently(fresh) as Record<string, unknown>,
              post: ofThisLoad(post),
              fail: ofThisLoad((error: unknown) => fail(id, error)),
              macrotask: runtime.macrotask,
              adopt: runtime.adopt ?? ((v) => v),
            });
            return;
          }
          case 'call': {
            if (!functions) throw new Error('sandbox: no module of functions is loaded');
            const id = message.id;
            const input = runtime.adopt ? runtime.adopt(message.input) : message.input;
            reseed('call', message.fn, callSeed(message.input));
            callExported(functions, message.fn, input, fileName).then(
              ofThisLoad((value: unknown) => answer({ type: 'called', id, value })),
              ofThisLoad((error: unknown) => fail(id, error)),
            ); // answer, fail and stray never throw: this promise cannot reject unhandled
            return;
          }
          case 'kafkaAnswers':
            kafka?.run.answer(message.id, message.answers as KafkaAnswer[], message.now);
            return;
          case 'kafkaStop':
            kafka?.run.stop(message.id);
            return;
          case 'map':
            mapTask(message.id, message.task);
            return;
          case 'mapBatch': {
            // Outputs that pile up end the batch early: the tasks not run go back to the pool,
            // whose map output budget sees what came so far before more is computed.
            let held = { replies: [] as SandboxReply[], transfer: [] as ArrayBuffer[] };
            batch = held;
            loopReported = false;
            const returned: number[] = [];
            let heldBytes = 0;
            let next = 0;
            try {
              // Small inputs decoded in one call where that gives each task its own text (decodeBatch.ts).
              const inputs = message.tasks.map((t) => t.task.bytes);
              const texts = inputs.every((b) => b instanceof Uint8Array) ? decodeBatch(inputs, runtime.decodeUtf8) : [];
              for (; next < message.tasks.length; next++) {
                const { id, task } = message.tasks[next]!;
                if (heldBytes >= BATCH_HOLD_BYTES) {
                  returned.push(id);
                  continue;
                }
                try {
                  heldBytes += mapTask(id, task, texts[next]);
                } catch (error) {
                  fail(id, error);
                }
                // A loop was reported during that task: what is done goes now, so that the pool
                // does not take that loop for the next task's (the time limit names its line).
                if (loopReported && held.replies.length > 0) {
                  postBatch(held.replies, held.transfer, []);
                  held = { replies: [], transfer: [] };
                  batch = held;
                  loopReported = false;
                }
              }
            } catch (error) {
              // Not expected (fail never throws): the tasks not answered fail with it, none is lost.
              for (const { id } of message.tasks.slice(next)) fail(id, error);
            } finally {
              batch = null;
            }
            const done = held;
            const send = () => postBatch(done.replies, done.transfer, returned);
            if (runtime.deferAnswer) runtime.deferAnswer(send);
            else send();
            return;
          }
          case 'reduce': {
            const t = message.task;
            reseed('reduce', t.jobIndex, t.taskIndex);
            const output = runReduceTask(taskFunctions(t.jobIndex), t.parts, t.taskIndex);
            answer({ type: 'reduceDone', id: message.id, output });
            return;
          }
          case 'spark': {
            const driver = loaded().spark;
            if (!driver) throw new Error('sandbox: the job is not a Spark job');
            reseed('spark');
            const own = loads;
            const id = message.id;
            const console = shim.console;
            runSparkRequest(driver, message, {
              runtime,
              requests,
              fileName,
              print: (text) => console.log(text),
              post: ofThisLoad(post),
              live: () => own === loads,
              stray,
              done: ofThisLoad((output: SparkDone['output']) => answer({ type: 'sparkDone', id, output })),
              failed: ofThisLoad((error: unknown) => fail(id, error)),
            });
            return;
          }
          case 'hostReply':
            requests.settle(
              message.requestId,
              message.files ? { value: message.files } : { error: message.error ?? 'host request failed' },
            );
            return;
        }
      } catch (error) {
        // A batch answers each of its tasks itself.
        if (message.type !== 'mapBatch') fail(message.id, error);
      }
    },
  };
}
