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

  it('names where a syntax error is when V8 quotes the text instead of a position (it said the end of the file)', () => {
    const comment = errorOf('// my settings\n{\n  "file": { "path": "/a", "size": "1m" },\n  "replication": 3\n}\n');
    expect(comment.message).toMatch(/^step\.json:1:1: not valid JSON/);
    const python = errorOf('{\n  "file": { "path": "/a", "size": "1m" },\n  "replication": True\n}\n');
    expect(python.message).toMatch(/^step\.json:3:18: not valid JSON/);
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
    // HDFS's own path rules, said on the field with its place (the put said them later, without it).
    expect(errorOf('{ "file": { "path": "/data/../x", "size": 3 } }').message).toBe(
      'step.json:1:13: file.path: a DFS path must not contain \'..\', got "/data/../x"',
    );
    expect(errorOf('{ "file": { "path": "/data//x", "size": 3 } }').message).toMatch(
      /file\.path: a DFS path must not contain '\/\/'/,
    );
    expect(errorOf('{ "file": { "path": "/data/x:y", "size": 3 } }').message).toMatch(
      /file\.path: a DFS path must not contain ':' or control characters, got "\/data\/x:y"$/,
    );
    expect(errorOf(`{ "file": { "path": "/${'d'.repeat(5000)}", "size": 3 } }`).message).toMatch(
      /file\.path: a DFS path must be at most 4096 characters, got "\/d{59}"\.\.\.$/,
    );
    expect(errorOf('{ "file": { "path": "/data/my file", "size": 3 } }').message).toMatch(
      /file\.path: may hold only ASCII letters \(a-z, A-Z\), digits and _ \. - \/ \(like "\/data\/big\.bin"\), got "\/data\/my file"$/,
    );
    expect(errorOf('{ "file": { "path": "/", "size": 3 } }').field).toBe('file.path');
    expect(errorOf('{ "file": { "path": "/a", "size": "1t" }, "blockSize": "1k" }').message).toMatch(
      /blockSize: cuts the 1024 GB file into 1073741824 blocks/,
    );
    expect(errorOf('[1, 2]').message).toMatch(/settings: must be an object/);
  });

  it('rejects absurd values before anything is built, naming the field and the allowed range', () => {
    const file = (size: string) => `"file": { "path": "/d/f", "size": ${size} }`;
    const cases: [string, RegExp][] = [
      [`{ ${file('1e21')} }`, /file\.size: must be at most 4 TB, got 1e\+21/],
      [`{ ${file('-1')} }`, /file\.size: must be a size from 1 byte to 4 TB .*got -1/],
      [`{ ${file('0')} }`, /file\.size: must be a size from 1 byte to 4 TB .*got 0/],
      [`{ ${file('"abc"')} }`, /file\.size: must be a size from 1 byte to 4 TB .*got "abc"/],
      [`{ ${file('1e400')} }`, /file\.size: must be a size from 1 byte to 4 TB .*got Infinity/],
      [`{ ${file('"1m"')}, "blockSize": 99999999999 }`, /blockSize: must be a multiple of 512 bytes and at least 1k/],
      [`{ ${file('"1m"')}, "blockSize": 1e21 }`, /blockSize: must be at most 4 TB/],
      [`{ ${file('"1m"')}, "blockSize": -1 }`, /blockSize: must be a size from 1 byte to 4 TB/],
      [
        `{ ${file('"4t"')}, "blockSize": "1k" }`,
        /blockSize: cuts the 4096 GB file into \d+ blocks; choose a block size that gives at most 10000/,
      ],
      [
        `{ ${file('"1m"')}, "replication": 99999999999 }`,
        /replication: must be an integer from 1 to 10, got 99999999999/,
      ],
      [`{ ${file('"1m"')}, "replication": 0 }`, /replication: must be an integer from 1 to 10, got 0/],
      [`{ ${file('"1m"')}, "replication": "abc" }`, /replication: must be an integer from 1 to 10, got "abc"/],
      [`{ ${file('"1m"')}, "runForMs": 1e21 }`, /runForMs: must be a number of simulated ms from 1 to 86400000/],
      [`{ ${file('"1m"')}, "runForMs": -1 }`, /runForMs: must be a number of simulated ms from 1 to 86400000/],
      [
        `{ ${file('"1m"')}, "faults": [{ "atMs": 1e21, "kind": "killNode", "node": "n1" }] }`,
        /faults\[0\]\.atMs: must be a number of simulated ms from 0 to 86400000 \(one day\), got 1e\+21/,
      ],
      [
        `{ ${file('"1m"')}, "faults": [{ "atMs": 1e400, "kind": "killNode", "node": "n1" }] }`,
        /faults\[0\]\.atMs: must be a number of simulated ms from 0 to 86400000 \(one day\), got Infinity/,
      ],
      [
        `{ ${file('"1m"')}, "faults": [{ "atMs": 5, "kind": "slowNode", "node": "n1", "factor": 1e21 }] }`,
        /faults\[0\]\.factor: must be a number above 0 and at most 1000, got 1e\+21/,
      ],
      [
        `{ ${file('"1m"')}, "faults": [${Array.from({ length: 101 }, () => '{ "atMs": 5, "kind": "killNode", "node": "n1" }').join(',')}] }`,
        /faults: at most 100 faults, got 101/,
      ],
      [`{ ${file('"1m"')}, "append": { "size": "2g" } }`, /append\.size: .*at most 1g/],
    ];
    for (const [text, message] of cases) expect(errorOf(text).message, text.slice(0, 120)).toMatch(message);
  });
});
