/**
 * The cards the map paints, as plain records with a spatial index over them:
 * what each frame draws (the cards intersecting the viewport, in a stable
 * order), what the pointer is over, and the rectangle the whole map covers.
 * Updated in place from one render to the next, so a drag re-indexes one card.
 */
import { cardBounds, HIT_SLACK, LABEL_LINES, LABEL_LINE_HEIGHT, labelFontSize, labelOffsetY, labelWidth, onHandle } from './cardMetrics';
import { type Point } from '../../../lib/geometry';
import { unionRects, type Rect } from '../../../lib/geometry';
import { SpatialIndex } from '../../../canvas/spatialIndex';

export interface CardDraw {
  id: string;
  name: string;
  x: number;
  y: number;
  radius: number;
  scale: number;
  fill: string;
  /** Owning partners' colours, in the stakeholder's own order. */
  owners: readonly string[];
  isPartner: boolean;
  /** Search is active and this card matches (halo) or does not (faded). */
  highlight: 'hit' | 'miss' | null;
  selected: boolean;
  /** Show the "draw a relationship" handle (network layout, selected, editable). */
  handle: boolean;
}

export interface CardHit {
  id: string;
  /** On the selected card's relationship handle rather than the card. */
  handle: boolean;
}

/** Same drawing: every field equal (owners compared by content). */
export function sameCardDraw(a: CardDraw, b: CardDraw): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.x === b.x &&
    a.y === b.y &&
    a.radius === b.radius &&
    a.scale === b.scale &&
    a.fill === b.fill &&
    a.isPartner === b.isPartner &&
    a.highlight === b.highlight &&
    a.selected === b.selected &&
    a.handle === b.handle &&
    a.owners.length === b.owners.length &&
    a.owners.every((colour, i) => colour === b.owners[i])
  );
}

/** World rectangle a card draws into: halo, rings, partner mark and both label lines. */
export function cardExtent(card: CardDraw): Rect {
  const halo = card.radius + 9;
  const halfLabel = labelWidth(card.scale) / 2;
  const bottom = card.y + labelOffsetY(card.radius, card.owners.length) + labelFontSize(card.scale) * LABEL_LINE_HEIGHT * LABEL_LINES;
  const left = card.x - Math.max(halo, halfLabel);
  const top = card.y - halo;
  return { x: left, y: top, width: 2 * Math.max(halo, halfLabel) + (card.handle ? 24 : 0), height: bottom - top };
}

/**
 * Past this many changed areas in one go they are merged: each into the
 * rectangle of its tile (the changed region cut into `MERGE_TILES` x
 * `MERGE_TILES`), so a card crossing cells of a crowded grid, which moves every
 * card of both cells, repaints two cells rather than the whole map.
 */
const MAX_DIRTY = 400;
const MERGE_TILES = 8;
/** Merged areas covering more than this share of the map: paint everything. */
const MAX_DIRTY_SHARE = 0.5;
/** Versions whose changed areas are remembered. */
const DIRTY_HISTORY = 16;

export class CardScene {
  private readonly index = new SpatialIndex(256);
  private cards = new Map<string, CardDraw>();
  private rank = new Map<string, number>();
  private selected: CardDraw | null = null;
  /** Changes whenever anything drawn changes; bitmaps and redraws key on it. */
  version = 0;
  /** Where every card draws (null when there are none), for a whole-map bitmap. */
  content: Rect | null = null;
  /** For recent versions: the world areas that changed to reach it ('all': too many to list). */
  private dirtyLog: { version: number; areas: Rect[] | 'all' }[] = [];

  get size(): number {
    return this.cards.size;
  }

  get selectedCard(): CardDraw | null {
    return this.selected;
  }

  /** Replace the cards (in drawing order: later on top). Returns whether anything drawn changed. */
  setCards(list: readonly CardDraw[]): boolean {
    const next = new Map<string, CardDraw>();
    const rank = new Map<string, number>();
    let changed = list.length !== this.cards.size;
    let selected: CardDraw | null = null;
    const dirty: Rect[] = [];
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    list.forEach((card, i) => {
      const before = this.cards.get(card.id);
      if (!before || before.x !== card.x || before.y !== card.y || before.radius !== card.radius) this.index.set(card.id, cardBounds(card));
      if (!before) dirty.push(cardExtent(card));
      else if (!sameCardDraw(before, card)) dirty.push(cardExtent(before), cardExtent(card));
      // A card coming or going shifts every later rank without changing what overlaps what:
      // a new order is a new version, but not an area to repaint.
      if (!changed && (dirty.length > 0 || this.rank.get(card.id) !== i)) changed = true;
      next.set(card.id, card);
      rank.set(card.id, i);
      if (card.selected) selected = card;
      const extent = cardExtent(card);
      minX = Math.min(minX, extent.x);
      minY = Math.min(minY, extent.y);
      maxX = Math.max(maxX, extent.x + extent.width);
      maxY = Math.max(maxY, extent.y + extent.height);
    });
    for (const [id, card] of this.cards) {
      if (next.has(id)) continue;
      this.index.delete(id);
      dirty.push(cardExtent(card));
      changed = true;
    }
    this.cards = next;
    this.rank = rank;
    this.selected = selected;
    this.content = minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
    if (changed) {
      this.version += 1;
      this.dirtyLog.push({ version: this.version, areas: dirty.length > MAX_DIRTY ? mergeAreas(dirty, this.content) : dirty });
      if (this.dirtyLog.length > DIRTY_HISTORY) this.dirtyLog.shift();
    }
    return changed;
  }

