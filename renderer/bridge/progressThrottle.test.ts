import { describe, expect, it } from 'vitest';
import type { RunProgress } from './engineProtocol';
import { ProgressThrottle } from './progressThrottle';

function setup() {
  let now = 0;
  const timers: { at: number; fire: () => void; live: boolean }[] = [];
  const sent: string[] = [];
  const throttle = new ProgressThrottle(
    (p) => sent.push(`${p.phase} ${p.done}/${p.total}`),
    {
      now: () => now,
      setTimer: (ms, fire) => {
        const t = { at: now + ms, fire, live: true };
        timers.push(t);
        return () => (t.live = false);
      },
    },
    100,
  );
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.live && x.at <= now)) {
      t.live = false;
      t.fire();
    }
  };
  return { throttle, sent, advance };
}

const at = (phase: RunProgress['phase'], done: number, total: number): RunProgress => ({
  phase,
  done,
  total,
  run: 1,
  runs: 1,
  runLabel: null,
});

describe('ProgressThrottle', () => {
  it('sends a burst of task counts as one message per interval, and the latest count at its end', () => {
    const { throttle, sent, advance } = setup();
    throttle.offer(at('starting', 0, 0));
    throttle.offer(at('map', 0, 9000));
    for (let done = 1; done <= 500; done++) {
      throttle.offer(at('map', done, 9000));
      advance(1);
    }
    // A first message per phase, then one per 100 ms: never 500.
    expect(sent.length).toBeLessThanOrEqual(8);
    expect(sent.slice(0, 2)).toEqual(['starting 0/0', 'map 0/9000']);
    advance(100);
    expect(sent.at(-1)).toBe('map 500/9000');
  });

  it('sends a new phase and the last task of a phase at once', () => {
    const { throttle, sent } = setup();
    throttle.offer(at('map', 0, 3));
    throttle.offer(at('map', 1, 3));
    throttle.offer(at('map', 3, 3));
    throttle.offer(at('reduce', 0, 2));
    throttle.offer(at('simulating', 0, 0));
    expect(sent).toEqual(['map 0/3', 'map 3/3', 'reduce 0/2', 'simulating 0/0']);
  });

  it('sends nothing more once closed', () => {
    const { throttle, sent, advance } = setup();
    throttle.offer(at('map', 0, 10));
    throttle.offer(at('map', 1, 10));
    throttle.close();
    advance(500);
    expect(sent).toEqual(['map 0/10']);
  });
});
