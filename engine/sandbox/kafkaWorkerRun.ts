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
import { sparkStreamSession } from '../streaming/structured';
import { simulatedTimers, type SimulatedTimers } from './simulatedTimers';
import type { KafkaAnswer } from '../streaming/kafkajs';
import type { KafkaProgram } from './contract/taskRunner';
import { JobSpecError, findLine } from './contract/jobCodeError';
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
 * same run; `new Date(x)`, `Date.parse` and `Date.UTC` are the real ones. Its instances are real
 * Dates whose constructor is this one, and it can be extended (`class Stamp extends Date`).
 */
export function simulatedDate(now: () => number): DateConstructor {
  const Real = Date;
  function SimulatedDate(this: unknown, ...args: unknown[]): unknown {
    if (new.target === undefined) return String(Reflect.construct(Real, [now()]));
    return Reflect.construct(Real, args.length === 0 ? [now()] : args, new.target);
  }
  const prototype = Object.create(Real.prototype, {
    constructor: { value: SimulatedDate, writable: true, configurable: true },
  }) as object;
  Object.defineProperties(SimulatedDate, {
    now: { value: () => now() },
    parse: { value: Real.parse },
    UTC: { value: Real.UTC },
    prototype: { value: Object.freeze(prototype) },
  });
  return Object.freeze(SimulatedDate) as unknown as DateConstructor;
}

/**
 * `Math` as a streaming program sees it: the real one, except that `Math.random()` draws from the
 * run's seeded generator, so the same program and seed give the same run.
 */
export function seededMath(random: () => number): Math {
  const out = Object.create(Object.getPrototypeOf(Math) as object) as Record<PropertyKey, unknown>;
  for (const key of Reflect.ownKeys(Math))
    if (key !== 'random') Object.defineProperty(out, key, Reflect.getOwnPropertyDescriptor(Math, key)!);
  Object.defineProperty(out, 'random', { value: random, writable: false, enumerable: false, configurable: false });
  return Object.freeze(out) as unknown as Math;
}

/** The `spark` of a lab step whose consumers are KafkaJS consumers: each use says why it is not there. */
const NO_SPARK = Object.freeze(
  Object.defineProperties(
    {},
    Object.fromEntries(
      ['readStream', 'functions', 'streams'].map((name) => [
        name,
        {
          enumerable: true,
          get() {
            throw new Error(
              `spark.${name}: this step's consumers are KafkaJS consumers (consumer.run with eachMessage or eachBatch); Spark Structured Streaming is for the windows step and the sandbox's Streaming tab`,
            );
          },
        },
      ]),
    ),
  ),
);

export interface KafkaRunHooks {
  post(reply: SandboxReply): void;
  /** Ends the run with the error a program threw (answered as the request's `failed`). */
  fail(error: unknown): void;
  /** Calls `fn` after a macrotask boundary: every microtask queued before has run. */
  macrotask(fn: () => void): void;
  /** Makes plain data the host sent one of the learner's realm (the CLI's vm context). */
  adopt(value: unknown): unknown;
  /**
   * The module's exports from a run of its top level of its own: each program call is a process
   * of its own, as a producer and each consumer of a group are, so nothing one keeps in module
   * variables reaches another (or outlives a crash).
   */
  fresh(): Record<string, unknown>;
}

/** One loaded KafkaJS program: its `kafkajs` module and the run of its functions. */
export class KafkaWorkerRun {
  readonly transport: StepTransport;
  readonly module: object;
  /** setTimeout and setInterval on the simulated clock, for the program's realm. */
  readonly timers: SimulatedTimers;
  private run: { id: number; hooks: KafkaRunHooks } | null = null;

  constructor(
    private readonly fileName: string,
    private readonly brokers: readonly string[],
    private readonly log: (line: string) => void,
    /** Lines the evaluation puts above the learner's code (ExecutorRuntime.lineOffset). */
    lineOffset: number,
  ) {
    const where = (error: unknown): string | null => {
      let stack = '';
      try {
        const s = (error as { stack?: unknown } | null)?.stack;
        if (typeof s === 'string') stack = s;
      } catch {
        return null;
      }
      const line = findLine(stack, fileName, lineOffset);
      return line === null ? null : `${fileName}:${line}`;
    };
    this.transport = new StepTransport(
      (level, message) => log(kafkaLogLine(level, message, this.transport.now())),
      true,
      where,
      (error) => this.failed(error),
    );
    this.module = kafkajsModule(this.transport, brokers);
    this.timers = simulatedTimers(this.transport);
  }

  /** Calls the programs' functions, each in its own run of the module (hooks.fresh), and starts the steps. */
  start(id: number, programs: readonly KafkaProgram[], hooks: KafkaRunHooks): void {
    this.run = { id, hooks };
    const sink = programs.some((p) => p.sink) ? createSink(this.transport) : null;
    const spark = sparkStreamSession(this.transport, this.brokers, this.log);
    for (const [index, p] of programs.entries()) {
      // Clients its top level opens belong to this program's process too.
      this.transport.program = index + 1;
      let exported: Record<string, unknown>;
      try {
        exported = hooks.fresh();
      } finally {
        this.transport.program = null;
      }
      const fn = (exported as Record<string, unknown> | null | undefined)?.[p.fn];
      if (typeof fn !== 'function')
        throw new JobSpecError(
          this.fileName,
          `export ${p.fn}: must be a function, such as export async function ${p.fn}(...)`,
        );
      const arg = hooks.adopt(p.input) as Record<string, unknown>;
      if (sink) arg.sink = sink;
      arg.spark = p.spark === false ? NO_SPARK : spark;
      // The clients this call opens before its first await are its own (a crash takes them all).
      this.transport.program = index + 1;
      let result: unknown;
      try {
        result = (fn as Fn)(arg);
      } finally {
        this.transport.program = null;
      }
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
 * The functions a KafkaJS program exports by name, in name order (a streaming run calls them);
 * a JobSpecError when it exports none.
 */
export function kafkaFunctions(exported: Record<string, unknown> | null | undefined, fileName: string): string[] {
  const names = Object.keys(exported ?? {})
    .filter((k) => k !== '__esModule' && k !== 'default' && typeof exported![k] === 'function')
    .sort();
  if (names.length === 0 && exported?.default !== undefined)
    throw new JobSpecError(
      fileName,
      "is a batch job (it has a default export), not a KafkaJS program: a streaming run calls the functions the file exports, such as export async function produce({ records }) and consume({ sink }), with import { Kafka } from 'kafkajs'",
    );
  if (names.length === 0)
    throw new JobSpecError(
      fileName,
      'exports no function: a KafkaJS program exports the functions the run calls, such as export async function produce({ records }) and export async function consume({ sink })',
    );
  return names;
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
    // An Error of the program's own: its stack names the line of the require.
    throw new Error(
      `Cannot find module '${String(name).slice(0, 100)}': a job can import only 'kafkajs' (in a streaming program)`,
    );
  };
}
