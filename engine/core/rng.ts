/**
 * Seeded pseudo-random numbers for the engine. The engine never calls Math.random:
 * every source of chance is an Rng passed in, so a seed fixes the whole run.
 * Algorithm: sfc32 seeded through splitmix32, fast and well distributed.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** A new independent stream derived from this one and a label (stable across runs). */
  fork(label: string): Rng;
  /** The current state, for snapshots. */
  readonly state: readonly [number, number, number, number];
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a hash of a string, used to derive seeds from labels. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number | string): Rng {
  const numeric = typeof seed === 'string' ? hashString(seed) : seed;
  const init = splitmix32(numeric);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    fork: (label: string) => createRng((hashString(label) ^ Math.floor(next() * 4294967296)) >>> 0),
    get state() {
      return [a >>> 0, b >>> 0, c >>> 0, d >>> 0] as const;
    },
  };
}
