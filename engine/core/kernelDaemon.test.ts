import { describe, expect, it } from 'vitest';
import { Kernel } from './kernel';
import { CountingSink, Trace, isTracing, nullSink } from './trace';
import { ValidationError, check } from './validationError';
import { decodeUtf8, encodeUtf8 } from './utf8';

describe('Kernel daemons and retain', () => {
  it('run() stops when only daemon events are left', () => {
    const k = new Kernel();
    let beats = 0;
    const beat = () => {
      beats++;
      k.scheduleDaemon(10, beat);
    };
    k.scheduleDaemon(0, beat);
    k.schedule(35, () => {});
    k.run();
    expect(k.now).toBe(35);
    expect(beats).toBe(4); // 0, 10, 20, 30
    expect(k.idle).toBe(true);
  });

  it('retain keeps run() going through daemon events until released', () => {
    const k = new Kernel();
    let beats = 0;
    const beat = () => {
      beats++;
      k.scheduleDaemon(10, beat);
    };
    k.scheduleDaemon(0, beat);
    const release = k.retain();
    k.scheduleDaemon(55, release);
    k.run();
    expect(k.now).toBe(55);
    expect(beats).toBe(6);
  });

  it('a cancelled event no longer keeps the run alive', () => {
    const k = new Kernel();
    const beat = () => k.scheduleDaemon(10, beat);
    k.scheduleDaemon(0, beat);
    const h = k.schedule(1000, () => {});
    k.schedule(5, () => h.cancel());
    k.run();
    expect(k.now).toBe(5);
    h.cancel(); // idempotent
    expect(k.idle).toBe(true);
  });

  it('run with until runs daemons too and moves the clock to until', () => {
    const k = new Kernel();
    let beats = 0;
    const beat = () => {
      beats++;
      k.scheduleDaemon(10, beat);
    };
    k.scheduleDaemon(0, beat);
    k.run({ until: 100 });
    expect(beats).toBe(11);
    expect(k.now).toBe(100);
  });
});

describe('trace sinks', () => {
  it('counts by type and reports enabled-ness', () => {
    const c = new CountingSink();
    c.record({ t: 0, type: 'b' });
    c.record({ t: 1, type: 'a' });
    c.record({ t: 2, type: 'b' });
    expect(c.toObject()).toEqual({ a: 1, b: 2 });
    expect(c.total).toBe(3);
    expect(isTracing(c)).toBe(true);
    expect(isTracing(nullSink)).toBe(false);
    expect(isTracing(new Trace())).toBe(true);
    // A Trace keeping some types: emitters of none of them build nothing.
    const deaths = new Trace(Number.POSITIVE_INFINITY, ['nodeDied']);
    expect(isTracing(deaths, ['nodeDied', 'nodeRestarted'])).toBe(true);
    expect(isTracing(deaths, ['blockAllocated', 'blocksRead'])).toBe(false);
    expect(isTracing(deaths)).toBe(true);
    expect(isTracing(new Trace(), ['blockAllocated'])).toBe(true);
    expect(isTracing(c, ['blockAllocated'])).toBe(true);
    expect(isTracing(nullSink, ['nodeDied'])).toBe(false);
    deaths.record({ t: 1, type: 'blockAllocated' });
    deaths.record({ t: 2, type: 'nodeDied' });
    expect(deaths.events).toEqual([{ t: 2, type: 'nodeDied' }]);
  });
});

describe('ValidationError and check', () => {
  it('names the path and the bad value', () => {
    expect(() => check.positiveInt('cluster.racks[0].nodes[2].cores', -1)).toThrow(
      'cluster.racks[0].nodes[2].cores: must be a positive integer, got -1',
    );
    try {
      check.oneOf('yarn.scheduler', 'x', ['fifo', 'fair']);
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).path).toBe('yarn.scheduler');
    }
    expect(() => check.knownKeys('hdfs', { replicaton: 3 }, ['replication'])).toThrow('hdfs.replicaton: unknown field');
  });

  it('round-trips UTF-8', () => {
    expect(decodeUtf8(encodeUtf8('héllo, 世界'))).toBe('héllo, 世界');
  });
});
