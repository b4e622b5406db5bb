/** A server step's settings: what parses, and what is refused with the field and its line. */
import { describe, expect, it } from 'vitest';
import { parseServerSettings, ServerSettingsError } from './serverSettings';

const server = '"server": { "disk": "hdd-7200", "disks": 2, "ramGB": 32, "cpu": "xeon-e-2334", "network": "1gbe" }';

function errorOf(text: string): ServerSettingsError {
  try {
    parseServerSettings(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ServerSettingsError);
    return error as ServerSettingsError;
  }
  throw new Error(`parsed: ${text}`);
}

describe('server settings', () => {
  it('parses a single server, servers on a SAN and a Hadoop cluster', () => {
    expect(parseServerSettings(`{ "dataGB": 64, ${server} }`).platform.kind).toBe('single');
    const san = parseServerSettings(
      '{ "dataGB": 64, "server": { "ramGB": 64, "cpu": "xeon-gold-6338", "network": "25gbe" }, "scaleOut": { "servers": 3, "san": "san-midrange" } }',
    );
    expect(san.platform).toMatchObject({ kind: 'san', servers: 3, san: 'san-midrange' });
    expect(parseServerSettings(`{ "dataGB": 64, ${server}, "hadoop": { "nodes": 5 } }`).platform.kind).toBe('hadoop');
    expect(
      parseServerSettings(`{ "dataGB": 1, "growth": { "months": 3 }, ${server}, "answer": " CPU " }`),
    ).toMatchObject({
      growth: { months: 3, factor: 2 },
      answer: 'cpu',
    });
  });

  it.each([
    ['{ "dataGB": 1e308, SERVER }', 'dataGB', 'from 0.001 to 1,048,576'],
    ['{ "dataGB": "lots", SERVER }', 'dataGB', 'got "lots"'],
    ['{ "dataGB": -1, SERVER }', 'dataGB', 'got -1'],
    ['{ "dataGB": 1e400, SERVER }', 'dataGB', 'got Infinity'],
    ['{ "dataGB": 1, "growth": { "months": 40 }, SERVER }', 'growth.months', 'from 1 to 36'],
    ['{ "dataGB": 1, "growth": { "months": 36 }, SERVER }', 'growth.months', 'end above 1 PB'],
    ['{ "dataGB": 1, "growth": { "months": 2, "factor": "x2" }, SERVER }', 'growth.factor', 'from 1 to 10'],
    ['{ "dataGB": 1, "cluster": 3, SERVER }', 'cluster', 'unknown field'],
    [
      '{ "dataGB": 1, "server": { "disk": "floppy", "disks": 2, "ramGB": 32, "cpu": "xeon-e-2334", "network": "1gbe" } }',
      'server.disk',
      '"hdd-7200"',
    ],
    [
      '{ "dataGB": 1, "server": { "disk": "hdd-7200", "disks": 3, "ramGB": 32, "cpu": "xeon-e-2334", "network": "1gbe" } }',
      'server.disks',
      'mirrored in pairs',
    ],
    [
      '{ "dataGB": 1, "server": { "disk": "hdd-7200", "disks": 2, "ramGB": 48, "cpu": "xeon-e-2334", "network": "1gbe" } }',
      'server.ramGB',
      'must be one of 32',
    ],
    [
      '{ "dataGB": 1, "server": { "disk": "hdd-7200", "disks": 2, "ramGB": 512, "cpu": "xeon-e-2334", "network": "1gbe" } }',
      'server.ramGB',
      'at most 128 GB',
    ],
    ['{ "dataGB": 20000, SERVER }', 'server.disks', 'do not fit'],
    [
      '{ "dataGB": 1, SERVER, "scaleOut": { "servers": 9, "san": "san-midrange" } }',
      'server.disk',
      'keep the data on the SAN',
    ],
    [
      '{ "dataGB": 1, "server": { "ramGB": 32, "cpu": "xeon-e-2334", "network": "1gbe" }, "scaleOut": { "servers": 9, "san": "san-midrange" } }',
      'scaleOut.servers',
      'from 2 to 8',
    ],
    ['{ "dataGB": 1, SERVER, "hadoop": { "nodes": 3 } }', 'hadoop.nodes', 'at least 5 servers'],
    ['{ "dataGB": 1, SERVER, "answer": { "a": 1 } }', 'answer', 'a number or a short word'],
    ['[1, 2]', 'settings', 'must be an object'],
  ])('%s: %s', (text, field, problem) => {
    const e = errorOf(text.replace('SERVER', server));
    expect(e.field).toBe(field);
    expect(e.message).toContain(problem);
  });

  it('names the line of the field at fault, and of a JSON syntax error', () => {
    const e = errorOf(
      `{\n  "dataGB": 64,\n  "server": {\n    "disk": "hdd-7200",\n    "disks": 5,\n    "ramGB": 32,\n    "cpu": "xeon-e-2334",\n    "network": "1gbe"\n  }\n}`,
    );
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/^settings\.json:5:\d+: server\.disks: /);
    expect(errorOf('{\n  "dataGB": 64,\n}').line).toBe(3);
  });
});
