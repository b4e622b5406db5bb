/**
 * What every lab run view does with its playback: stops it while a new run computes (so the
 * pictures do not take the CPU the run needs; the learner may press Play again), and shares its
 * instant with the pictures outside the run area (the cookbook figure: state/playbackClock.ts).
 */
import { useEffect } from 'react';
import { setPlaybackClock } from '../../state/playbackClock';
import type { Playback } from '../cluster/usePlayback';

export function useRunClock(playback: Playback, busy: boolean): void {
  const pause = playback.pause;
  useEffect(() => {
    if (busy) pause();
  }, [busy, pause]);
  useEffect(() => setPlaybackClock(playback.t), [playback.t]);
  useEffect(() => () => setPlaybackClock(null), []);
}
