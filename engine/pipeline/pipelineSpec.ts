/**
 * A pipeline as data: parts placed on the cluster's machines, with settings over their
 * defaults, and wires from part to part; plus the faults a run injects. `validatePipeline` checks
 * every field of hostile input before anything runs and names the one at fault
 * (`parts[2].settings.triggerMs: must be ...`); it returns the pipeline with every default filled.
 */
import { ValidationError, check, describeValue } from '../core';
import { MAX_PARTS, PART_CATALOGUE, PART_TYPES, type PartType, type SettingDef, type Stage } from './partCatalogue';

export interface PipelinePartSpec {
  /** A name of the learner's: letters, digits, - and _ (e.g. `buffer`, `speed-layer`). */
  id: string;
  type: PartType;
  /** The machine it runs on (every part but the clients, which are outside the cluster). */
  node?: string;
  settings?: Record<string, number | string>;
}

export interface PipelineWire {
  from: string;
  to: string;
}

export interface PipelineSpec {
  parts: PipelinePartSpec[];
  wires: PipelineWire[];
}

/** A part after validation: every setting present. */
export interface ResolvedPart {
  id: string;
  type: PartType;
  stage: Stage;
  /** null for the clients. */
  node: string | null;
  settings: Record<string, number | string>;
  /** Its index in `parts`. */
  index: number;
  /** The indexes of the parts it feeds, and of those feeding it. */
  feeds: number[];
  fedBy: number[];
}

export interface ResolvedPipeline {
  parts: ResolvedPart[];
  wires: PipelineWire[];
}

const ID = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
const PART_KEYS = ['id', 'type', 'node', 'settings'];
const WIRE_KEYS = ['from', 'to'];

function setting(path: string, def: SettingDef, value: unknown): number | string {
  if (def.kind === 'choice') return check.oneOf(path, value, def.choices);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < def.min || value > def.max)
    throw new ValidationError(
      path,
      `must be a number from ${def.min.toLocaleString('en-US')} to ${def.max.toLocaleString('en-US')} (${def.unit}), got ${describeValue(value)}`,
    );
  if (def.integer && !Number.isInteger(value))
    throw new ValidationError(path, `must be a whole number of ${def.unit}, got ${describeValue(value)}`);
  return value;
}

/** Checks `raw` against the catalogue and the cluster's machines; fills every default. */
export function validatePipeline(raw: unknown, nodes: readonly string[], path = 'pipeline'): ResolvedPipeline {
  const root = check.object(path, raw);
  check.knownKeys(path, root, ['parts', 'wires']);
  const at = (p: string) => (path === '' ? p : `${path}.${p}`);
  const list = check.array(at('parts'), root.parts);
  if (list.length === 0) throw new ValidationError(at('parts'), 'must list at least the clients and a dashboard');
  if (list.length > MAX_PARTS)
    throw new ValidationError(at('parts'), `has ${list.length} parts; a pipeline may have at most ${MAX_PARTS}`);
  const byId = new Map<string, number>();
  const parts: ResolvedPart[] = list.map((item, index) => {
    const p = `${at('parts')}[${index}]`;
    const o = check.object(p, item);
    check.knownKeys(p, o, PART_KEYS);
    const id = check.string(`${p}.id`, o.id);
    if (!ID.test(id))
      throw new ValidationError(
        `${p}.id`,
        `must start with a letter and hold only letters, digits, - and _ (at most 32), got ${describeValue(id)}`,
      );
    if (byId.has(id)) throw new ValidationError(`${p}.id`, `"${id}" is already the id of parts[${byId.get(id)}]`);
    byId.set(id, index);
    const type = check.oneOf(`${p}.type`, o.type, PART_TYPES);
    const def = PART_CATALOGUE[type];
    let node: string | null = null;
    if (type === 'clients') {
      if (o.node !== undefined)
        throw new ValidationError(`${p}.node`, 'the clients are outside the cluster: give them no node');
    } else {
      if (o.node === undefined)
        throw new ValidationError(
          `${p}.node`,
          `is missing: name the machine ${def.label} runs on (${nodes.join(', ')})`,
        );
      node = check.oneOf(`${p}.node`, o.node, nodes);
    }
    const given = o.settings === undefined ? {} : check.object(`${p}.settings`, o.settings);
    check.knownKeys(`${p}.settings`, given, Object.keys(def.settings));
    const settings: Record<string, number | string> = {};
    for (const [key, sdef] of Object.entries(def.settings))
      settings[key] = given[key] === undefined ? sdef.default : setting(`${p}.settings.${key}`, sdef, given[key]);
    return { id, type, stage: def.stage, node, settings, index, feeds: [], fedBy: [] };
  });
  const wires = check.array(at('wires'), root.wires).map((item, i): PipelineWire => {
    const p = `${at('wires')}[${i}]`;
    const o = check.object(p, item);
    check.knownKeys(p, o, WIRE_KEYS);
    const from = check.string(`${p}.from`, o.from);
    const to = check.string(`${p}.to`, o.to);
    const a = byId.get(from);
    const b = byId.get(to);
    const ids = [...byId.keys()].join(', ');
    if (a === undefined) throw new ValidationError(`${p}.from`, `no part has the id "${from}" (parts: ${ids})`);
    if (b === undefined) throw new ValidationError(`${p}.to`, `no part has the id "${to}" (parts: ${ids})`);
    const pa = parts[a]!;
    const pb = parts[b]!;
    const allowed = PART_CATALOGUE[pa.type].feeds;
    if (!allowed.includes(pb.type))
      throw new ValidationError(
        `${p}.to`,
        allowed.length === 0
          ? `${PART_CATALOGUE[pa.type].label} is where events end: it feeds nothing`
          : `${PART_CATALOGUE[pa.type].label} cannot feed ${PART_CATALOGUE[pb.type].label}; it feeds ${allowed.map((t) => PART_CATALOGUE[t].label).join(', ')}`,
      );
    if (pa.feeds.includes(b)) throw new ValidationError(p, `"${from}" is already wired to "${to}"`);
    pa.feeds.push(b);
    pb.fedBy.push(a);
    return { from, to };
  });
  checkShape(parts, at);
  return { parts, wires };
}

