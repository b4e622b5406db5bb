import { describe, expect, it } from 'vitest';
import { PARTITIONERS, checkPartitioner } from './partitioners';

describe("KafkaJS 2's Partitioners", () => {
  it('accept the DefaultPartitioner (Java-compatible murmur2, what the producers do) and refuse the rest by name', () => {
    expect(() => checkPartitioner(undefined)).not.toThrow();
    expect(() => checkPartitioner(PARTITIONERS.DefaultPartitioner)).not.toThrow();
    expect(() => checkPartitioner(PARTITIONERS.JavaCompatiblePartitioner)).not.toThrow();
    expect(() => checkPartitioner(PARTITIONERS.LegacyPartitioner)).toThrow(
      /LegacyPartitioner and partitioners of your own are not supported/,
    );
    expect(() => checkPartitioner(() => () => 0)).toThrow(/not supported/);
  });
});
