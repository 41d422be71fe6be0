import { describe, expect, it } from 'vitest';
import { decodeFanoutMessage, encodeFanoutMessage, FanoutMessageError, type FanoutMessage } from './message';

const MAX = 1024 * 1024;
const bytes = (...values: number[]) => new Uint8Array(values);

describe('fan-out message framing', () => {
  const messages: FanoutMessage[] = [
    { kind: 'update', from: 'node-a', sentAt: 1_700_000_000_000, update: bytes(0, 0) },
    { kind: 'awareness', from: 'b', sentAt: 5, update: bytes(1, 2, 3) },
    { kind: 'state', from: 'c_1', sentAt: 6, stateVector: bytes(0), wantReply: true },
    { kind: 'state', from: 'c_1', sentAt: 6, stateVector: bytes(1, 5, 9), wantReply: false },
    { kind: 'sync-request', from: 'a', sentAt: 7, target: 'b', stateVector: bytes(0) },
    { kind: 'sync-reply', from: 'b', sentAt: 8, target: 'a', update: bytes(0, 0) },
    { kind: 'close', from: 'a', sentAt: 9, role: 'edit', code: 4401, reason: 'this link was replaced by the board owner' },
    { kind: 'evict', from: 'a', sentAt: 10, code: 4404, reason: 'this board was deleted' },
    { kind: 'heartbeat', from: 'a', sentAt: 11 },
    { kind: 'goodbye', from: 'a', sentAt: 12 },
  ];

  it.each(messages.map((message) => [message.kind, message] as const))('round-trips %s', (_kind, message) => {
    expect(decodeFanoutMessage(encodeFanoutMessage(message), MAX)).toEqual(message);
  });

  it('refuses garbage, truncation, trailing bytes and unknown kinds with a FanoutMessageError', () => {
    const good = encodeFanoutMessage(messages[0]!);
    const cases: Uint8Array[] = [
      bytes(),
      bytes(1),
      new TextEncoder().encode('hello, this is not a frame'),
      good.subarray(0, good.length - 1),
      new Uint8Array([...good, 0]),
      new Uint8Array([2, ...good.subarray(1)]),
      new Uint8Array([1, 99, ...good.subarray(2)]),
    ];
    for (const data of cases) expect(() => decodeFanoutMessage(data, MAX)).toThrow(FanoutMessageError);
  });

  it('refuses bad node ids, roles, close codes, empty payloads and oversized frames', () => {
    const bad: FanoutMessage[] = [
      { kind: 'heartbeat', from: 'has space', sentAt: 1 },
      { kind: 'heartbeat', from: '', sentAt: 1 },
      { kind: 'close', from: 'a', sentAt: 1, role: 'admin' as never, code: 4401, reason: 'x' },
      { kind: 'close', from: 'a', sentAt: 1, role: 'all', code: 99, reason: 'x' },
      { kind: 'evict', from: 'a', sentAt: 1, code: 4404, reason: 'x'.repeat(200) },
      { kind: 'update', from: 'a', sentAt: 1, update: bytes() },
    ];
    for (const message of bad) expect(() => decodeFanoutMessage(encodeFanoutMessage(message), MAX)).toThrow(FanoutMessageError);
    const big = encodeFanoutMessage({ kind: 'update', from: 'a', sentAt: 1, update: new Uint8Array(2048) });
    expect(() => decodeFanoutMessage(big, 1024)).toThrow(/over the 1024-byte limit/);
  });

  it('never throws anything but FanoutMessageError on random input', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const data = new Uint8Array(Math.floor(random() * 40));
      for (let j = 0; j < data.length; j++) data[j] = Math.floor(random() * 256);
      if (i % 2 === 0 && data.length > 2) {
        data[0] = 1;
        data[1] = 1 + (i % 9);
      }
      try {
        decodeFanoutMessage(data, MAX);
      } catch (error) {
        expect(error).toBeInstanceOf(FanoutMessageError);
      }
    }
  });
});
