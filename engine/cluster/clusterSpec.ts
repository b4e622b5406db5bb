/**
 * The cluster spec format: a JSON-able description of racks, nodes, network and cost
 * parameters, and its validator. Node ids are assigned 'n1'..'nN' in rack order, rack ids
 * 'r1'..'rR', so a lab can say "node 3" and mean the same machine every run.
 */
import { LIMITS, ValidationError, check, describeValue, formatCount } from '../core';
import { DEFAULT_COSTS, type CostParams } from './costParams';
import { DEFAULT_ROLES, checkClusterRoles, resolveRoles, type NodeRole } from './nodeRoles';

/** A machine's hardware. */
export interface NodeSpec {
  /** Virtual cores YARN may hand out: 1 to 1,024 (NODE_MAX). */
  cores: number;
  /** Memory YARN may hand out, MB: 1 to 16,777,216 (16 TB, NODE_MAX). */
  memoryMb: number;
  /** Sequential disk bandwidth, MB/s (read and write): above 0, at most 1,000,000 (NODE_MAX). */
  diskMBps: number;
  /**
   * How fast its cores run tasks' code against the cost parameters' reference core (default 1): at
   * 2, CPU work (costs.cpuUsPerRecord, cpuNsPerByte) takes half the time. Start-ups are not scaled.
   */
  cpuSpeed?: number;
}

/** A node's entry, or defaults for nodes: its hardware and the services it runs. */
export interface NodeOptions extends Partial<NodeSpec> {
  /** The Hadoop services it runs (default both): 'datanode' stores blocks, 'nodemanager' runs containers. */
  roles?: NodeRole[];
  /**
   * Its YARN node label (partition), e.g. 'compute' (default none: the default partition). Labels
   * are exclusive, as YARN's are by default: a labelled node runs only containers asked for with its
   * label (spark.yarn.executor.nodeLabelExpression), an unlabelled one only those asked without.
   */
  nodeLabel?: string;
}

export interface RackSpec {
  /** Either a node count (each node from `node` defaults) or one entry per node. */
  nodes: number | NodeOptions[];
  /** Defaults for this rack's nodes. */
  node?: NodeOptions;
}

export interface NetworkSpec {
  /** Bandwidth between two nodes of the same rack, MB/s (a 1 GbE NIC is 125). */
  intraRackMBps: number;
  /** Bandwidth between nodes of different racks, MB/s (lower: the core switch is oversubscribed). */
  crossRackMBps: number;
  /** Bandwidth of a node talking to itself (short-circuit local read / loopback), MB/s. */
  sameNodeMBps: number;
  /** Round-trip set-up latency of a transfer inside a rack, ms. */
  intraRackLatencyMs: number;
  /** Round-trip set-up latency of a transfer across racks, ms. */
  crossRackLatencyMs: number;
}

/** The JSON-able input format for a custom cluster. */
export interface ClusterSpec {
  name?: string;
  racks: RackSpec[];
  /** Defaults for every node. */
  node?: NodeOptions;
  network?: Partial<NetworkSpec>;
  costs?: Partial<CostParams>;
}

/** A node after validation: every field filled in. */
export interface NodeInfo extends NodeSpec {
  id: string;
  /** 0-based position in `ResolvedClusterSpec.nodes`. */
  index: number;
  rack: string;
  rackIndex: number;
  /** The services it runs, once each in NODE_ROLES order ('datanode', 'nodemanager'). */
  roles: NodeRole[];
  cpuSpeed: number;
  /** Its YARN node label; '' for none (the default partition). */
  nodeLabel: string;
}

export interface ResolvedClusterSpec {
  name: string;
  racks: { id: string; nodes: string[] }[];
  nodes: NodeInfo[];
  network: NetworkSpec;
  costs: CostParams;
}

export const DEFAULT_NODE: Required<NodeSpec> = { cores: 8, memoryMb: 16384, diskMBps: 100, cpuSpeed: 1 };

/**
 * The most a node may have: the simulator's limits, beyond the servers a class meets (a few hundred
 * cores, a few TB of memory, NVMe at a few GB/s), small enough that a run never builds a slot per
 * core out of memory (Spark's executors keep one per core) nor sums memory past what a number holds
 * exactly.
 */
export const NODE_MAX = { cores: 1024, memoryMb: 16 * 1024 * 1024, diskMBps: 1_000_000 } as const;

/** The fastest and slowest cpuSpeed: a hundred times the reference core either way. */
export const CPU_SPEED_RANGE = { min: 0.01, max: 100 } as const;

/** A YARN node label: a letter or digit, then letters, digits, '-' and '_' (YARN's rule), at most 64. */
const NODE_LABEL = /^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/;

export const DEFAULT_NETWORK: NetworkSpec = {
  intraRackMBps: 125,
  crossRackMBps: 40,
  sameNodeMBps: 2000,
  intraRackLatencyMs: 0.2,
  crossRackLatencyMs: 0.5,
};

