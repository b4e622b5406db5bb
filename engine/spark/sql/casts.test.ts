import { describe, expect, it } from 'vitest';
import { castTypeOf, castValue, parseTimestamp, timestampText, binaryText } from './casts';
import { getJsonObject, parseJsonPath } from './jsonPath';
import { intervalMs } from './intervals';
import { windowStarts } from './windowColumn';

describe('Spark 3 casts (ANSI off): what does not convert is null', () => {
  it('reads timestamps as Spark does, in UTC', () => {
    expect(parseTimestamp('2024-03-01 10:00:05')).toBe(Date.UTC(2024, 2, 1, 10, 0, 5));
    expect(parseTimestamp('2024-03-01T10:00:05.250Z')).toBe(Date.UTC(2024, 2, 1, 10, 0, 5, 250));
    expect(parseTimestamp('2024-03-01T10:00:05+01:00')).toBe(Date.UTC(2024, 2, 1, 9, 0, 5));
    expect(parseTimestamp('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    expect(parseTimestamp('2024-02-31 00:00:00')).toBeNull();
    expect(parseTimestamp('yesterday')).toBeNull();
    expect(timestampText(Date.UTC(2024, 2, 1, 10, 0, 5, 250))).toBe('2024-03-01 10:00:05.25');
    expect(timestampText(Date.UTC(2024, 2, 1))).toBe('2024-03-01 00:00:00');
  });
  it('casts between numbers, strings, booleans and timestamps', () => {
    expect(castValue('1.5', 'string', 'integer')).toBe(1);
    expect(castValue(' 42 ', 'string', 'long')).toBe(42);
    expect(castValue('4x', 'string', 'integer')).toBeNull();
    expect(castValue('3000000000', 'string', 'integer')).toBeNull();
    expect(castValue('2.5', 'string', 'double')).toBe(2.5);
    expect(castValue(1.0, 'double', 'string')).toBe('1.0');
    expect(castValue(1_700_000_000, 'long', 'timestamp')).toBe(1_700_000_000_000);
    expect(castValue(1_700_000_000_500, 'timestamp', 'long')).toBe(1_700_000_000);
    expect(castValue('yes', 'string', 'boolean')).toBe(true);
    expect(castValue('maybe', 'string', 'boolean')).toBeNull();
    expect(castValue(null, 'string', 'double')).toBeNull();
    expect(castValue('{"a":1}', 'binary', 'string')).toBe('{"a":1}');
    expect(binaryText('{"')).toBe('[7B 22]');
  });
  it('names the types Spark names, and refuses others', () => {
    expect(castTypeOf('BIGINT')).toBe('long');
    expect(castTypeOf('int')).toBe('integer');
    expect(() => castTypeOf('date')).toThrow(/Unsupported data type "date"/);
  });
});

describe('get_json_object', () => {
  const at = (json: string, path: string) => {
    const steps = parseJsonPath(path);
    return steps ? getJsonObject(json, steps) : null;
  };
  it('reads a path, a string as itself, anything else as JSON, null when absent or malformed', () => {
    expect(at('{"car":"c1","pos":{"lat":52.5}}', '$.car')).toBe('c1');
    expect(at('{"car":"c1","pos":{"lat":52.5}}', '$.pos.lat')).toBe('52.5');
    expect(at('{"car":"c1","pos":{"lat":52.5}}', '$.pos')).toBe('{"lat":52.5}');
    expect(at('{"a":[1,2]}', "$['a'][1]")).toBe('2');
    expect(at('{"a":1}', '$.b')).toBeNull();
    expect(at('not json', '$.a')).toBeNull();
    expect(at('{"a":1}', 'a')).toBeNull();
  });
});

describe('intervals and windows', () => {
  it('reads Spark interval strings', () => {
    expect(intervalMs('10 seconds', 'x')).toBe(10_000);
    expect(intervalMs('interval 1 minute', 'x')).toBe(60_000);
    expect(intervalMs('1 hour 30 minutes', 'x')).toBe(5_400_000);
    expect(() => intervalMs('10', 'withWatermark')).toThrow(/withWatermark: cannot read "10" as an interval/);
    expect(() => intervalMs(10, 'x')).toThrow(/CANNOT_PARSE_INTERVAL/);
  });
  it('puts a time in one tumbling window, or size/slide sliding ones', () => {
    expect(windowStarts(65_000, 60_000, 60_000)).toEqual([60_000]);
    expect(windowStarts(65_000, 60_000, 20_000)).toEqual([20_000, 40_000, 60_000]);
    expect(windowStarts(60_000, 60_000, 30_000)).toEqual([30_000, 60_000]);
  });
});
