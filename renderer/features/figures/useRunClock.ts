/**
 * The playback instant of the run shown inside `root`, read from its playback bar's scrubber
 * (`.run-area > .playback > input.scrubber`, whose value is the playback clock's simulated ms), or null while no run is
 * shown. The clock lives in RunArea; reading the scrubber lets the figure follow it without
 * re-rendering the lab page on every frame (only the component calling this hook renders).
 */
import { useEffect, useState, type RefObject } from 'react';

export function useRunClock(root: RefObject<HTMLElement | null>): number | null {
  const [t, setT] = useState<number | null>(null);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const read = () => {
      // The run area's own bar, not one inside it (the Compare runs dialog has a clock of its own).
      const input = el.querySelector<HTMLInputElement>('.run-area > .playback > input.scrubber');
      const value = input ? Number(input.value) : NaN;
      setT(Number.isFinite(value) ? value : null);
    };
    read();
    // React writes the controlled input's value attribute on each render of the playback bar.
    const observer = new MutationObserver(read);
    observer.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
    el.addEventListener('input', read);
    return () => {
      observer.disconnect();
      el.removeEventListener('input', read);
    };
  }, [root]);
  return t;
}