/** The largest dataScale or keyScale: a sample record standing for a billion real ones. */
export const MAX_SCALE = 1e9;

/** At most this many nodes: beyond it a browser UI and the memory budget stop making sense. */
export const MAX_NODES = LIMITS.maxNodes;

/** A node's fields once its entry is merged over the defaults. */
type NodeFields = Required<NodeSpec> & { roles: NodeRole[]; nodeLabel: string };

function cpuSpeedOf(path: string, value: unknown): number {
  const speed = check.positiveNumber(path, value);
  if (speed < CPU_SPEED_RANGE.min || speed > CPU_SPEED_RANGE.max)
    throw new ValidationError(
      path,
      `must be from ${CPU_SPEED_RANGE.min} to ${CPU_SPEED_RANGE.max} (times the reference core), got ${describeValue(value)}`,
    );
  return speed;
}

function nodeLabelOf(path: string, value: unknown): string {
  if (typeof value !== 'string') throw new ValidationError(path, `must be a string, got ${describeValue(value)}`);
  const label = value;
  if (label !== '' && !NODE_LABEL.test(label))
    throw new ValidationError(
      path,
      `a YARN node label starts with a letter or digit and holds only letters, digits, '-' and '_' (at most 64), got ${describeValue(value)}`,
    );
  return label;
}

/** NODE_MAX[field]'s rule in words: `whole` numbers or not, in `unit` ('cores', 'MB', 'MB/s'). */
function nodeRule(field: keyof typeof NODE_MAX, unit: string, whole: boolean): string {
  return whole
    ? `must be a whole number of ${unit} from 1 to ${formatCount(NODE_MAX[field])}`
    : `must be a number of ${unit} above 0, at most ${formatCount(NODE_MAX[field])}`;
}

/** `raw` checked to be a whole (or any) positive number of at most NODE_MAX[field]; the message states the range. */
function nodeValue(path: string, raw: unknown, field: keyof typeof NODE_MAX, unit: string, whole: boolean): number {
  const ok =
    typeof raw === 'number' &&
    Number.isFinite(raw) &&
    raw > 0 &&
    raw <= NODE_MAX[field] &&
    (!whole || Number.isInteger(raw));
  if (!ok) throw new ValidationError(path, `${nodeRule(field, unit, whole)}, got ${describeValue(raw)}`);
  return raw;
}

function nodeFields(path: string, raw: unknown, defaults: NodeFields): NodeFields {
  const obj = check.object(path, raw);
  check.knownKeys(path, obj, ['cores', 'memoryMb', 'diskMBps', 'cpuSpeed', 'roles', 'nodeLabel']);
  const merged = { ...defaults, ...obj };
  return {
    cores: nodeValue(`${path}.cores`, merged.cores, 'cores', 'cores', true),
    memoryMb: nodeValue(`${path}.memoryMb`, merged.memoryMb, 'memoryMb', 'MB', true),
    diskMBps: nodeValue(`${path}.diskMBps`, merged.diskMBps, 'diskMBps', 'MB/s', false),
    cpuSpeed: obj.cpuSpeed === undefined ? defaults.cpuSpeed : cpuSpeedOf(`${path}.cpuSpeed`, obj.cpuSpeed),
    roles: obj.roles === undefined ? defaults.roles : resolveRoles(`${path}.roles`, obj.roles),
    nodeLabel: obj.nodeLabel === undefined ? defaults.nodeLabel : nodeLabelOf(`${path}.nodeLabel`, obj.nodeLabel),
  };
}

