import { describe, expect, it } from 'vitest';
import {
  addPart,
  addWire,
  freeId,
  removePart,
  removeWire,
  setPartNode,
  setPartSetting,
  wireTargets,
} from './pipelineEdits';
import { readPipelineText } from './readPipelineText';

const START = `{
  "parts": [
    { "id": "clients", "type": "clients", "settings": { "events": 100 } },
    { "id": "api", "type": "api", "node": "n1" },
    { "id": "buffer", "type": "kafka", "node": "n2" }
  ],
  "wires": [{ "from": "clients", "to": "api" }, { "from": "api", "to": "buffer" }]
}`;

const parsed = (text: string) => JSON.parse(text) as { parts: Record<string, unknown>[]; wires: unknown[] };
const drawn = (text: string) => {
  const r = readPipelineText(text);
  if (!r.ok) throw new Error(r.reason);
  return r.pipeline;
};

describe('pipeline edits', () => {
  it('adds a part pretty-printed with two spaces, the clients without a machine', () => {
    const text = addPart(START, { id: 'stream', type: 'spark-streaming', node: 'n3' });
    expect(text).toBe(`${JSON.stringify(parsed(text), null, 2)}\n`);
    expect(text).toContain('\n  "parts": [\n    {\n      "id": "clients",');
    expect(parsed(text).parts[3]).toEqual({ id: 'stream', type: 'spark-streaming', node: 'n3' });
    expect(parsed(addPart(START, { id: 'more', type: 'clients', node: 'n1' })).parts[3]).toEqual({
      id: 'more',
      type: 'clients',
    });
  });

  it('refuses an id that is taken or malformed', () => {
    expect(() => addPart(START, { id: 'api', type: 'api', node: 'n1' })).toThrow('there is a part "api" already');
    expect(() => addPart(START, { id: '9lives', type: 'api', node: 'n1' })).toThrow('starts with a letter');
    expect(() => addPart('{"parts": ', { id: 'a', type: 'api', node: 'n1' })).toThrow();
  });

  it('removes a part with every wire that touches it', () => {
    const file = parsed(removePart(START, 'api'));
    expect(file.parts.map((p) => p.id)).toEqual(['clients', 'buffer']);
    expect(file.wires).toEqual([]);
    expect(() => removePart(START, 'nope')).toThrow('there is no part "nope"');
  });

  it('adds and removes wires', () => {
    const withPart = addPart(START, { id: 'stream', type: 'spark-streaming', node: 'n3' });
    const wired = addWire(withPart, 'buffer', 'stream');
    expect(parsed(wired).wires).toContainEqual({ from: 'buffer', to: 'stream' });
    expect(() => addWire(wired, 'buffer', 'stream')).toThrow('buffer already feeds stream');
    expect(parsed(removeWire(wired, 'api', 'buffer')).wires).toEqual([
      { from: 'clients', to: 'api' },
      { from: 'buffer', to: 'stream' },
    ]);
    expect(() => removeWire(START, 'buffer', 'api')).toThrow('there is no wire from buffer to api');
  });

  it('sets a setting, and removing the last one removes the settings', () => {
    const set = setPartSetting(START, 'buffer', 'retentionHours', 24);
    expect(parsed(set).parts[2]).toEqual({ id: 'buffer', type: 'kafka', node: 'n2', settings: { retentionHours: 24 } });
    expect(parsed(setPartSetting(set, 'buffer', 'retentionHours', undefined)).parts[2]).toEqual({
      id: 'buffer',
      type: 'kafka',
      node: 'n2',
    });
    expect(parsed(setPartSetting(START, 'clients', 'ratePerSec', 50)).parts[0]!.settings).toEqual({
      events: 100,
      ratePerSec: 50,
    });
    expect(parsed(setPartNode(START, 'api', 'n3')).parts[1]!.node).toBe('n3');
  });

  it('keeps keys it does not know', () => {
    const text = addWire(
      '{"cluster": "classroom", "parts": [{"id": "a", "type": "api"}, {"id": "k", "type": "kafka"}]}',
      'a',
      'k',
    );
    expect(text.startsWith('{\n  "cluster": "classroom",')).toBe(true);
  });

  it('offers only the targets the catalogue allows, within the fan-out', () => {
    const text = addPart(addPart(START, { id: 'stream', type: 'spark-streaming', node: 'n3' }), {
      id: 'lake',
      type: 'hdfs',
      node: 'n1',
    });
    const p = drawn(text);
    expect(wireTargets(p, 'buffer')).toEqual(['stream']);
    expect(wireTargets(p, 'stream')).toEqual(['buffer', 'lake']);
    // The ingest API feeds one part at most, and it feeds buffer already.
    expect(wireTargets(p, 'api')).toEqual([]);
    expect(wireTargets(p, 'nope')).toEqual([]);
  });

  it('finds a free id for a new part', () => {
    const p = drawn(START);
    expect(freeId(p, 'hdfs')).toBe('hdfs');
    expect(freeId(p, 'api')).toBe('api2');
  });
});
