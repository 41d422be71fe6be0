import { describe, expect, it } from 'vitest';
import { commentSchema, MAX_COMMENT_TEXT } from './comment';
import { metaSchema } from './meta';
import { summonSchema } from './summon';
import { MAX_TIMER_MS, timerStateSchema } from './timer';

describe('comment schema', () => {
  it('reads a comment written before threads existed as a board-level root', () => {
    expect(commentSchema.parse({ id: 'm1', text: 'Check this' })).toEqual({
      id: 'm1',
      targetId: null,
      parentId: null,
      view: null,
      x: null,
      y: null,
      text: 'Check this',
      author: '',
      mentions: [],
      createdAt: 0,
      resolved: false,
    });
  });

  it('takes replies, canvas points and mentions', () => {
    expect(commentSchema.parse({ id: 'r', text: 'Yes', parentId: 'm1', mentions: ['Ada'] })).toMatchObject({ parentId: 'm1', mentions: ['Ada'] });
    expect(commentSchema.parse({ id: 'p', text: 'Here', view: 'logic-model', x: 10, y: -5 })).toMatchObject({ view: 'logic-model', x: 10, y: -5 });
  });

  it('refuses hostile or broken comments', () => {
    const bad = [
      { id: 'a', text: 'x'.repeat(MAX_COMMENT_TEXT + 1) },
      { id: 'a', text: '   ' },
      { id: 'a', text: 42 },
      { id: 'a', text: 'x', resolved: 'yes' },
      { id: 'a', text: 'x', x: 5 },
      { id: 'a', text: 'x', x: 5, y: 5 },
      { id: 'a', text: 'x', view: 'nowhere', x: 1, y: 1 },
      { id: 'a', text: 'x', x: Number.POSITIVE_INFINITY, y: 1, view: 'logic-model' },
      { id: 'a', text: 'x', mentions: Array.from({ length: 51 }, (_, i) => `p${i}`) },
      { id: 'a', text: 'x', mentions: [''] },
      { id: 'a', text: 'x', parentId: 'y'.repeat(65) },
    ];
    for (const value of bad) expect(commentSchema.safeParse(value).success, JSON.stringify(value).slice(0, 80)).toBe(false);
  });
});

describe('timer and summon settings', () => {
  const running = { durationMs: 300_000, running: true, endsAt: 1_000_000, remainingMs: null, by: 'Ada', seq: 1 };

  it('default to none, so boards made before them need no migration', () => {
    expect(metaSchema.parse({})).toMatchObject({ timer: null, summon: null });
  });

  it('accept a running or paused timer and refuse inconsistent or hostile ones', () => {
    expect(timerStateSchema.safeParse(running).success).toBe(true);
    expect(timerStateSchema.safeParse({ ...running, running: false, endsAt: null, remainingMs: 1000 }).success).toBe(true);
    const bad = [
      { ...running, endsAt: null },
      { ...running, running: false, remainingMs: null },
      { ...running, durationMs: MAX_TIMER_MS + 1 },
      { ...running, durationMs: 0 },
      { ...running, extra: 1 },
      { ...running, seq: -1 },
      { ...running, by: 'x'.repeat(500) },
    ];
    for (const value of bad) expect(timerStateSchema.safeParse(value).success).toBe(false);
  });

  it('accept a summon with a real viewport only', () => {
    const summon = { seq: 1, view: 'skills-matrix', viewport: { x: 0, y: 0, width: 800, height: 600 }, by: 'Ada', at: 5 };
    expect(summonSchema.safeParse(summon).success).toBe(true);
    expect(summonSchema.safeParse({ ...summon, seq: 0 }).success).toBe(false);
    expect(summonSchema.safeParse({ ...summon, viewport: { x: 0, y: 0, width: 0, height: 600 } }).success).toBe(false);
    expect(summonSchema.safeParse({ ...summon, view: 'elsewhere' }).success).toBe(false);
  });
});