/** Settings that only mean something together: trends need Zipf's popularity, wear needs the pumps' readings. */
function checkClients(c: ResolvedPart, where: string): void {
  const set = c.settings;
  if ((set.trendEveryMs as number) > 0 && set.popularity !== 'zipf')
    throw new ValidationError(
      `${where}.trendEveryMs`,
      'changes which keys are the most popular: it needs "popularity": "zipf"',
    );
  for (const key of ['wearFromMs', 'wearPerHour', 'wearingKeys'])
    if ((set[key] as number) > 0 && set.values !== 'pumps')
      throw new ValidationError(`${where}.${key}`, 'is about pumps wearing: it needs "values": "pumps"');
  if ((set.wearingKeys as number) > (set.keys as number))
    throw new ValidationError(
      `${where}.wearingKeys`,
      `is ${set.wearingKeys as number}, more than the ${set.keys as number} keys (pumps) the clients have`,
    );
}

/** A trending row ranks counts: its store must be written by a Spark job counting by key. */
function checkShown(p: ResolvedPart, parts: ResolvedPart[], where: string): void {
  if (p.type !== 'dashboard' || p.settings.show !== 'trending') return;
  const store = parts[p.fedBy[0]!];
  if (!store) return;
  const counts = store.fedBy.some((i) => {
    const w = parts[i]!;
    return (w.type === 'spark-batch' || w.type === 'spark-streaming') && w.settings.op === 'countByKey';
  });
  if (!counts)
    throw new ValidationError(
      `${where}.settings.show`,
      `"${p.id}" shows a trending row, but no Spark job counting by key (op countByKey) writes "${store.id}": there is nothing to rank`,
    );
}

