/**
 * The texts of a batch of map tasks, decoded together where that gives the same strings. A 256-byte
 * block's task is decoded in a few microseconds of work and tens of microseconds of a decoder call
 * (the 100-node word count's 8,800 tasks spent 120 ms per sandbox worker in TextDecoder.decode on
 * the first run in Chromium). A batch's inputs lie one after the other in one buffer (mapBatches.ts,
 * packBatch): a run of small ones is decoded in one call, and when the text has as many characters
 * as the run has bytes, each task's text is its slice of it. That is exactly the text decoding the
 * task alone gives: every byte then became one character (ASCII, or a byte that is no part of any
 * UTF-8 character, replaced alone wherever the cut falls), where a multi-byte character, a byte-order
 * mark or a broken sequence of two or more bytes gives fewer characters than bytes. Otherwise, and
 * for inputs of more than SMALL_INPUT bytes on average (whose decoding costs more than the call),
 * each is decoded on its own (decodeKeepingBom).
 */
import { decodeKeepingBom } from '../exec/lineRecordReader';

/** Inputs of at most this many bytes on average are decoded together. */
export const SMALL_INPUT = 4096;

/** Whether `b` starts in the same buffer where `a` ends. */
function follows(a: Uint8Array, b: Uint8Array): boolean {
  return a.buffer === b.buffer && a.byteOffset + a.length === b.byteOffset;
}

/** The run's text, or null when one call cannot give each input's (or the decoder throws). */
function decodeRun(run: Uint8Array, inputs: number, decode: (bytes: Uint8Array) => string): string | null {
  if (inputs < 2 || run.length > inputs * SMALL_INPUT) return null;
  try {
    const whole = decode(run);
    return whole.length === run.length ? whole : null;
  } catch {
    return null;
  }
}

/** Each input's text, as decodeKeepingBom(input, decode) gives it (undefined where that throws). */
export function decodeBatch(
  inputs: readonly Uint8Array[],
  decode: (bytes: Uint8Array) => string,
): (string | undefined)[] {
  const texts = new Array<string | undefined>(inputs.length);
  for (let start = 0; start < inputs.length;) {
    let end = start + 1;
    while (end < inputs.length && follows(inputs[end - 1]!, inputs[end]!)) end++;
    const first = inputs[start]!;
    const last = inputs[end - 1]!;
    const run = new Uint8Array(first.buffer, first.byteOffset, last.byteOffset + last.length - first.byteOffset);
    const whole = decodeRun(run, end - start, decode);
    if (whole !== null) {
      for (let i = start, at = 0; i < end; i++) {
        texts[i] = whole.slice(at, at + inputs[i]!.length);
        at += inputs[i]!.length;
      }
    } else
      for (let i = start; i < end; i++) {
        try {
          texts[i] = decodeKeepingBom(inputs[i]!, decode);
        } catch {
          // Left to the task, which decodes its input again and fails alone, as it did before.
        }
      }
    start = end;
  }
  return texts;
}
