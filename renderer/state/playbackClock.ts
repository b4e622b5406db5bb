/**
 * The playback instant of the run shown on the page, for pictures that live outside its run
 * area (the cookbook figure beside the lab text): RunArea writes it on every frame, and only
 * the components that read it re-render, not the page around them. null while no run is shown.
 */
import { create } from 'zustand';

export const usePlaybackClock = create<{ t: number | null }>(() => ({ t: null }));

export function setPlaybackClock(t: number | null): void {
  if (usePlaybackClock.getState().t !== t) usePlaybackClock.setState({ t });
}
