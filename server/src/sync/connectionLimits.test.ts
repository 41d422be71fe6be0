import { describe, expect, it } from 'vitest';
import { ConnectionLimits, type ConnectionSlot } from './connectionLimits';

describe('ConnectionLimits', () => {
  it('refuses the connection past the per-board limit, whoever opens it', () => {
    const limits = new ConnectionLimits(2, 10);
    expect(typeof limits.acquire('b', '1.1.1.1')).toBe('object');
    expect(typeof limits.acquire('b', '2.2.2.2')).toBe('object');
    expect(limits.acquire('b', '3.3.3.3')).toBe('board-full');
    expect(typeof limits.acquire('other', '3.3.3.3')).toBe('object');
  });

  it('refuses the connection past the per-address limit, whatever the board', () => {
    const limits = new ConnectionLimits(10, 2);
    limits.acquire('a', 'ip');
    limits.acquire('b', 'ip');
    expect(limits.acquire('c', 'ip')).toBe('address-full');
  });

  it('frees a slot on release, once only, and forgets empty counters', () => {
    const limits = new ConnectionLimits(1, 1);
    const slot = limits.acquire('b', 'ip') as ConnectionSlot;
    expect(limits.acquire('b', 'ip')).toBe('board-full');
    slot.release();
    slot.release();
    expect(limits.count('b')).toBe(0);
    const again = limits.acquire('b', 'ip') as ConnectionSlot;
    expect(limits.count('b')).toBe(1);
    again.release();
  });
});
