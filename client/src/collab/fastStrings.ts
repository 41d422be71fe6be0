import { utf8TextDecoder } from 'lib0/string';

/** Longest string taken by the ASCII path (one `String.fromCharCode` call spreads every byte as an argument). */
const ASCII_PATH_MAX = 256;

/**
 * A short byte run that is all ASCII, as a string; `null` when a byte is not
 * ASCII or the run is long (the caller decodes it as UTF-8). ASCII bytes are
 * their own UTF-8, so the result is what a UTF-8 decoder returns.
 */
export function asciiString(bytes: Uint8Array): string | null {
  const length = bytes.length;
  if (length > ASCII_PATH_MAX) return null;
  for (let i = 0; i < length; i++) if (bytes[i]! > 127) return null;
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

const patched = new WeakSet<TextDecoder>();

/**
 * Loading a board decodes one short string per record field and per key
 * (10,000 notes: about 200,000 of them). Yjs reads each through lib0's shared
 * `TextDecoder`, and in Chromium a `TextDecoder.decode` call on a few bytes
 * costs about 1 µs, 13 times a plain ASCII read. Short all-ASCII strings, most
 * of a board, are read directly; anything else still goes to the decoder,
 * which keeps throwing on malformed UTF-8 (`fatal`). Done once, before the
 * first sync; the decoder instance is lib0's own, so Yjs uses it unchanged.
 */
export function installFastStringDecoding(decoder: TextDecoder | null = utf8TextDecoder): void {
  if (!decoder || patched.has(decoder)) return;
  patched.add(decoder);
  const decode = TextDecoder.prototype.decode;
  decoder.decode = function fastDecode(this: TextDecoder, input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
    if (options === undefined && input instanceof Uint8Array) {
      const ascii = asciiString(input);
      if (ascii !== null) return ascii;
    }
    return decode.call(this, input, options);
  };
}
