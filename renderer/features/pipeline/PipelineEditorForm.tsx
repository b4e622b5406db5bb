/**
 * The editor helpers beside the diagram: add a part (a kind from the catalogue, an id, a machine),
 * wire parts (only to the kinds a part may feed), remove a wire, and for the chosen part: its
 * machine, its removal and its settings. Each action rewrites the file's text in the editor
 * (pipelineEdits.ts); the file stays the source of truth.
 */
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { PART_CATALOGUE, PART_TYPES, type PartType } from '../../../engine/pipeline';
import {
  addPart,
  addWire,
  freeId,
  removePart,
  removeWire,
  setPartNode,
  setPartSetting,
  wireTargets,
} from '../../viz/pipeline/pipelineEdits';
import type { DrawnPipeline } from '../../viz/pipeline/readPipelineText';
import { PartSettingsForm } from './PartSettingsForm';

export interface PipelineEditorFormProps {
  /** The file as it now reads, or null when it does not parse (the helpers wait). */
  pipeline: DrawnPipeline | null;
  text: string;
  onText(text: string): void;
  machines: readonly string[];
  selected: string | null;
  onSelect(id: string | null): void;
}

export function PipelineEditorForm({ pipeline, text, onText, machines, selected, onSelect }: PipelineEditorFormProps) {
  const [error, setError] = useState<string | null>(null);
  const { t: tr } = useTranslation('pipeline');
  const [kind, setKind] = useState<PartType>('kafka');
  const [newId, setNewId] = useState('');
  const [machine, setMachine] = useState(machines[0] ?? 'n1');
  const parts = pipeline?.parts ?? [];
  const [wireFrom, setWireFrom] = useState('');
  const from = parts.some((p) => p.id === wireFrom) ? wireFrom : (parts[0]?.id ?? '');
  const targets = pipeline ? wireTargets(pipeline, from) : [];
  const [wireTo, setWireTo] = useState('');
  const to = targets.includes(wireTo) ? wireTo : (targets[0] ?? '');
  const wires = pipeline?.wires ?? [];
  const [wireKey, setWireKey] = useState('');
  const wire = wires.find((w) => `${w.from}>${w.to}` === wireKey) ?? wires[0] ?? null;
  const part = parts.find((p) => p.id === selected) ?? null;
  const suggested = pipeline ? freeId(pipeline, kind) : kind;

  const apply = (change: () => string, then?: () => void) => {
    try {
      onText(change());
      setError(null);
      then?.();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <form className="pipeline-form" aria-label={tr('form.label')} onSubmit={(e) => e.preventDefault()}>
      <fieldset disabled={!pipeline}>
        <legend>{tr('form.addPart')}</legend>
        <label>
          {tr('form.kind')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as PartType)}>
            {PART_TYPES.map((t) => (
              <option key={t} value={t}>
                {PART_CATALOGUE[t].label} ({PART_CATALOGUE[t].stage})
              </option>
            ))}
          </select>
        </label>
        <label>
          {tr('form.id')}{' '}
          <input value={newId} placeholder={suggested} size={10} onChange={(e) => setNewId(e.target.value)} />
        </label>
        {kind !== 'clients' && (
          <label>
            {tr('form.machine')}{' '}
            <select value={machine} onChange={(e) => setMachine(e.target.value)}>
              {machines.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          className="btn small"
          onClick={() => {
            const id = newId.trim() || suggested;
            apply(
              () => addPart(text, { id, type: kind, node: machine }),
              () => {
                setNewId('');
                onSelect(id);
              },
            );
          }}
        >
          {tr('form.add')}
        </button>
        <p className="muted pipeline-help">{PART_CATALOGUE[kind].what}.</p>
      </fieldset>
      <fieldset disabled={!pipeline || parts.length < 2}>
        <legend>{tr('form.wires')}</legend>
        <label>
          {tr('form.from')}{' '}
          <select value={from} onChange={(e) => setWireFrom(e.target.value)}>
            {parts.map((p) => (
              <option key={p.id}>{p.id}</option>
            ))}
          </select>
        </label>
        <label>
          {tr('form.to')}{' '}
          <select value={to} onChange={(e) => setWireTo(e.target.value)} disabled={targets.length === 0}>
            {targets.length === 0 && <option value="">{tr('form.noTarget')}</option>}
            {targets.map((id) => (
              <option key={id}>{id}</option>
            ))}
          </select>
        </label>
        <button type="button" className="btn small" disabled={!to} onClick={() => apply(() => addWire(text, from, to))}>
          {tr('form.addWire')}
        </button>
        {wires.length > 0 && (
          <span className="pipeline-row">
            <label>
              {tr('form.wire')}{' '}
              <select value={wire ? `${wire.from}>${wire.to}` : ''} onChange={(e) => setWireKey(e.target.value)}>
                {wires.map((w) => (
                  <option key={`${w.from}>${w.to}`} value={`${w.from}>${w.to}`}>
                    {w.from} → {w.to}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="btn small"
              onClick={() => wire && apply(() => removeWire(text, wire.from, wire.to))}
            >
              {tr('form.removeWire')}
            </button>
          </span>
        )}
      </fieldset>
      <fieldset disabled={!pipeline || parts.length === 0}>
        <legend>{tr('form.part')}</legend>
        <label>
          {tr('form.part')}{' '}
          <select value={part?.id ?? ''} onChange={(e) => onSelect(e.target.value || null)}>
            <option value="">{tr('form.choose')}</option>
            {parts.map((p) => (
              <option key={p.id}>{p.id}</option>
            ))}
          </select>
        </label>
        {part && part.type !== 'clients' && (
          <label>
            {tr('form.machine')}{' '}
            <select value={part.node ?? ''} onChange={(e) => apply(() => setPartNode(text, part.id, e.target.value))}>
              {part.node === null && <option value="">{tr('form.none')}</option>}
              {part.node !== null && !machines.includes(part.node) && <option>{part.node}</option>}
              {machines.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>
        )}
        {part && (
          <button
            type="button"
            className="btn small danger"
            onClick={() =>
              apply(
                () => removePart(text, part.id),
                () => onSelect(null),
              )
            }
          >
            {tr('form.remove', { id: part.id })}
          </button>
        )}
        {part && (
          <PartSettingsForm
            key={part.id}
            part={part}
            onSet={(key, value) => apply(() => setPartSetting(text, part.id, key, value))}
          />
        )}
      </fieldset>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
