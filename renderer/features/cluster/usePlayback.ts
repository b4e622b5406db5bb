/**
 * A playback clock over simulated time: play, pause, restart and speed, advanced with
 * requestAnimationFrame. Simulated ms per real second = `speed` × `msPerSecond`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Playback {
  t: number;
  playing: boolean;
  speed: number;
  play(): void;
  pause(): void;
  restart(): void;
  seek(t: number): void;
  setSpeed(speed: number): void;
}

export function usePlayback(
  durationMs: number,
  msPerSecond: number,
  autoplay = true,
  initialSpeed = 1,
  startAt = 0,
): Playback {
  const [t, setT] = useState(Math.min(startAt, durationMs));
  const [playing, setPlaying] = useState(autoplay);
  const [speed, setSpeed] = useState(initialSpeed);
  const last = useRef<number | null>(null);

  useEffect(() => {
    if (!playing || durationMs <= 0) return;
    let frame = 0;
    const tick = (now: number) => {
      const previous = last.current ?? now;
      last.current = now;
      setT((current) => {
        const next = Math.min(durationMs, current + ((now - previous) / 1000) * msPerSecond * speed);
        if (next >= durationMs) setPlaying(false);
        return next;
      });
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      last.current = null;
    };
  }, [playing, durationMs, msPerSecond, speed]);

  const play = useCallback(() => {
    setT((current) => (current >= durationMs ? 0 : current));
    setPlaying(true);
  }, [durationMs]);
  const pause = useCallback(() => setPlaying(false), []);
  const restart = useCallback(() => {
    setT(0);
    setPlaying(true);
  }, []);
  const seek = useCallback((value: number) => setT(Math.max(0, Math.min(durationMs, value))), [durationMs]);
  return { t, playing, speed, play, pause, restart, seek, setSpeed };
}
