/**
 * Java's DataOutput and DataInput as Hadoop's Writables use them: big-endian ints, longs and
 * doubles, and Hadoop's variable-length ints (WritableUtils.writeVLong / readVLong: -112..127 in
 * one byte, else a length byte then the value's bytes, most significant first).
 */
import { encodeUtf8 } from '../core';

// The engine's ES2022 lib does not declare TextDecoder (engine/core/utf8.ts declares it too).
declare class TextDecoder {
  constructor(label?: string, options?: { ignoreBOM?: boolean });
  decode(input: Uint8Array): string;
}

/** UTF-8 as Text decodes it: a leading U+FEFF is a character of the string, not a mark to drop. */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** A growing byte buffer written front to back (Hadoop's DataOutputBuffer). */
export class ByteWriter {
  private buf = new Uint8Array(256);
  private view = new DataView(this.buf.buffer);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.length++] = b & 0xff;
  }

  int(n: number): void {
    this.room(4);
    this.view.setInt32(this.length, n);
    this.length += 4;
  }

  long(n: bigint): void {
    this.room(8);
    this.view.setBigInt64(this.length, n);
    this.length += 8;
  }

  double(n: number): void {
    this.room(8);
    this.view.setFloat64(this.length, n);
    this.length += 8;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** WritableUtils.writeVLong (writeVInt is the same for ints). */
  vlong(value: number): void {
    let i = BigInt(value);
    if (i >= -112n && i <= 127n) {
      this.byte(Number(i));
      return;
    }
    let len = -112;
    if (i < 0n) {
      i = ~i;
      len = -120;
    }
    for (let tmp = i; tmp !== 0n; tmp >>= 8n) len--;
    this.byte(len);
    const n = len < -120 ? -(len + 120) : -(len + 112);
    for (let idx = n; idx !== 0; idx--) this.byte(Number((i >> BigInt((idx - 1) * 8)) & 0xffn));
  }

  /** Text.writeString: the UTF-8 bytes' count as a vint, then the bytes. */
  text(s: string): void {
    const b = encodeUtf8(s);
    this.vlong(b.length);
    this.bytes(b);
  }

  toBytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Thrown when bytes end before what they announce (Java's EOFException). */
export class EofError extends Error {
  override name = 'EOFException';
}

/** Reads bytes front to back; every read past the end is an EofError. */
export class ByteReader {
  private readonly view: DataView;
  pos: number;

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    readonly end = buf.length,
  ) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.pos = start;
  }

  private need(n: number): number {
    if (this.pos + n > this.end) throw new EofError(`${n} more bytes were expected at offset ${this.pos}`);
    const at = this.pos;
    this.pos += n;
    return at;
  }

  byte(): number {
    return this.view.getInt8(this.need(1));
  }

  int(): number {
    return this.view.getInt32(this.need(4));
  }

  long(): bigint {
    return this.view.getBigInt64(this.need(8));
  }

  double(): number {
    return this.view.getFloat64(this.need(8));
  }

  bytes(n: number): Uint8Array {
    return this.buf.subarray(this.need(n), this.pos);
  }

  /** WritableUtils.readVLong, as a number (Hadoop's lengths and counts fit). */
  vlong(): number {
    const first = this.byte();
    if (first >= -112) return first;
    const size = first < -120 ? -119 - first : -111 - first;
    let i = 0n;
    for (let idx = 0; idx < size - 1; idx++) i = (i << 8n) | BigInt(this.byte() & 0xff);
    const negative = first < -120;
    return Number(negative ? ~i : i);
  }

  /** Text.readString. */
  text(): string {
    const n = this.vlong();
    if (n < 0) throw new EofError(`a negative string length ${n} at offset ${this.pos}`);
    return utf8.decode(this.bytes(n));
  }
}
