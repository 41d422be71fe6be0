import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { messageYjsSyncStep2, writeSyncStep1, writeUpdate } from 'y-protocols/sync';
import { messageSync } from 'y-websocket';
import { offlineCatchUp, serverStateVector } from './offlineCatchUp';

function board(notes: number): Y.Doc {
  const doc = new Y.Doc();
  const items = doc.getMap('canvasItems');
  doc.transact(() => {
    for (let i = 0; i < notes; i++) items.set(`n${i}`, `${'note text '.repeat(20)}${i}`);
  });
  return doc;
}

describe('the offline copy sent as a catch-up', () => {
  it('is what the server lacked: edits made offline, not the board it already holds', () => {
    const server = board(2000);
    // This device's copy: the board as the server had it, then two edits offline.
    const device = new Y.Doc();
    Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
    device.getMap('canvasItems').set('offline', 'Written on the train');
    device.getMap('canvasItems').delete('n7');

    const catchUp = offlineCatchUp(device, Y.encodeStateVector(server));
    expect(catchUp).not.toBeNull();
    const whole = Y.encodeStateAsUpdate(device).byteLength;
    expect(catchUp!.byteLength).toBeLessThan(whole / 100);

    const decoder = decoding.createDecoder(catchUp!);
    expect(decoding.readVarUint(decoder)).toBe(messageSync);
    expect(decoding.readVarUint(decoder)).toBe(messageYjsSyncStep2);
    Y.applyUpdate(server, decoding.readVarUint8Array(decoder));
    expect(server.getMap('canvasItems').get('offline')).toBe('Written on the train');
    expect(server.getMap('canvasItems').has('n7')).toBe(false);
    expect(server.getMap('canvasItems').size).toBe(2000);
  });

  it('waits for the server to ask when it has not yet (or never does, for a viewer)', () => {
    expect(offlineCatchUp(board(3), null)).toBeNull();
  });

  it("reads the server's state vector from its sync step 1 only, leaving the message to be read", () => {
    const doc = board(5);
    const step1 = encoding.createEncoder();
    writeSyncStep1(step1, doc);
    const decoder = decoding.createDecoder(encoding.toUint8Array(step1));
    expect(serverStateVector(decoder)).toEqual(Y.encodeStateVector(doc));
    expect(decoder.pos).toBe(0);

    const update = encoding.createEncoder();
    writeUpdate(update, Y.encodeStateAsUpdate(doc));
    expect(serverStateVector(decoding.createDecoder(encoding.toUint8Array(update)))).toBeNull();
    expect(serverStateVector(decoding.createDecoder(new Uint8Array([0, 0xff])))).toBeNull();
  });
});
