/**
 * The learner's pipeline file as the diagram reads it while they type: JSON.parse in a try, then
 * only the shape the diagram needs (parts with an id and a known type, wires between ids). It does
 * not judge settings or machines (the run does that, engine/pipeline's validatePipeline); it says
 * why a file cannot be drawn, in the page's language (read the file again when it changes).
 */
import { PART_CATALOGUE, type PartType } from '../../../engine/pipeline';
import { i18n } from '../../i18n/i18n';

const say = (key: string, options?: Record<string, unknown>) => i18n.t(`pipeline:read.${key}`, options);

export interface DrawnPart {
  id: string;
  type: PartType;
  node: string | null;
  settings: Record<string, number | string>;
}

export interface DrawnPipeline {
  parts: DrawnPart[];
  wires: { from: string; to: string }[];
}

export type PipelineRead = { ok: true; pipeline: DrawnPipeline } | { ok: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isPartType(type: unknown): type is PartType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(PART_CATALOGUE, type);
}

export function readPipelineText(text: string): PipelineRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: say('notJson', { error: (e as Error).message }) };
  }
  if (!isObject(raw)) return { ok: false, reason: say('notObject') };
  if (!Array.isArray(raw.parts)) return { ok: false, reason: say('notList', { field: 'parts' }) };
  const wires = raw.wires === undefined ? [] : raw.wires;
  if (!Array.isArray(wires)) return { ok: false, reason: say('notList', { field: 'wires' }) };
  const parts: DrawnPart[] = [];
  const seen = new Set<string>();
  for (const [i, p] of raw.parts.entries()) {
    if (!isObject(p) || typeof p.id !== 'string' || p.id === '')
      return { ok: false, reason: say('noId', { at: `parts[${i}]` }) };
    if (!isPartType(p.type)) return { ok: false, reason: say('noType', { at: `parts[${i}]`, id: p.id }) };
    if (seen.has(p.id)) return { ok: false, reason: say('twice', { id: p.id }) };
    seen.add(p.id);
    const settings: Record<string, number | string> = {};
    if (isObject(p.settings))
      for (const [k, v] of Object.entries(p.settings))
        if (typeof v === 'number' || typeof v === 'string') settings[k] = v;
    parts.push({ id: p.id, type: p.type, node: typeof p.node === 'string' ? p.node : null, settings });
  }
  const drawnWires: DrawnPipeline['wires'] = [];
  for (const [i, w] of wires.entries()) {
    if (!isObject(w) || typeof w.from !== 'string' || typeof w.to !== 'string')
      return { ok: false, reason: say('wire', { at: `wires[${i}]` }) };
    drawnWires.push({ from: w.from, to: w.to });
  }
  return { ok: true, pipeline: { parts, wires: drawnWires } };
}
