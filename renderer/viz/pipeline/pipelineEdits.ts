/**
 * The editor helpers' changes to the pipeline file: each takes the file's text and gives the new
 * text (pretty-printed, two spaces), so the file stays the one source of truth the learner can
 * save, load and diff. Keys the helpers do not know (a "cluster" or "faults" the step refuses)
 * are kept as they are, for the run to name. A change the file cannot take throws an Error that
 * says why, in words the form shows.
 */
import { PART_CATALOGUE, type PartType } from '../../../engine/pipeline';
import type { DrawnPipeline } from './readPipelineText';

/** A part's id, as engine/pipeline's validatePipeline accepts it. */
export const PART_ID = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

type Json = Record<string, unknown>;
type PartJson = Json & { id: string; settings?: Json };
type WireJson = Json & { from: string; to: string };

function edit(text: string, change: (file: Json, parts: PartJson[], wires: WireJson[]) => void): string {
  const file = JSON.parse(text) as Json;
  if (typeof file !== 'object' || file === null || !Array.isArray(file.parts))
    throw new Error('the file needs a "parts" list first');
  if (file.wires === undefined) file.wires = [];
  if (!Array.isArray(file.wires)) throw new Error('"wires" is not a list');
  change(file, file.parts as PartJson[], file.wires as WireJson[]);
  return `${JSON.stringify(file, null, 2)}\n`;
}

function partIn(parts: PartJson[], id: string): PartJson {
  const part = parts.find((p) => p.id === id);
  if (!part) throw new Error(`there is no part "${id}"`);
  return part;
}

/** Adds a part with the catalogue's defaults (no settings written); the clients get no machine. */
export function addPart(text: string, part: { id: string; type: PartType; node: string }): string {
  if (!PART_ID.test(part.id))
    throw new Error('an id starts with a letter and has only letters, digits, - and _ (at most 32)');
  return edit(text, (_, parts) => {
    if (parts.some((p) => p.id === part.id)) throw new Error(`there is a part "${part.id}" already`);
    parts.push(part.type === 'clients' ? { id: part.id, type: part.type } : { ...part });
  });
}

/** Removes a part and every wire to or from it. */
export function removePart(text: string, id: string): string {
  return edit(text, (file, parts, wires) => {
    partIn(parts, id);
    file.parts = parts.filter((p) => p.id !== id);
    file.wires = wires.filter((w) => w.from !== id && w.to !== id);
  });
}

export function addWire(text: string, from: string, to: string): string {
  return edit(text, (_, parts, wires) => {
    partIn(parts, from);
    partIn(parts, to);
    if (wires.some((w) => w.from === from && w.to === to)) throw new Error(`${from} already feeds ${to}`);
    wires.push({ from, to });
  });
}

export function removeWire(text: string, from: string, to: string): string {
  return edit(text, (file, _, wires) => {
    if (!wires.some((w) => w.from === from && w.to === to)) throw new Error(`there is no wire from ${from} to ${to}`);
    file.wires = wires.filter((w) => w.from !== from || w.to !== to);
  });
}

/** Sets one setting, or with `undefined` removes it (the part takes the default again). */
export function setPartSetting(text: string, id: string, key: string, value: number | string | undefined): string {
  return edit(text, (_, parts) => {
    const part = partIn(parts, id);
    const settings: Json = typeof part.settings === 'object' && part.settings !== null ? { ...part.settings } : {};
    if (value === undefined) delete settings[key];
    else settings[key] = value;
    if (Object.keys(settings).length > 0) part.settings = settings;
    else delete part.settings;
  });
}

/** Moves a part to another machine. */
export function setPartNode(text: string, id: string, node: string): string {
  return edit(text, (_, parts) => {
    partIn(parts, id).node = node;
  });
}

/** The parts `from` may still be wired to: kinds it may feed, not itself, not wired already, within its fan-out. */
export function wireTargets(pipeline: DrawnPipeline, from: string): string[] {
  const source = pipeline.parts.find((p) => p.id === from);
  if (!source) return [];
  const def = PART_CATALOGUE[source.type];
  const out = pipeline.wires.filter((w) => w.from === from);
  if (out.length >= def.maxFeeds) return [];
  return pipeline.parts
    .filter((p) => p.id !== from && def.feeds.includes(p.type) && !out.some((w) => w.to === p.id))
    .map((p) => p.id);
}

/** A free id for a new part of `type`: its type, then type2, type3, ... */
export function freeId(pipeline: DrawnPipeline, type: PartType): string {
  const taken = new Set(pipeline.parts.map((p) => p.id));
  if (!taken.has(type)) return type;
  let n = 2;
  while (taken.has(`${type}${n}`)) n++;
  return `${type}${n}`;
}
