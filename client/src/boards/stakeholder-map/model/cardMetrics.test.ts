import { describe, expect, it } from 'vitest';
import { BITMAP_FROM_CARDS, cardBounds, handleCentre, labelShown, MAX_BITMAP_PX, onHandle, paintPlan, type PaintInput } from './cardMetrics';

const base: PaintInput = {
  onScreen: () => 5000,
  content: { x: 0, y: 0, width: 1000, height: 1000 },
  zoom: 0.6,
  pixelRatio: 1,
  bitmap: null,
  version: 3,
  resting: true,
};
const zooming = { ...base, resting: false };

describe('labelShown', () => {
  it('hides labels under 6.5 screen pixels, with the font never below 70%', () => {
    expect(labelShown(1, 1)).toBe(true);
    expect(labelShown(0.45, 1)).toBe(false);
    expect(labelShown(0.7, 0.1)).toBe(true); // 14 * 0.7 * 0.7 = 6.86
    expect(labelShown(0.6, 0.1)).toBe(false);
  });
});

describe('card geometry', () => {
  it('indexes the circle with room for the label underneath', () => {
    const box = cardBounds({ x: 100, y: 100, radius: 20 });
    expect(box.y + box.height).toBeGreaterThan(100 + 20 + 30);
    expect(box.x).toBeLessThan(100 - 36);
  });

  it('finds the handle right of the circle', () => {
    const card = { x: 0, y: 0, radius: 20 };
    expect(handleCentre(card)).toEqual({ x: 34, y: 0 });
    expect(onHandle(card, { x: 34, y: 5 })).toBe(true);
    expect(onHandle(card, { x: 20, y: 0 })).toBe(false);
  });
});

describe('paintPlan', () => {
  it('draws few cards live and never makes a bitmap for them', () => {
    expect(paintPlan({ ...base, onScreen: () => BITMAP_FROM_CARDS - 1 })).toBe('live');
    expect(paintPlan({ ...base, content: null })).toBe('live');
  });

  it('makes a bitmap of the whole map when many cards are on screen and it fits', () => {
    expect(paintPlan(base)).toBe('rebuild');
  });

  it('draws live when the whole map would not fit in a bitmap at this zoom', () => {
    expect(paintPlan({ ...base, zoom: (MAX_BITMAP_PX + 10) / 1000 })).toBe('live');
    expect(paintPlan({ ...base, zoom: 3, pixelRatio: 2 })).toBe('live');
  });

  it('reuses the bitmap while panning (same cards, same zoom)', () => {
    expect(paintPlan({ ...base, bitmap: { zoom: 0.6, version: 3 } })).toBe('reuse');
    expect(paintPlan({ ...zooming, bitmap: { zoom: 0.6, version: 3 } })).toBe('reuse');
  });

  it('keeps the bitmap at its own zoom even where few cards are on screen, without counting them', () => {
    const count = () => {
      throw new Error('not needed');
    };
    expect(paintPlan({ ...base, onScreen: count, bitmap: { zoom: 0.6, version: 3 } })).toBe('reuse');
  });

  it('redraws it when the cards changed', () => {
    expect(paintPlan({ ...base, bitmap: { zoom: 0.6, version: 2 } })).toBe('rebuild');
  });

  it('stretches it during a zoom gesture and makes it sharp once the camera rests', () => {
    expect(paintPlan({ ...zooming, zoom: 0.9, bitmap: { zoom: 0.6, version: 3 } })).toBe('reuse');
    expect(paintPlan({ ...base, zoom: 0.9, bitmap: { zoom: 0.6, version: 3 } })).toBe('rebuild');
    // Too far from its own zoom, or no bitmap yet: the cards on screen are drawn live until the gesture rests.
    expect(paintPlan({ ...zooming, zoom: 1.5, bitmap: { zoom: 0.6, version: 3 } })).toBe('live');
    expect(paintPlan({ ...zooming, bitmap: null })).toBe('live');
    expect(paintPlan({ ...base, zoom: 1.5, bitmap: { zoom: 0.6, version: 3 } })).toBe('rebuild');
  });
});
