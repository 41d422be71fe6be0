import { afterEach, describe, expect, it } from 'vitest';
import { Keepalive, type KeepaliveMember } from './keepalive';

class Member implements KeepaliveMember {
  alive = true;
  pings = 0;
  terminated = false;
  ping() {
    this.pings++;
  }
  terminate() {
    this.terminated = true;
  }
}

let keepalive: Keepalive<Member> | undefined;
afterEach(() => keepalive?.stop());

function make(count: number, slices: number) {
  const members = new Set(Array.from({ length: count }, () => new Member()));
  keepalive = new Keepalive(members, 60_000, slices);
  return { members, keepalive };
}

describe('Keepalive', () => {
  it('pings each connection once per round, a share per tick', () => {
    const { members, keepalive } = make(100, 10);
    keepalive.tick();
    expect([...members].filter((m) => m.pings === 1)).toHaveLength(10);
    for (let i = 1; i < 10; i++) keepalive.tick();
    expect([...members].every((m) => m.pings === 1)).toBe(true);
  });

  it('gives every connection a whole interval to answer, however few there are', () => {
    const { members, keepalive } = make(2, 20);
    const [first] = [...members];
    // Two connections over twenty slices: both are pinged in the first ticks, then not again until the round's twenty ticks are over.
    for (let i = 0; i < 20; i++) keepalive.tick();
    expect([...members].map((m) => m.pings)).toEqual([1, 1]);
    expect(first!.terminated).toBe(false);
    for (const m of members) m.alive = true;
    keepalive.tick();
    expect(first!.pings).toBe(2);
    // A connection that stays silent is dropped a round later, not two ticks later.
    for (let i = 0; i < 19; i++) keepalive.tick();
    expect(first!.terminated).toBe(false);
    keepalive.tick();
    expect(first!.terminated).toBe(true);
  });

  it('drops a connection that missed the previous round, keeps one that answered', () => {
    const { members, keepalive } = make(4, 2);
    keepalive.tick();
    keepalive.tick();
    const [answered, silent] = [...members];
    answered!.alive = true;
    for (const m of members) if (m !== silent) m.alive = true;
    keepalive.tick();
    keepalive.tick();
    expect(silent!.terminated).toBe(true);
    expect(answered!.terminated).toBe(false);
    expect(answered!.pings).toBe(2);
  });

  it('skips connections that left during the round and picks up new ones next round', () => {
    const { members, keepalive } = make(4, 2);
    const [, , third] = [...members];
    keepalive.tick();
    members.delete(third!);
    const late = new Member();
    members.add(late);
    keepalive.tick();
    expect(third!.pings).toBe(0);
    expect(late.pings).toBe(0);
    for (const m of members) m.alive = true;
    keepalive.tick();
    keepalive.tick();
    expect(late.pings).toBe(1);
  });

  it('a ping that throws drops the connection', () => {
    const { members, keepalive } = make(1, 1);
    const [only] = [...members];
    only!.ping = () => {
      throw new Error('socket closed');
    };
    keepalive.tick();
    expect(only!.terminated).toBe(true);
  });
});
