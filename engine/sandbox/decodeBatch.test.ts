import { describe, expect, it } from 'vitest';
import { createRng } from '../core';
import { decodeKeepingBom } from '../exec/lineRecordReader';
import { SMALL_INPUT, decodeBatch } from './decodeBatch';

const decoder = new TextDecoder();
const decode = (b: Uint8Array) => decoder.decode(b);

/** Views of one buffer, one after the other, cut at the given lengths. */
function cut(bytes: Uint8Array, lengths: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  for (const n of lengths) {
    out.push(bytes.subarray(at, at + n));
    at += n;
  }
  return out;
}

describe('decodeBatch', () => {
  it('gives every input the text decoding it alone gives, whatever its bytes and wherever they lie', () => {
    const pool = [
      0x61, 0x0a, 0x20, 0x7f, 0x00, 0xc3, 0xa9, 0xef, 0xbb, 0xbf, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xff,
    ];
    for (let seed = 0; seed < 2000; seed++) {
      const rng = createRng(`decode-batch-${seed}`);
      // ASCII only, ASCII with a few other bytes, or any bytes.
      const kind = rng.int(3);
      const bytes = Uint8Array.from({ length: rng.int(200) }, () =>
        kind === 0 || (kind === 1 && rng.int(20) > 0)
          ? [0x61, 0x0a, 0x20, 0x7f][rng.int(4)]!
          : pool[rng.int(pool.length)]!,
      );
      const lengths: number[] = [];
      for (let left = bytes.length; left > 0;) {
        const n = Math.min(left, rng.int(20));
        lengths.push(n);
        left -= n;
      }
      let inputs = cut(bytes, lengths);
      // Sometimes one input is a copy (another buffer), breaking the run there.
      if (inputs.length > 2 && rng.int(3) === 0) {
        const i = rng.int(inputs.length);
        inputs = inputs.map((b, j) => (j === i ? b.slice() : b));
      }
      expect(decodeBatch(inputs, decode)).toEqual(inputs.map((b) => decodeKeepingBom(b, decode)));
    }
  });

  it('decodes a run of ASCII inputs in one call, and inputs with other bytes one by one', () => {
    const calls: number[] = [];
    const counting = (b: Uint8Array) => {
      calls.push(b.length);
      return decode(b);
    };
    const text = new TextEncoder().encode('one line\nanother line\nthird\n');
    expect(decodeBatch(cut(text, [9, 13, 6]), counting)).toEqual(['one line\n', 'another line\n', 'third\n']);
    expect(calls).toEqual([28]);
    calls.length = 0;
    // A multi-byte character: the run's text is shorter than its bytes, so each input is decoded alone.
    const accented = new TextEncoder().encode('café\nnaïve\n');
    expect(decodeBatch(cut(accented, [6, 7]), counting)).toEqual(['café\n', 'naïve\n']);
    expect(calls).toEqual([13, 6, 7]);
    calls.length = 0;
    // Big inputs are decoded one by one: the call costs little beside the decoding.
    const big = new Uint8Array(3 * (SMALL_INPUT + 1)).fill(0x61);
    decodeBatch(cut(big, [SMALL_INPUT + 1, SMALL_INPUT + 1, SMALL_INPUT + 1]), counting);
    expect(calls).toEqual([SMALL_INPUT + 1, SMALL_INPUT + 1, SMALL_INPUT + 1]);
  });

  it('never throws: an input its decoder throws on is left to its task, the others decoded', () => {
    const bytes = new TextEncoder().encode('café\nok\n');
    const picky = (b: Uint8Array) => {
      if (b.length === 6) throw new TypeError('The encoded data was not valid');
      return decode(b);
    };
    expect(decodeBatch(cut(bytes, [6, 3]), picky)).toEqual([undefined, 'ok\n']);
  });
});
