/**
 * UTF-8 encoding for the engine. TextEncoder/TextDecoder exist in Node, browsers and Web
 * Workers alike, but the engine's ES2022-only lib does not declare them, so we declare the
 * small part we use here instead of pulling in DOM types.
 */
declare class TextEncoder {
  encode(input: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string);
  decode(input: Uint8Array): string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function decodeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
