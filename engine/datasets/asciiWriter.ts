/**
 * ASCII text written straight into bytes, one piece at a time, into a buffer that doubles when
 * full: the sample datasets are made this way (sampleData.ts), not as strings joined and then
 * encoded. The 100,000 sensor readings took 240-340 ms as strings, cold, which a Run pressed as
 * soon as the page shows waited for. Only ASCII may be written: `text` takes a string's UTF-16
 * code units as bytes.
 */
export class AsciiWriter {
  private buffer: Uint8Array;
  private at = 0;

  /** `expectedBytes` sizes the first buffer (at most 64 MB; it grows past that as it fills). */
  constructor(expectedBytes: number) {
    const n = Math.ceil(expectedBytes);
    this.buffer = new Uint8Array(n >= 64 ? Math.min(n, 1 << 26) : 64);
  }

  /** One byte (a character code below 128). */
  byte(code: number): void {
    if (this.at === this.buffer.length) this.grow(1);
    this.buffer[this.at++] = code;
  }

  /** An ASCII string. */
  text(s: string): void {
    if (this.at + s.length > this.buffer.length) this.grow(s.length);
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < s.length; i++) buffer[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /** A number as `String(n)` writes it (digit by digit when it is a safe integer ≥ 0). */
  number(n: number): void {
    if (!isDigits(n)) return this.text(String(n));
    if (n >= 10) this.number(Math.floor(n / 10));
    this.byte(48 + (n % 10));
  }

  /** A number as `String(n).padStart(2, '0')` writes it. */
  pad2(n: number): void {
    if (!isDigits(n)) return this.text(String(n).padStart(2, '0'));
    if (n < 10) this.byte(48);
    this.number(n);
  }

  /** The bytes written, in a buffer of their own length. */
  bytes(): Uint8Array {
    return this.buffer.slice(0, this.at);
  }

  private grow(needed: number): void {
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.at + needed));
    next.set(this.buffer.subarray(0, this.at));
    this.buffer = next;
  }
}

/** A safe integer ≥ 0, which `String` writes as plain digits (not -0, whose String is '0' too, but which is fine). */
function isDigits(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}