/** Validates `raw` (a ClusterSpec from JSON or code) and fills defaults; errors name the field. */
export function resolveClusterSpec(raw: unknown, path = 'cluster'): ResolvedClusterSpec {
  const spec = check.object(path, raw);
  check.knownKeys(path, spec, ['name', 'racks', 'node', 'network', 'costs']);
  const name = spec.name === undefined ? 'custom' : check.string(`${path}.name`, spec.name);
  const builtIn: NodeFields = { ...DEFAULT_NODE, roles: [...DEFAULT_ROLES], nodeLabel: '' };
  const clusterDefaults = spec.node === undefined ? builtIn : nodeFields(`${path}.node`, spec.node, builtIn);
  const racksRaw = check.array(`${path}.racks`, spec.racks);
  if (racksRaw.length === 0) throw new ValidationError(`${path}.racks`, 'must list at least one rack');
  if (racksRaw.length > LIMITS.maxRacks)
    throw new ValidationError(
      `${path}.racks`,
      `at most ${formatCount(LIMITS.maxRacks)} racks, got ${formatCount(racksRaw.length)}`,
    );
  // The node count is checked before any node is built: `{ nodes: 1e9 }` must not allocate first.
  let declared = 0;
  racksRaw.forEach((rackRaw, r) => {
    const count = (rackRaw as { nodes?: unknown } | null)?.nodes;
    const n = typeof count === 'number' ? count : Array.isArray(count) ? count.length : 0;
    if (typeof count === 'number') check.positiveInt(`${path}.racks[${r}].nodes`, count);
    declared += n;
    if (declared > LIMITS.maxNodes)
      throw new ValidationError(
        `${path}.racks`,
        `at most ${formatCount(LIMITS.maxNodes)} nodes in total, got ${formatCount(declared)} (counting racks[0] to racks[${r}])`,
      );
  });
  const racks: ResolvedClusterSpec['racks'] = [];
  const nodes: NodeInfo[] = [];
  racksRaw.forEach((rackRaw, r) => {
    const rpath = `${path}.racks[${r}]`;
    const rack = check.object(rpath, rackRaw);
    check.knownKeys(rpath, rack, ['nodes', 'node']);
    const rackDefaults =
      rack.node === undefined ? clusterDefaults : nodeFields(`${rpath}.node`, rack.node, clusterDefaults);
    // `nodes: 20` (every preset) gives each node the rack's defaults, resolved once: no per-node checks or copies.
    const count = typeof rack.nodes === 'number' ? check.positiveInt(`${rpath}.nodes`, rack.nodes) : undefined;
    if (count === undefined && !Array.isArray(rack.nodes))
      throw new ValidationError(
        `${rpath}.nodes`,
        `must be a number of nodes (like 20) or a list of nodes, got ${describeValue(rack.nodes)}`,
      );
    const entries = count === undefined ? (rack.nodes as unknown[]) : undefined;
    const n = count ?? entries!.length;
    if (n === 0) throw new ValidationError(`${rpath}.nodes`, 'must list at least one node');
    const rackId = `r${r + 1}`;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const fields =
        entries === undefined ? rackDefaults : nodeFields(`${rpath}.nodes[${i}]`, entries[i], rackDefaults);
      const index = nodes.length;
      const id = `n${index + 1}`;
      if (fields.nodeLabel !== '' && !fields.roles.includes('nodemanager'))
        throw new ValidationError(
          `${rpath}.nodes[${i}].nodeLabel`,
          `a YARN node label belongs to a NodeManager, and this node runs none (roles: ${fields.roles.join(', ')}): give it the role 'nodemanager' or no label`,
        );
      // Field by field in NodeInfo's order, not spread: a spread per node was most of building a large spec.
      nodes.push({
        id,
        index,
        rack: rackId,
        rackIndex: r,
        cores: fields.cores,
        memoryMb: fields.memoryMb,
        diskMBps: fields.diskMBps,
        cpuSpeed: fields.cpuSpeed,
        roles: [...fields.roles],
        nodeLabel: fields.nodeLabel,
      });
      ids.push(id);
    }
    racks.push({ id: rackId, nodes: ids });
  });
  checkClusterRoles(`${path}.racks`, nodes);
  const network = { ...DEFAULT_NETWORK };
  if (spec.network !== undefined) {
    const net = check.object(`${path}.network`, spec.network);
    check.knownKeys(`${path}.network`, net, Object.keys(DEFAULT_NETWORK));
    for (const [key, value] of Object.entries(net)) {
      const k = key as keyof NetworkSpec;
      network[k] = k.endsWith('LatencyMs')
        ? check.nonNegativeNumber(`${path}.network.${key}`, value)
        : check.positiveNumber(`${path}.network.${key}`, value);
    }
  }
  const costs = { ...DEFAULT_COSTS };
  if (spec.costs !== undefined) {
    const c = check.object(`${path}.costs`, spec.costs);
    check.knownKeys(`${path}.costs`, c, Object.keys(DEFAULT_COSTS));
    for (const [key, value] of Object.entries(c)) {
      // A scale of 0 would make every byte free, and a combine's share of it undefined; past
      // MAX_SCALE simulated times stop being finite.
      costs[key as keyof CostParams] =
        key === 'dataScale' || key === 'keyScale'
          ? check.positiveNumber(`${path}.costs.${key}`, value)
          : check.nonNegativeNumber(`${path}.costs.${key}`, value);
      if ((key === 'dataScale' || key === 'keyScale') && (value as number) > MAX_SCALE)
        throw new ValidationError(
          `${path}.costs.${key}`,
          `must be at most ${formatCount(MAX_SCALE)}, got ${describeValue(value)}`,
        );
    }
    if (costs.keyScale > costs.dataScale)
      throw new ValidationError(
        `${path}.costs.keyScale`,
        `must be at most dataScale (${costs.dataScale}): a sample key cannot stand for more keys than a sample record stands for records, got ${costs.keyScale}`,
      );
  }
  return { name, racks, nodes, network, costs };
}

/** Throws a ValidationError naming `path` unless `id` is a node of the cluster. */
export function unknownNodeError(path: string, id: unknown, count: number): ValidationError {
  return new ValidationError(path, `unknown node ${describeValue(id)} (nodes are n1..n${count})`);
}
