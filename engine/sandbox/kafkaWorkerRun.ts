/**
 * The sandbox worker's side of a streaming run (docs/streaming-design.md): the learner's KafkaJS
 * program, loaded with `import 'kafkajs'` bound to this run's transport, has its functions called
 * (`produce({ records })`, `consume({ sink })`...); whenever every microtask has run (a macrotask
 * boundary the platform provides), the clients opened and the calls made go to the pool as one
 * `kafkaStep`; the simulated Kafka's answers come back as `kafkaAnswers` and settle the calls'
 * promises. A function that throws or rejects ends the run with its error (and line).
 */
import { StepTransport } from '../streaming/kafkaSteps';
import { createSink, kafkajsModule } from '../streaming/kafkajs';
import type { KafkaAnswer } from '../streaming/kafkajs';
import type { KafkaProgram } from './contract/taskRunner';
import { JobSpecError } from './contract/jobCodeError';
import type { SandboxReply } from './sandboxMessages';

type Fn = (arg: unknown) => unknown;

/** KafkaJS's default logger prints a JSON line per entry; the timestamp is the simulated clock's. */
function kafkaLogLine(level: string, message: string, now: number): string {
  let timestamp = String(now);
  try {
    timestamp = (Reflect.construct(Date, [now]) as Date).toISOString();
  } catch {
    // keep the number
  }
  return JSON.stringify({ level, timestamp, logger: 'kafkajs', message });
}

/**
 * `Date` as a streaming program sees it: `Date.now()` and `new Date()` read the simulated clock
 * (ms since 1 January 1970, when the run starts), so the same program, seed and faults give the
 * same run; `new Date(x)`, `Date.parse` and `Date.UTC` are the real ones.
 */
export function simulatedDate(now: () => number): DateConstructor {
  const Real = Date;
  function SimulatedDate(this: unknown, ...args: unknown[]): unknown {
    if (new.target === undefined) return String(Reflect.construct(Real, [now()]));
    return Reflect.construct(Real, args.length === 0 ? [now()] : args);
  }
  Object.defineProperties(SimulatedDate, {
    now: { value: () => now() },
    parse: { value: Real.parse },
    UTC: { value: Real.UTC },
    prototype: { value: Real.prototype },
  });
  return Object.freeze(SimulatedDate) as unknown as DateConstructor;
}

export interface KafkaRunHooks {
  post(reply: SandboxReply): void;
  /** Ends the run with the error a program threw (answered as the request's `failed`). */
  fail(error: unknown): void;
  /** Calls `fn` after a macrotask boundary: every microtask queued before has run. */
  macrotask(fn: () => void): void;
  /** Makes plain data the host sent one of the learner's realm (the CLI's vm context). */
  adopt(value: unknown): unknown;
}

/** One loaded KafkaJS program: its `kafkajs` module and the run of its functions. */
export class KafkaWorkerRun {
  readonly transport: StepTransport;
  readonly module: object;
  private run: { id: number; hooks: KafkaRunHooks } | null = null;

  constructor(
    private readonly fileName: string,
    brokers: readonly string[],
    log: (line: string) => void,
  ) {
    this.transport = new StepTransport(
      (level, message) => log(kafkaLogLine(level, message, this.transport.now())),
      true,
    );
    this.module = kafkajsModule(this.transport, brokers);
  }

  /** Calls the programs' functions (`exported` is the module's exports) and starts the steps. */
  start(id: number, programs: readonly KafkaProgram[], exported: Record<string, unknown>, hooks: KafkaRunHooks): void {
    this.run = { id, hooks };
    const sink = programs.some((p) => p.sink) ? createSink(this.transport) : null;
    for (const p of programs) {
      const fn = exported[p.fn];
      if (typeof fn !== 'function')
        throw new JobSpecError(
          this.fileName,
          `export ${p.fn}: must be a function, such as export async function ${p.fn}(...)`,
        );
      const arg = hooks.adopt(p.input) as Record<string, unknown>;
      if (sink) arg.sink = sink;
      const result = (fn as Fn)(arg);
      // A thenable of the learner's is followed as `await` would; its failure ends the run.
      Promise.resolve(result).then(undefined, (error: unknown) => this.failed(error));
      if (this.run === null) return;
    }
    hooks.macrotask(() => this.step());
  }

  /** The answers to the last step: settles their promises, then posts the next step. */
  answer(id: number, answers: readonly KafkaAnswer[], now: number): void {
    const run = this.run;
    if (!run || run.id !== id) return;
    this.transport.deliver(answers, now);
    run.hooks.macrotask(() => this.step());
  }

  /** The run is over: calls not answered stay so, and the worker says it is done. */
  stop(id: number): void {
    const run = this.run;
    if (!run || run.id !== id) return;
    this.run = null;
    this.transport.drop();
    run.hooks.post({ type: 'kafkaDone', id });
  }

  private step(): void {
    const run = this.run;
    if (!run) return;
    const { opened, calls } = this.transport.take();
    run.hooks.post({ type: 'kafkaStep', id: run.id, opened, calls });
  }

  private failed(error: unknown): void {
    const run = this.run;
    if (!run) return;
    this.run = null;
    this.transport.drop();
    run.hooks.fail(error);
  }
}

/**
 * The functions a KafkaJS program exports by name (no default export, one function or more), in
 * name order; null for any other module (a MapReduce or Spark job).
 */
export function kafkaFunctions(exported: Record<string, unknown>): string[] | null {
  if (exported.default !== undefined) return null;
  const names = Object.keys(exported)
    .filter((k) => k !== '__esModule' && typeof exported[k] === 'function')
    .sort();
  return names.length > 0 ? names : null;
}

/**
 * `require` inside a job (sucrase turns `import ... from 'kafkajs'` into it): ClusterLab's
 * KafkaJS in a streaming run, nothing else anywhere.
 */
export function jobRequire(fileName: string, kafka: KafkaWorkerRun | null): (name: unknown) => unknown {
  return (name: unknown) => {
    if (name === 'kafkajs') {
      if (kafka) return kafka.module;
      throw new JobSpecError(
        fileName,
        "imports 'kafkajs': a KafkaJS program runs with `clusterlab stream` or in a streaming lab, not as a batch job",
      );
    }
    throw new JobSpecError(
      fileName,
      `cannot import '${String(name).slice(0, 100)}': a job can import only 'kafkajs' (its streaming programs); everything else it needs is passed to it`,
    );
  };
}
