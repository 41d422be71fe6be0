import { describe, expect, it } from 'vitest';
import { throttle, type Clock } from './throttle';

function fakeClock() {
  let now = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      const index = timers.findIndex((t) => t.id === id);
      if (index >= 0) timers.splice(index, 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const due = timers[0];
      if (!due || due.at > now) break;
      timers.shift();
      due.fn();
    }
  };
  return { clock, advance };
}

describe('throttle', () => {
  it('runs the first call at once and the latest of a burst once at the end', () => {
    const { clock, advance } = fakeClock();
    const calls: number[] = [];
    const t = throttle((n: number) => calls.push(n), 50, clock);
    t(1);
    t(2);
    t(3);
    expect(calls).toEqual([1]);
    advance(49);
    expect(calls).toEqual([1]);
    advance(1);
    expect(calls).toEqual([1, 3]);
  });

  it('limits a steady stream to one call per interval', () => {
    const { clock, advance } = fakeClock();
    let count = 0;
    const t = throttle(() => count++, 50, clock);
    for (let i = 0; i < 100; i++) {
      t();
      advance(5);
    }
    advance(100);
    expect(count).toBeGreaterThanOrEqual(10);
    expect(count).toBeLessThanOrEqual(12);
  });

  it('flush runs the pending call now; cancel drops it', () => {
    const { clock, advance } = fakeClock();
    const calls: string[] = [];
    const t = throttle((s: string) => calls.push(s), 50, clock);
    t('a');
    t('b');
    t.flush();
    expect(calls).toEqual(['a', 'b']);
    t('c');
    t.cancel();
    advance(100);
    expect(calls).toEqual(['a', 'b']);
  });
});
