import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { utf8TextDecoder } from 'lib0/string';
import { asciiString, installFastStringDecoding } from './fastStrings';

const encode = (text: string) => new TextEncoder().encode(text);

describe('asciiString', () => {
  it('reads short all-ASCII runs, including the empty one and control characters', () => {
    for (const text of ['', 'a', 'Note 12: partner council', '\u0000\t\n\u007f', 'x'.repeat(256)]) {
      expect(asciiString(encode(text))).toBe(text);
    }
  });

  it('leaves non-ASCII and long runs to the UTF-8 decoder', () => {
    expect(asciiString(encode('café'))).toBeNull();
    expect(asciiString(encode('🙂'))).toBeNull();
    expect(asciiString(encode('x'.repeat(257)))).toBeNull();
    expect(asciiString(new Uint8Array([0xff]))).toBeNull();
  });
});

describe('installFastStringDecoding', () => {
  it('decodes exactly as the fatal UTF-8 decoder does, malformed input still throws', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const reference = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    installFastStringDecoding(decoder);
    installFastStringDecoding(decoder); // once only: not wrapped twice
    for (const text of ['', 'plain', 'Ünïcödé partner', '\uFEFFwith a BOM', '日本語', '🙂 emoji', 'y'.repeat(5000)]) {
      expect(decoder.decode(encode(text))).toBe(reference.decode(encode(text)));
    }
    const sub = encode('__inside__').subarray(2, 8);
    expect(decoder.decode(sub)).toBe('inside');
    expect(() => decoder.decode(new Uint8Array([0x61, 0xc3]))).toThrow(TypeError);
    expect(decoder.decode(new Uint8Array([0x61, 0xc3]), { stream: true })).toBe('a');
  });

  it("Yjs reads a board's strings unchanged through lib0's decoder", () => {
    installFastStringDecoding();
    expect(utf8TextDecoder?.decode(encode('ok'))).toBe('ok');
    const source = new Y.Doc();
    const records = source.getMap<Y.Map<unknown>>('canvasItems');
    const values = ['Note 1', 'Réunion des partenaires', '🙂', 'z'.repeat(300), ''];
    values.forEach((text, i) => {
      const record = new Y.Map<unknown>();
      records.set(`id-${i}-é`, record);
      record.set('text', text);
      record.set('tags', [text, 'plain']);
    });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(source));
    expect(copy.getMap('canvasItems').toJSON()).toEqual(records.toJSON());
  });
});
