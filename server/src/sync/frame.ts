/**
 * A complete server-to-client WebSocket frame (RFC 6455 section 5.2: FIN,
 * binary opcode, unmasked) around one message. A room's broadcast is framed
 * once and the same bytes are written to every recipient's socket: one write
 * per recipient instead of ws framing, corking and gathering each copy.
 */
export function encodeBinaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x80 | 0x2;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, header);
  return frame;
}
