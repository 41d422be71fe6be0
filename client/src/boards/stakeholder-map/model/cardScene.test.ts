import { describe, expect, it } from 'vitest';
import { CardScene, cardExtent, mergeAreas, sameCardDraw, type CardDraw } from './cardScene';
import { rectsIntersect, type Rect } from '../../../lib/geometry';

function card(id: string, x: number, y: number, extra: Partial<CardDraw> = {}): CardDraw {
  return { id, name: id, x, y, radius: 20, scale: 1, fill: '#000', owners: [], isPartner: false, highlight: null, selected: false, handle: false, ...extra };
}

describe('CardScene', () => {
  it('gives the cards in a rectangle in drawing order, however the index stores them', () => {
    const scene = new CardScene();
    scene.setCards([card('c', 900, 900), card('a', 10, 10), card('b', 600, 20)]);
    expect(scene.visible({ x: 0, y: 0, width: 700, height: 100 }).map((c) => c.id)).toEqual(['a', 'b']);
    expect(scene.visible({ x: -100, y: -100, width: 2000, height: 2000 }).map((c) => c.id)).toEqual(['c', 'a', 'b']);
    expect(scene.visible({ x: 2000, y: 2000, width: 10, height: 10 })).toEqual([]);
  });

  it('bumps its version only when something drawn changed', () => {
    const scene = new CardScene();
    scene.setCards([card('a', 0, 0), card('b', 100, 0)]);
    const v = scene.version;
    expect(scene.setCards([card('a', 0, 0), card('b', 100, 0)])).toBe(false);
    expect(scene.version).toBe(v);
    expect(scene.setCards([card('a', 0, 0), card('b', 100, 0, { fill: '#fff' })])).toBe(true);
    expect(scene.setCards([card('b', 100, 0, { fill: '#fff' }), card('a', 0, 0)])).toBe(true); // order changed
    expect(scene.setCards([card('a', 0, 0)])).toBe(true);
    expect(scene.version).toBe(v + 3);
  });

  it('moves a card in the index and forgets removed ones', () => {
    const scene = new CardScene();
    scene.setCards([card('a', 0, 0), card('b', 100, 0)]);
    scene.setCards([card('a', 5000, 5000)]);
    expect(scene.visible({ x: -50, y: -50, width: 300, height: 100 })).toEqual([]);
    expect(scene.visible({ x: 4900, y: 4900, width: 200, height: 200 }).map((c) => c.id)).toEqual(['a']);
    expect(scene.size).toBe(1);
  });

  it('hit-tests circles (with a pixel of slack), the topmost drawn winning, the selected card above all', () => {
    const scene = new CardScene();
    scene.setCards([card('a', 0, 0), card('b', 30, 0), card('c', 200, 0)]);
    expect(scene.at({ x: 0, y: 0 })).toEqual({ id: 'a', handle: false });
    expect(scene.at({ x: 15, y: 0 })).toEqual({ id: 'b', handle: false });
    expect(scene.at({ x: 0, y: 20.5 })).toEqual({ id: 'a', handle: false });
    expect(scene.at({ x: 0, y: 22 })).toBeNull();
    expect(scene.at({ x: 100, y: 0 })).toBeNull();
    scene.setCards([card('a', 0, 0, { selected: true }), card('b', 30, 0), card('c', 200, 0)]);
    expect(scene.at({ x: 15, y: 0 })).toEqual({ id: 'a', handle: false });
    expect(scene.selectedCard?.id).toBe('a');
  });

  it("finds the selected card's relationship handle before any card under it", () => {
    const scene = new CardScene();
    scene.setCards([card('a', 0, 0, { selected: true, handle: true }), card('b', 40, 0)]);
    expect(scene.at({ x: 34, y: 0 })).toEqual({ id: 'a', handle: true });
    expect(scene.at({ x: 50, y: 0 })).toEqual({ id: 'b', handle: false });
  });

  it('covers every card, label included, in its content rectangle', () => {
    const scene = new CardScene();
    expect(scene.content).toBeNull();
    scene.setCards([card('a', 0, 0), card('b', 500, 300)]);
    const content = scene.content!;
    for (const c of [card('a', 0, 0), card('b', 500, 300)]) {
      const e = cardExtent(c);
      expect(e.x).toBeGreaterThanOrEqual(content.x);
      expect(e.y + e.height).toBeLessThanOrEqual(content.y + content.height);
    }
    expect(content.y + content.height).toBeGreaterThan(300 + 20 + 5 + 2 * 14 * 1.2 - 0.001);
  });

  it('says which areas changed since an earlier version, for repainting a bitmap in part', () => {
    const scene = new CardScene();
    const many = Array.from({ length: 500 }, (_, i) => card(`c${i}`, (i % 25) * 100, Math.floor(i / 25) * 100));
    scene.setCards(many);
    const v = scene.version;
    expect(scene.changedSince(v)).toEqual([]);
    expect(scene.changedSince(v - 1)).toBeNull(); // everything was new: paint it all
    const moved = many.map((c) => (c.id === 'c3' ? { ...c, x: 5000, y: 5000 } : c));
    scene.setCards(moved);
    const areas = scene.changedSince(v)!;
    expect(areas).toEqual([cardExtent(many[3]!), cardExtent(moved[3]!)]);
    scene.setCards(moved.filter((c) => c.id !== 'c4'));
    expect(scene.changedSince(v)).toEqual([...areas, cardExtent(many[4]!)]);
    expect(scene.changedSince(v + 1)).toEqual([cardExtent(many[4]!)]);
    expect(scene.changedSince(-5)).toBeNull();
  });

  it('compares owners by content', () => {
    expect(sameCardDraw(card('a', 0, 0, { owners: ['#1'] }), card('a', 0, 0, { owners: ['#1'] }))).toBe(true);
    expect(sameCardDraw(card('a', 0, 0, { owners: ['#1'] }), card('a', 0, 0, { owners: ['#2'] }))).toBe(false);
  });

  it('merges the many areas of a crowded cell reshuffling into a few covering them all, rather than repainting the map', () => {
    const scene = new CardScene();
    // 40 x 40 cards; the first 400 (a band at the top) all move a little, as a grid cell's cards do when one joins it.
    const many = Array.from({ length: 1600 }, (_, i) => card(`c${i}`, (i % 40) * 100, Math.floor(i / 40) * 100));
    scene.setCards(many);
    const v = scene.version;
    const shifted = many.map((c, i) => (i < 400 ? { ...c, x: c.x + 30 } : c));
    scene.setCards(shifted);
    const areas = scene.changedSince(v)!;
    expect(areas).not.toBeNull();
    expect(areas.length).toBeLessThanOrEqual(64);
    const inside = (inner: Rect, outer: Rect) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
    for (let i = 0; i < 400; i++) {
      for (const extent of [cardExtent(many[i]!), cardExtent(shifted[i]!)]) expect(areas.some((area) => inside(extent, area))).toBe(true);
    }
    // The untouched lower half is not repainted, beyond the band's edge.
    expect(areas.some((area) => rectsIntersect(area, cardExtent(many[1500]!)))).toBe(false);
  });

  it('paints everything when the merged areas would cover most of the map', () => {
    const areas = Array.from({ length: 500 }, (_, i) => ({ x: (i % 25) * 100, y: Math.floor(i / 25) * 100, width: 60, height: 60 }));
    expect(mergeAreas(areas, { x: 0, y: 0, width: 2500, height: 2000 })).toBe('all');
    expect(mergeAreas(areas.slice(0, 30), { x: 0, y: 0, width: 2500, height: 2000 })).not.toBe('all');
  });
});
