import { describe, expect, it } from 'vitest';
import * as ws from 'ws';
import { encodeBinaryFrame } from './frame';

// ws's own framer and parser, as the oracle (exported at runtime, absent from its type definitions).
const { Sender, Receiver } = ws as unknown as {
  Sender: { frame(data: Buffer, options: Record<string, unknown>): Buffer[] };
  Receiver: new (options: { isServer: boolean; binaryType: string }) => NodeJS.WritableStream & {
    once(event: 'message', listener: (data: Buffer) => void): void;
  };
};

/** What ws itself would put on the wire for the same binary message from a server. */
function wsFrame(payload: Uint8Array): Buffer {
  return Buffer.concat(Sender.frame(Buffer.from(payload), { fin: true, rsv1: false, opcode: 2, mask: false, readOnly: false }));
}

function payloadOf(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);
}

describe('encodeBinaryFrame', () => {
  it.each([0, 1, 125, 126, 127, 65_535, 65_536, 200_000])('matches ws byte for byte for a %i-byte message', (length) => {
    const payload = payloadOf(length);
    expect(encodeBinaryFrame(payload).equals(wsFrame(payload))).toBe(true);
  });

  it('is read back whole by a WebSocket client parser', async () => {
    const payload = payloadOf(70_000);
    const receiver = new Receiver({ isServer: false, binaryType: 'nodebuffer' });
    const received = new Promise<Buffer>((resolve) => receiver.once('message', (data: Buffer) => resolve(data)));
    receiver.write(encodeBinaryFrame(payload));
    expect(new Uint8Array(await received)).toEqual(payload);
  });

  it('copies the message, so the caller may reuse its buffer', () => {
    const payload = payloadOf(10);
    const frame = encodeBinaryFrame(payload);
    payload.fill(0);
    expect(frame.subarray(2)).toEqual(Buffer.from(payloadOf(10)));
  });
});
