/**
 * The bytes of a key, a value or a header as a consumer receives them: KafkaJS hands out Node
 * Buffers, and learners read them with `message.value.toString()` or `JSON.parse(message.value)`.
 * The sandbox has no Node, so this is the part of Buffer they use: a Uint8Array whose toString
 * decodes UTF-8 (and whose toJSON prints like a Buffer's).
 */
import { decodeUtf8, encodeUtf8 } from '../../core/utf8';

export class KafkaBuffer extends Uint8Array {
  static fromText(text: string): KafkaBuffer {
    const bytes = encodeUtf8(text);
    const out = new KafkaBuffer(bytes.length);
    out.set(bytes);
    return out;
  }

  /** The text (UTF-8; KafkaJS's default, and the only encoding here). */
  override toString(encoding: string = 'utf8'): string {
    if (encoding !== 'utf8' && encoding !== 'utf-8')
      throw new RangeError(`Buffer.toString: only 'utf8' is supported here, not '${encoding}'`);
    return decodeUtf8(this);
  }

  toJSON(): { type: 'Buffer'; data: number[] } {
    return { type: 'Buffer', data: Array.from(this) };
  }
}

/** Bytes from any realm (the CLI runs learners' code in a vm context of its own, whose Uint8Array is another). */
export function isBytes(v: unknown): v is Uint8Array {
  return Object.prototype.toString.call(v) === '[object Uint8Array]';
}

/** The text a producer sends for a key, value or header: a string as it is, bytes as UTF-8 text. */
export function textOf(value: string | Uint8Array): string {
  return typeof value === 'string' ? value : decodeUtf8(value);
}

/**
 * `Buffer` as a streaming program sees it (it has no Node): the part KafkaJS code uses,
 * `Buffer.from(text | bytes | numbers)`, `Buffer.isBuffer`, `Buffer.byteLength`; buffers are
 * KafkaBuffers (UTF-8 only).
 */
export const BufferShim = Object.freeze({
  from(value: unknown, encoding: unknown = 'utf8'): KafkaBuffer {
    if (typeof value === 'string') {
      if (encoding !== 'utf8' && encoding !== 'utf-8')
        throw new RangeError(`Buffer.from: only 'utf8' is supported here, not '${String(encoding)}'`);
      return KafkaBuffer.fromText(value);
    }
    if (isBytes(value) || Array.isArray(value)) {
      const list = value as ArrayLike<number>;
      const out = new KafkaBuffer(list.length);
      for (let i = 0; i < list.length; i++) out[i] = Number(list[i]) & 255;
      return out;
    }
    throw new TypeError('Buffer.from: give it a string, bytes or an array of numbers');
  },
  isBuffer: (value: unknown): boolean => value instanceof KafkaBuffer,
  byteLength: (value: unknown): number =>
    typeof value === 'string' ? encodeUtf8(value).length : isBytes(value) ? value.length : 0,
});
