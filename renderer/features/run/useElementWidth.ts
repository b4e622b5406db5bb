/**
 * The content width of an element, kept up to date with a ResizeObserver (callback ref): `fallback`
 * until the element is first measured, and whether it has been (a canvas sized to the fallback
 * and then to the real width allocates its backing store twice: 20-40 ms each in Chromium).
 */
import { useCallback, useRef, useState } from 'react';

export function useElementWidth<T extends HTMLElement>(fallback = 960): [(el: T | null) => void, number, boolean] {
  const [width, setWidth] = useState(fallback);
  const [measured, setMeasured] = useState(false);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: T | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el) return;
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0) {
        setWidth(w);
        setMeasured(true);
      }
    });
    ro.observe(el);
    observer.current = ro;
  }, []);
  return [ref, width, measured];
}
