/** Parses `clusterlab run` arguments; every mistake is a UsageError naming the flag and value. */
import { UsageError } from './cliIo';

export interface RunArgs {
  job: string;
  puts: { local: string; dfs: string }[];
  nodes: number | null;
  cluster: string | null;
  seed: number;
  blockSize: number | null;
  failNodes: { node: number; atMs: number }[];
  timeoutSeconds: number;
  json: boolean;
  workers: number | null;
  speculation: boolean;
}

export const RUN_USAGE = `Usage: clusterlab run JOB [--put LOCAL_FILE:DFS_PATH]... [--nodes N] [--cluster PRESET|FILE]
                      [--seed S] [--block-size SIZE] [--fail-node I@MS] [--timeout SEC] [--json]

  JOB                 a MapReduce or Spark job file (.js or .ts), from any folder
  --put L:D           put local file L into HDFS at D before the job (repeatable)
  --nodes N           a cluster of N identical nodes (instead of --cluster)
  --cluster P|FILE    a preset (classroom, cookbook-9, two-racks) or a JSON cluster spec file (default classroom)
  --seed S            seed of the simulation (default 1)
  --block-size SIZE   HDFS block size: bytes, or with k/m/g (default 128m)
  --fail-node I@MS    kill node I (1-based) at simulated millisecond MS (repeatable)
  --timeout SEC       wall-clock budget for the learner's code (default 120)
  --json              print one JSON object {result, simulatedMs, metrics}
  --speculation       enable speculative execution of stragglers

Missing inputs /data/sensors.csv, /data/corpus.txt, /data/pages.txt and /data/graph.txt are
generated (deterministic sample data) unless put.
`;

export function parseSize(flag: string, text: string): number {
  const m = /^(\d+)([kmg]?)b?$/i.exec(text.trim());
  if (!m) throw new UsageError(`${flag}: expected bytes or a size like 64k, 4m, 1g, got '${text}'`);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  const n = Number(m[1]) * mult;
  if (n < 1) throw new UsageError(`${flag}: must be at least 1 byte, got '${text}'`);
  return n;
}

function positiveInt(flag: string, text: string | undefined): number {
  const n = Number(text);
  if (text === undefined || !Number.isInteger(n) || n < 1)
    throw new UsageError(`${flag}: expected a positive integer, got '${text ?? ''}'`);
  return n;
}

export function parseRunArgs(argv: string[]): RunArgs | 'help' {
  const args: RunArgs = {
    job: '',
    puts: [],
    nodes: null,
    cluster: null,
    seed: 1,
    blockSize: null,
    failNodes: [],
    timeoutSeconds: 120,
    json: false,
    workers: null,
    speculation: false,
  };
  const rest = [...argv];
  while (rest.length > 0) {
    const a = rest.shift()!;
    const value = () => {
      const v = rest.shift();
      if (v === undefined) throw new UsageError(`${a}: missing value`);
      return v;
    };
    switch (a) {
      case '-h':
      case '--help':
        return 'help';
      case '--json':
        args.json = true;
        break;
      case '--speculation':
        args.speculation = true;
        break;
      case '--put': {
        const v = value();
        const i = v.lastIndexOf(':');
        if (i <= 0 || !v.slice(i + 1).startsWith('/'))
          throw new UsageError(`--put: expected LOCAL_FILE:/dfs/path, got '${v}'`);
        args.puts.push({ local: v.slice(0, i), dfs: v.slice(i + 1) });
        break;
      }
      case '--nodes':
        args.nodes = positiveInt(a, value());
        break;
      case '--cluster':
        args.cluster = value();
        break;
      case '--seed': {
        const v = value();
        if (!/^-?\d+$/.test(v)) throw new UsageError(`--seed: expected an integer, got '${v}'`);
        args.seed = Number(v);
        break;
      }
      case '--block-size':
        args.blockSize = parseSize(a, value());
        break;
      case '--fail-node': {
        const v = value();
        const m = /^(\d+)@(\d+(?:\.\d+)?)$/.exec(v);
        if (!m || Number(m[1]) < 1)
          throw new UsageError(`--fail-node: expected I@MS (1-based node, simulated ms), got '${v}'`);
        args.failNodes.push({ node: Number(m[1]), atMs: Number(m[2]) });
        break;
      }
      case '--timeout': {
        const v = value();
        const n = Number(v);
        if (!(n > 0) || !Number.isFinite(n)) throw new UsageError(`--timeout: expected seconds > 0, got '${v}'`);
        args.timeoutSeconds = n;
        break;
      }
      case '--workers':
        args.workers = positiveInt(a, value());
        break;
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'`);
        if (args.job) throw new UsageError(`only one job file, got '${args.job}' and '${a}'`);
        args.job = a;
    }
  }
  if (!args.job) throw new UsageError('missing the job file (clusterlab run JOB ...)');
  if (args.nodes !== null && args.cluster !== null) throw new UsageError('--nodes and --cluster: give one of them');
  return args;
}
