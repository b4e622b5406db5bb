import { describe, expect, it } from 'vitest';
import { HdfsSettingsError, parseHdfsSettings, parseSize } from './hdfsSettings';

function errorOf(text: string): HdfsSettingsError {
  try {
    parseHdfsSettings(text, 'step.json');
  } catch (error) {
    expect(error).toBeInstanceOf(HdfsSettingsError);
    return error as HdfsSettingsError;
  }
  throw new Error('accepted bad settings');
}

describe('parseHdfsSettings', () => {
  it('reads sizes, defaults and faults', () => {
    const s = parseHdfsSettings(
      '{ "file": { "path": "/data/big.bin", "size": "512m" }, "faults": [{ "atMs": 5, "kind": "killNode", "node": "n4" }] }',
    );
    expect(s).toEqual({
      file: { path: '/data/big.bin', size: 512 * 2 ** 20 },
      blockSize: 128 * 2 ** 20,
      replication: 3,
      append: null,
      faults: [{ atMs: 5, kind: 'killNode', node: 'n4' }],
      runForMs: null,
    });
    expect(parseSize('1g')).toBe(2 ** 30);
    expect(parseSize('64 MB')).toBe(64 * 2 ** 20);
    expect(parseSize('lots')).toBeNull();
  });

  it('names line and column of a JSON syntax error', () => {
    const e = errorOf('{\n  "file": { "path": "/a", "size": "1m" },\n  "replication": 3,\n}');
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/^step\.json:4:1: not valid JSON/);
  });

  it('names line, column and field of a bad value', () => {
    const text =
      '{\n  "file": { "path": "/a", "size": "1m" },\n  "faults": [\n    { "atMs": 0, "kind": "killNode", "node": "n1" },\n    { "atMs": 0, "kind": "explode", "node": "n2" }\n  ]\n}';
    const e = errorOf(text);
    expect(e.field).toBe('faults[1].kind');
    expect(e.message).toBe(
      'step.json:5:18: faults[1].kind: must be one of "killNode", "restartNode", "slowNode", "failDisk", "partitionRack", "healRack", got "explode"',
    );
    expect(errorOf('{ "file": { "path": "/a", "size": "1m" }, "replicaton": 2 }').message).toMatch(
      /^step\.json:1:43: replicaton: unknown field/,
    );
    expect(errorOf('{ "file": { "path": "/a", "size": "1m" }, "blockSize": "100" }').message).toMatch(
      /blockSize: must be a multiple of 512 bytes/,
    );
    expect(errorOf('{ "file": { "path": "a.bin", "size": 3 } }').field).toBe('file.path');
    expect(errorOf('{ "file": { "path": "/a", "size": "1t" }, "blockSize": "1k" }').message).toMatch(
      /blockSize: cuts the 1024 GB file into 1073741824 blocks/,
    );
    expect(errorOf('[1, 2]').message).toMatch(/settings: must be an object/);
  });
});