  /**
   * The world areas that changed since `version` (a picture of that version
   * repainted there shows this one), or null when that is unknown or too much.
   */
  changedSince(version: number): Rect[] | null {
    if (version === this.version) return [];
    const first = this.dirtyLog.findIndex((entry) => entry.version === version + 1);
    if (first < 0) return null;
    const areas: Rect[] = [];
    for (const entry of this.dirtyLog.slice(first)) {
      if (entry.areas === 'all') return null;
      areas.push(...entry.areas);
      if (areas.length > MAX_DIRTY) return null;
    }
    return areas;
  }

  /** Every card in drawing order. */
  all(): CardDraw[] {
    return [...this.cards.values()];
  }

  /** Cards intersecting a world rectangle, in drawing order (stable however the view moves). */
  visible(rect: Rect): CardDraw[] {
    const ids = this.index.query(rect);
    const out: CardDraw[] = [];
    for (const id of ids) {
      const card = this.cards.get(id);
      if (card) out.push(card);
    }
    if (out.length === this.cards.size) return this.all();
    return out.sort((a, b) => this.rank.get(a.id)! - this.rank.get(b.id)!);
  }

  /** The card (or the selected card's handle) under a world point: the topmost drawn wins. */
  at(point: Point): CardHit | null {
    const selected = this.selected;
    if (selected?.handle && onHandle(selected, point)) return { id: selected.id, handle: true };
    const near = this.index.query({ x: point.x - HIT_SLACK, y: point.y - HIT_SLACK, width: 2 * HIT_SLACK, height: 2 * HIT_SLACK });
    let best: CardDraw | null = null;
    let bestRank = -1;
    for (const id of near) {
      const card = this.cards.get(id);
      if (!card || Math.hypot(card.x - point.x, card.y - point.y) > card.radius + HIT_SLACK) continue;
      // The selected card is painted last, over everything else.
      const rank = card.selected ? Infinity : this.rank.get(id)!;
      if (rank > bestRank) {
        best = card;
        bestRank = rank;
      }
    }
    return best ? { id: best.id, handle: false } : null;
  }
}

/**
 * Many changed areas as a few: each joins the rectangle of the tile its centre
 * falls in (tiles cut the areas' own bounds), every area inside its tile's
 * rectangle, so repainting the few repaints all of them. 'all' when they would
 * cover most of the map anyway.
 */
export function mergeAreas(areas: readonly Rect[], content: Rect | null): Rect[] | 'all' {
  const bounds = unionRects(areas);
  if (!bounds) return [];
  const minX = bounds.x;
  const minY = bounds.y;
  const tileWidth = bounds.width / MERGE_TILES || 1;
  const tileHeight = bounds.height / MERGE_TILES || 1;
  const tiles = new Map<number, { x0: number; y0: number; x1: number; y1: number }>();
  for (const area of areas) {
    const column = Math.min(MERGE_TILES - 1, Math.floor((area.x + area.width / 2 - minX) / tileWidth));
    const row = Math.min(MERGE_TILES - 1, Math.floor((area.y + area.height / 2 - minY) / tileHeight));
    const key = row * MERGE_TILES + column;
    const tile = tiles.get(key);
    if (!tile) tiles.set(key, { x0: area.x, y0: area.y, x1: area.x + area.width, y1: area.y + area.height });
    else {
      tile.x0 = Math.min(tile.x0, area.x);
      tile.y0 = Math.min(tile.y0, area.y);
      tile.x1 = Math.max(tile.x1, area.x + area.width);
      tile.y1 = Math.max(tile.y1, area.y + area.height);
    }
  }
  const merged = [...tiles.values()].map(({ x0, y0, x1, y1 }) => ({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }));
  const covered = merged.reduce((sum, area) => sum + area.width * area.height, 0);
  const whole = content ? content.width * content.height : 0;
  return whole > 0 && covered <= whole * MAX_DIRTY_SHARE ? merged : 'all';
}
