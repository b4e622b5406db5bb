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

/** The text a producer sends for a key, value or header: a string as it is, bytes as UTF-8 text. */
export function textOf(value: string | Uint8Array): string {
  return typeof value === 'string' ? value : decodeUtf8(value);
}