/** A training job deploys models to model serving only, and trains on readings the clients send. */
function checkModels(p: ResolvedPart, parts: ResolvedPart[], clients: ResolvedPart, where: string): void {
  if (p.type === 'model-serving' && p.settings.onDrift === 'retrain') {
    const trainers = p.fedBy.filter(
      (i) => parts[i]!.type === 'spark-batch' && parts[i]!.settings.op === 'trainRegression',
    );
    if (trainers.length === 0)
      throw new ValidationError(
        `${where}.settings.onDrift`,
        `"${p.id}" would have a model trained on drift, but no training job (spark-batch, op trainRegression) deploys to it`,
      );
  }
  if (p.type !== 'spark-batch') return;
  const trains = p.settings.op === 'trainRegression';
  for (const i of p.feeds) {
    const to = parts[i]!;
    if (trains && to.type !== 'model-serving')
      throw new ValidationError(
        where,
        `"${p.id}" trains a model (op trainRegression): it deploys to model serving, not to "${to.id}" (${PART_CATALOGUE[to.type].label})`,
      );
    if (!trains && to.type === 'model-serving')
      throw new ValidationError(
        where,
        `"${p.id}" writes ${p.settings.op === 'raw' ? 'events' : 'counts'}; only a job whose op is trainRegression deploys models to "${to.id}"`,
      );
  }
  if (trains && clients.settings.values !== 'pumps')
    throw new ValidationError(
      where,
      `"${p.id}" trains on readings, but the clients' events carry none: give "${clients.id}" the setting "values": "pumps"`,
    );
}

/** One clients part, a dashboard, every part reached from the clients, only stores and dashboards at the ends, no loops. */
function checkShape(parts: ResolvedPart[], at: (p: string) => string): void {
  const clients = parts.filter((p) => p.type === 'clients');
  if (clients.length !== 1)
    throw new ValidationError(
      at('parts'),
      clients.length === 0 ? 'has no part of type "clients": nothing sends events' : 'has more than one "clients" part',
    );
  if (!parts.some((p) => p.type === 'dashboard'))
    throw new ValidationError(at('parts'), 'has no part of type "dashboard": no event is ever displayed');
  for (const p of parts) {
    const where = `${at('parts')}[${p.index}]`;
    if (p.type !== 'clients' && p.fedBy.length === 0)
      throw new ValidationError(where, `"${p.id}" gets nothing: no wire leads to it`);
    // A store may be where events rest (the data lake keeps everything); any other part hands on.
    if (p.stage !== 'display' && p.stage !== 'store' && p.feeds.length === 0)
      throw new ValidationError(where, `"${p.id}" feeds nothing: add a wire from it`);
    const maxFeeds = PART_CATALOGUE[p.type].maxFeeds;
    if (p.feeds.length > maxFeeds)
      throw new ValidationError(
        where,
        `"${p.id}" (${PART_CATALOGUE[p.type].label}) feeds ${p.feeds.length} parts; it may feed ${maxFeeds === 1 ? 'one' : `at most ${maxFeeds}`}`,
      );
    if (PART_CATALOGUE[p.type].input === 'pull' && p.type !== 'dashboard' && p.fedBy.length > 1)
      throw new ValidationError(where, `"${p.id}" reads one source; ${p.fedBy.length} wires lead to it`);
    if (p.fedBy.length > 1 && p.fedBy.some((i) => parts[i]!.type === 'kafka'))
      throw new ValidationError(where, `"${p.id}" reads Kafka; it cannot take events pushed by other parts too`);
    if (p.type === 'dashboard' && p.fedBy.length > 1)
      throw new ValidationError(where, `"${p.id}" reads one store; ${p.fedBy.length} wires lead to it`);
    checkModels(p, parts, clients[0]!, where);
    checkShown(p, parts, where);
  }
  checkClients(clients[0]!, `${at('parts')}[${clients[0]!.index}].settings`);
  // Loops: a depth-first walk from every part.
  const state = new Uint8Array(parts.length);
  const visit = (i: number, trail: number[]): void => {
    if (state[i] === 2) return;
    if (state[i] === 1) {
      const loop = [...trail.slice(trail.indexOf(i)), i].map((j) => parts[j]!.id).join(' → ');
      throw new ValidationError(at('wires'), `they make a loop (${loop}): a pipeline must run one way`);
    }
    state[i] = 1;
    for (const j of parts[i]!.feeds) visit(j, [...trail, i]);
    state[i] = 2;
  };
  parts.forEach((_, i) => visit(i, []));
  const src = clients[0]!;
  const reached = new Set<number>([src.index]);
  const queue = [src.index];
  while (queue.length > 0)
    for (const j of parts[queue.shift()!]!.feeds)
      if (!reached.has(j)) {
        reached.add(j);
        queue.push(j);
      }
  for (const p of parts)
    if (!reached.has(p.index))
      throw new ValidationError(`${at('parts')}[${p.index}]`, `"${p.id}" is not on a path from the clients`);
}
