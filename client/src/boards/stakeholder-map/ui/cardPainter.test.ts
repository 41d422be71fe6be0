import { describe, expect, it } from 'vitest';
import type { CardDraw } from '../model/cardScene';
import { paintCards, warmLabels, type LabelBudget } from './cardPainter';

/** A 2D context that records the texts filled. */
function recorder() {
  const texts: string[] = [];
  const ctx = new Proxy(
    {},
    {
      get(_target, prop) {
        if (prop === 'getTransform') return () => ({ a: 1, b: 0, c: 0, d: 1 });
        return (...args: unknown[]) => {
          if (prop === 'fillText') texts.push(String(args[0]));
        };
      },
      set: () => true,
    },
  );
  return { ctx: ctx as unknown as CanvasRenderingContext2D, texts };
}

const card = (i: number): CardDraw => ({
  id: `s${i}`,
  name: `Budget test stakeholder ${i}`,
  x: i * 10,
  y: 0,
  radius: 20,
  scale: 1,
  fill: '#ccc',
  owners: [],
  isPartner: false,
  highlight: null,
  selected: false,
  handle: false,
});

describe('stakeholder labels under a frame budget', () => {
  const cards = Array.from({ length: 40 }, (_, i) => card(i));

  it('leaves out the labels it has not laid out once the budget is spent, and counts them', () => {
    const { ctx, texts } = recorder();
    const spent: LabelBudget = { until: -Infinity, skipped: 0 };
    paintCards(ctx, cards, 1, spent);
    expect(spent.skipped).toBe(40);
    expect(texts).toEqual([]);
  });

  it('draws every label once they are warmed, whatever the budget', () => {
    expect(warmLabels(cards.slice(0, 10), 1, () => 100)).toBe(true);
    const { ctx, texts } = recorder();
    const spent: LabelBudget = { until: -Infinity, skipped: 0 };
    paintCards(ctx, cards, 1, spent);
    // The ten warmed ones are drawn from the cache; the other thirty wait for the next warm-up.
    expect(spent.skipped).toBe(30);
    const numbers = texts.flatMap((t) => /\d+/.exec(t) ?? []);
    expect(new Set(numbers)).toEqual(new Set(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']));
    expect(warmLabels(cards, 1, () => 100)).toBe(true);
    const again = recorder();
    const none: LabelBudget = { until: -Infinity, skipped: 0 };
    paintCards(again.ctx, cards, 1, none);
    expect(none.skipped).toBe(0);
  });

  it('stops warming when the time runs short, and says it is not done', () => {
    const fresh = Array.from({ length: 5 }, (_, i) => ({ ...card(100 + i), name: `Another stakeholder ${i}` }));
    let left = 3;
    expect(warmLabels(fresh, 1, () => left--)).toBe(false);
    expect(warmLabels(fresh, 1, () => 100)).toBe(true);
  });

  it('lays labels out as before when no budget is given', () => {
    const { ctx, texts } = recorder();
    paintCards(ctx, [{ ...card(200), name: 'Unbudgeted' }], 1);
    expect(texts.join(' ')).toContain('Unbudgeted');
  });
});
