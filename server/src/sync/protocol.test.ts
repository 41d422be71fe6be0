import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { createRecord } from '@pc/shared';
import { decodeClientMessage, encodeSyncStep2, encodeUpdate, ProtocolError } from './protocol';

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

describe('decodeClientMessage', () => {
  const doc = new Y.Doc();
  createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'hi' });

  it('reads what a y-websocket client sends', () => {
    const step1 = frame((e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep1(e, doc);
    });
    expect(decodeClientMessage(step1)).toEqual({ kind: 'sync-step1', stateVector: Y.encodeStateVector(doc) });

    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeClientMessage(encodeUpdate(update))).toEqual({ kind: 'update', update });
    expect(decodeClientMessage(encodeSyncStep2(doc, new Uint8Array([0])))).toMatchObject({ kind: 'sync-step2' });

    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ name: 'Ada' });
    const presence = frame((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
    });
    expect(decodeClientMessage(presence)).toMatchObject({ kind: 'awareness' });
    expect(decodeClientMessage(new Uint8Array([3]))).toEqual({ kind: 'query-awareness' });
    awareness.destroy();
  });

  it('copies payloads out of the (possibly pooled) input buffer', () => {
    const update = Y.encodeStateAsUpdate(doc);
    const input = encodeUpdate(update);
    const message = decodeClientMessage(input);
    input.fill(0);
    expect(message).toEqual({ kind: 'update', update });
  });

  it.each([
    ['empty', []],
    ['truncated varint', [0x80, 0x80]],
    ['unknown type', [9]],
    ['unknown sync type', [0, 7, 0]],
    ['length past the end', [0, 2, 50, 1, 2]],
    ['trailing bytes', [3, 0]],
    ['bad awareness JSON', [1, 5, 1, 1, 1, 1, 0x7b]],
  ])('throws ProtocolError for %s', (_name, bytes) => {
    expect(() => decodeClientMessage(new Uint8Array(bytes))).toThrow(ProtocolError);
  });

  it('never reads past the end of a view on a larger buffer', () => {
    const backing = new Uint8Array(64).fill(7);
    backing.set([0, 2, 10], 0);
    // The view holds only the header; the length claims bytes that exist only in the backing buffer.
    expect(() => decodeClientMessage(backing.subarray(0, 3))).toThrow(ProtocolError);
  });
});
