/**
 * The records of one split's text, as Hadoop's LineRecordReader gives them to a map: the key is
 * the record's byte offset in the file (LongWritable), the value its text without the terminator.
 * Lines end at `\n`, `\r` or `\r\n`; with `textinputformat.record.delimiter` set, records end at
 * that delimiter instead (and `\r` is then ordinary text). A UTF-8 byte-order mark at the start
 * of the file is skipped as LineRecordReader.skipUtfByteOrderMark does: the first record's key
 * is 0, its value lacks the mark, and the next record's offset counts the mark's 3 bytes.
 */

/** UTF-8 length of a string (for byte offsets of non-ASCII lines). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const BOM = '\uFEFF';

/**
 * Decodes a split's bytes keeping leading byte-order marks (TextDecoder drops one), so offsets
 * stay byte-true and only the reader decides what to skip.
 */
export function decodeKeepingBom(bytes: Uint8Array, decode: (b: Uint8Array) => string): string {
  let marks = 0;
  while (bytes[marks * 3] === 0xef && bytes[marks * 3 + 1] === 0xbb && bytes[marks * 3 + 2] === 0xbf) marks++;
  return marks === 0 ? decode(bytes) : BOM.repeat(marks) + decode(bytes.subarray(marks * 3));
}

/**
 * Calls `each(offset, value)` for every record of `text` (the bytes [baseOffset, baseOffset +
 * byteLength) of the file, decoded). Returns how many records it read.
 */
export function forEachRecord(
  text: string,
  baseOffset: number,
  byteLength: number,
  delimiter: string | null,
  each: (offset: number, value: string) => void,
): number {
  const ascii = byteLength === text.length;
  const len = text.length;
  let offset = baseOffset;
  let pos = 0;
  let records = 0;
  let nextLf = -2;
  let nextCr = -2;
  while (pos < len) {
    let end: number;
    let next: number;
    if (delimiter !== null && delimiter.length > 0) {
      end = text.indexOf(delimiter, pos);
      if (end < 0) end = len;
      next = Math.min(len, end + delimiter.length);
    } else {
      if (nextLf !== -1 && nextLf < pos) nextLf = text.indexOf('\n', pos);
      if (nextCr !== -1 && nextCr < pos) nextCr = text.indexOf('\r', pos);
      end = nextLf < 0 ? (nextCr < 0 ? len : nextCr) : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr);
      next = end === len ? len : end === nextCr && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    }
    let value = text.slice(pos, end);
    const step = ascii ? next - pos : utf8Length(text.slice(pos, next));
    if (offset === 0 && value.startsWith(BOM)) value = value.slice(1);
    each(offset, value);
    records++;
    offset += step;
    pos = next;
  }
  return records;
}
