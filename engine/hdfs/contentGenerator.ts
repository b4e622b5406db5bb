/**
 * Files declared by size whose bytes are computed on read (`Hdfs.putGenerated`): a lab can
 * place a 1 TB file without holding it. A generator must be a pure function of the offset, so
 * any range read twice, or read block by block, gives the same bytes.
 */
import { createRng, encodeUtf8, hashString } from '../core';

export interface ContentGenerator {
  /** Shown in snapshots and traces, e.g. `fixedWidthLines(seed=7,width=32)`. */
  readonly name: string;
  /** Fills `out` with the file's bytes starting at file offset `offset`. */
  fill(offset: number, out: Uint8Array): void;
}

/** Pseudo-random bytes from a seed; any byte depends only on (seed, offset). */
export function randomBytes(seed: number | string): ContentGenerator {
  const s = typeof seed === 'string' ? hashString(seed) : seed >>> 0;
  return {
    name: `randomBytes(seed=${seed})`,
    fill(offset, out) {
      for (let i = 0; i < out.length; i++) {
        const pos = offset + i;
        let z = (Math.imul((pos / 4) >>> 0, 0x9e3779b1) ^ s ^ Math.floor(pos / 4 / 4294967296)) >>> 0;
        z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
        z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
        z ^= z >>> 16;
        out[i] = (z >>> ((pos % 4) * 8)) & 0xff;
      }
    },
  };
}

/**
 * Text made of lines of exactly `width` bytes (the last is '\n'): line k is `line(k, rng)`,
 * where rng is seeded by (seed, k), cut or padded with spaces to `width - 1` ASCII bytes.
 * Fixed width makes any offset's line computable directly, as TextInputFormat splits need.
 */
export function fixedWidthLines(options: {
  seed: number;
  width: number;
  line: (index: number, rng: { next(): number; int(n: number): number }) => string;
}): ContentGenerator {
  const { seed, width, line } = options;
  if (!Number.isInteger(width) || width < 2)
    throw new RangeError(`fixedWidthLines: width must be an integer >= 2, got ${width}`);
  const render = (k: number): Uint8Array => {
    const text = line(k, createRng((seed ^ hashString(String(k))) >>> 0));
    const bytes = encodeUtf8(text.replace(/[^\x20-\x7e]/g, '?'));
    const out = new Uint8Array(width).fill(0x20);
    out.set(bytes.subarray(0, width - 1));
    out[width - 1] = 0x0a;
    return out;
  };
  return {
    name: `fixedWidthLines(seed=${seed},width=${width})`,
    fill(offset, out) {
      let i = 0;
      while (i < out.length) {
        const pos = offset + i;
        const k = Math.floor(pos / width);
        const within = pos - k * width;
        const rendered = render(k);
        const take = Math.min(width - within, out.length - i);
        out.set(rendered.subarray(within, within + take), i);
        i += take;
      }
    },
  };
}
