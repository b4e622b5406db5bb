/**
 * The two RDD transformations of Spark's guide that hand a partition to something else as a
 * whole: pipe (an external program per partition; here the simulated Unix tools of
 * pipeCommands.ts) and repartitionAndSortWithinPartitions (one shuffle that both partitions and
 * sorts, cheaper than repartition then sort, as the guide says).
 */
import { compareKeys } from '../exec/keyOrder';
import { elementText } from './elementText';
import { FunctionPartitioner, HashPartitioner } from './hashPartitioner';
import { runPipeProgram, tokenizeCommand } from './pipeCommands';
import type { Rdd } from './rdd';
import { asPairs, atSite, boolArg, describeArg, optFnArg, optPartitions, keyFnArg } from './rddArgs';

/** The program and its arguments: a command string (split on whitespace, as Spark does) or an array. */
function commandArg(command: unknown): string[] {
  if (typeof command === 'string' && command.trim() !== '') return tokenizeCommand(command);
  if (Array.isArray(command) && command.length > 0 && command.every((c) => typeof c === 'string'))
    return [...(command as string[])];
  throw new TypeError(
    `pipe(command): the command must be a program and its arguments, as a string like 'grep -v error' or an array like ['grep', '-v', 'error'], got ${describeArg(command)}`,
  );
}

function envArg(env: unknown): void {
  if (env === undefined || env === null) return;
  const ok =
    typeof env === 'object' &&
    !Array.isArray(env) &&
    Object.values(env as Record<string, unknown>).every((v) => typeof v === 'string');
  if (!ok)
    throw new TypeError(
      `pipe(command, env): env must be an object of environment variables with string values, got ${describeArg(env)}`,
    );
}

/**
 * Spark's RDD.pipe: each partition's elements, one per line (as saveAsTextFile writes them), go
 * to the program's standard input; each line it prints becomes an element. A program that exits
 * with a non-zero status fails the task, as in Spark (so `grep` fails on a partition where nothing
 * matches).
 */
export function pipe(rdd: Rdd, command: unknown, env?: unknown): Rdd {
  const argv = commandArg(command);
  envArg(env);
  return rdd.narrow('pipe', (rows, _p, site) => {
    const run = runPipeProgram(
      argv,
      // Each element's toString as saveAsTextFile writes it (PipedRDD prints a null as `null`), then
      // a line break: one with \n in it is several lines.
      rows.flatMap((x) => elementText(x).split('\n')),
    );
    if (run.status !== 0)
      throw atSite(
        new Error(
          `Subprocess exited with status ${run.status}. Command ran: ${argv.join(' ')}${run.stderr ? ` (it printed: ${run.stderr})` : ''}`,
        ),
        site,
      );
    return run.out;
  });
}

/**
 * Spark's repartitionAndSortWithinPartitions(numPartitions, partitionFunc, ascending, keyfunc)
 * (PySpark's arguments; Scala takes a Partitioner): one shuffle places each pair by its key and
 * sorts each partition by key, so partitions are sorted inside but not across each other.
 */
export function repartitionAndSortWithinPartitions(
  rdd: Rdd,
  numPartitions?: unknown,
  partitionFunc?: unknown,
  ascending?: unknown,
  keyfunc?: unknown,
): Rdd {
  const method = 'repartitionAndSortWithinPartitions';
  const n = optPartitions(method, numPartitions) ?? rdd.numPartitions;
  const f = optFnArg<(k: unknown) => unknown>(method, 'partitionFunc', partitionFunc);
  const asc = boolArg(method, 'ascending', ascending, true);
  const kf = keyFnArg<(k: unknown) => unknown>(method, 'keyfunc', keyfunc) ?? ((k: unknown) => k);
  const partitioner = f ? new FunctionPartitioner(n, f) : new HashPartitioner(n);
  const shuffled = rdd.rt.shuffle(rdd, partitioner, null, method);
  const dir = asc ? 1 : -1;
  return shuffled.narrow(
    'sortWithinPartitions',
    (rows, _p, site) =>
      asPairs(rows, method, site)
        .map((pair) => [kf(pair[0]), pair] as const)
        .sort((a, b) => dir * compareKeys(a[0], b[0]))
        .map(([, pair]) => pair),
    true,
  );
}
