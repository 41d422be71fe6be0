/**
 * Power/interest grid geometry (Mendelow). The grid is 5 x 5 cells, one per level
 * 0-4 of each axis: interest grows to the right, power grows upwards (high power
 * at the top, as the matrix is always drawn), so screen y runs against power.
 */
import { compareByNameThenId } from './text';
import type { Point } from '../../../lib/geometry';

/** Pixel rectangle of the whole grid, top-left origin. */
export interface GridLayout {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Level = 0 | 1 | 2 | 3 | 4;
export const GRID_LEVELS = 5;
export const MAX_LEVEL: Level = 4;
/** The schema default for power and interest; used when a value is unusable. */
export const MIDDLE_LEVEL: Level = 2;

/**
 * Any number to a level: rounded to the nearest whole level (2.5 -> 3) and clamped
 * to 0-4. NaN becomes the middle level so a bad value never throws a card into a
 * corner where it would read as a deliberate judgement.
 */
export function clampLevel(value: number): Level {
  if (Number.isNaN(value)) return MIDDLE_LEVEL;
  const rounded = Math.round(value);
  return Math.min(MAX_LEVEL, Math.max(0, rounded)) as Level;
}

function cellSize(layout: GridLayout): { width: number; height: number } {
  return { width: layout.width / GRID_LEVELS, height: layout.height / GRID_LEVELS };
}

/** Centre of the cell for the given levels (inputs clamped like clampLevel). */
export function gridPositionFor(power: number, interest: number, layout: GridLayout): Point {
  const cell = cellSize(layout);
  const column = clampLevel(interest);
  const row = MAX_LEVEL - clampLevel(power);
  return { x: layout.x + (column + 0.5) * cell.width, y: layout.y + (row + 0.5) * cell.height };
}

/**
 * Cell index (0 = nearest the origin) along one axis, or null when the offset or
 * span is unusable (NaN, zero-size grid). Cells own their top/left edge. An
 * infinite offset is a drop far outside the grid and clamps like any other.
 */
function cellIndexAlong(offset: number, span: number): Level | null {
  if (Number.isNaN(offset) || !(span > 0) || !Number.isFinite(span)) return null;
  const index = Math.floor((offset / span) * GRID_LEVELS);
  return Math.min(MAX_LEVEL, Math.max(0, index)) as Level;
}

/**
 * Levels under a drop point, snapped to the cell and clamped: dropping beyond the
 * grid's edge means "as high/low as it goes", never an invalid level. An unusable
 * coordinate gives the middle level on that axis.
 */
export function levelsAt(point: Point, layout: GridLayout): { power: Level; interest: Level } {
  const column = cellIndexAlong(point.x - layout.x, layout.width);
  const row = cellIndexAlong(point.y - layout.y, layout.height);
  return {
    power: row === null ? MIDDLE_LEVEL : ((MAX_LEVEL - row) as Level),
    interest: column ?? MIDDLE_LEVEL,
  };
}

export type MendelowQuadrant = 'manageClosely' | 'keepSatisfied' | 'keepInformed' | 'monitor';
export const MENDELOW_QUADRANTS: readonly MendelowQuadrant[] = ['manageClosely', 'keepSatisfied', 'keepInformed', 'monitor'];

/**
 * First level that counts as "high" on either axis. Level 2 is the midpoint of the
 * scale and counts as low on BOTH axes, for three reasons:
 * - "high" should mean a judgement above the middle, not the middle itself;
 * - new stakeholders default to 2/2 (and fast entry creates many at once): they
 *   land in "monitor" until assessed instead of swelling "manage closely", the
 *   quadrant that costs partners the most time (Principle 3: be honest about
 *   the time and resources available);
 * - the same rule on both axes keeps the quadrants a clean 2 x 2 block of cells
 *   (levels 3-4) against 3 x 3 (levels 0-2), drawn with the dividing lines on
 *   cell edges, so what users see always matches the classification.
 */
export const QUADRANT_HIGH_FROM: Level = 3;

export function isHighLevel(level: number): boolean {
  return clampLevel(level) >= QUADRANT_HIGH_FROM;
}

export function mendelowQuadrant(power: number, interest: number): MendelowQuadrant {
  const highPower = isHighLevel(power);
  const highInterest = isHighLevel(interest);
  if (highPower) return highInterest ? 'manageClosely' : 'keepSatisfied';
  return highInterest ? 'keepInformed' : 'monitor';
}

export const QUADRANT_LABELS: Readonly<Record<MendelowQuadrant, string>> = {
  manageClosely: 'Manage closely',
  keepSatisfied: 'Keep satisfied',
  keepInformed: 'Keep informed',
  monitor: 'Monitor',
};

export const QUADRANT_STRATEGIES: Readonly<Record<MendelowQuadrant, string>> = {
  manageClosely: 'Involve them fully and early: consult them on decisions and keep close, regular personal contact.',
  keepSatisfied: 'Meet their needs and consult them on what affects them, without burying them in detail.',
  keepInformed: 'Keep them regularly informed and listen to their concerns; they can become allies and advocates.',
  monitor: 'Watch for changes in their power or interest and share general updates with minimal effort.',
};

/** Pixel rectangle of each quadrant, with the dividing lines on cell edges (see QUADRANT_HIGH_FROM). */
export function quadrantRects(layout: GridLayout): Record<MendelowQuadrant, GridLayout> {
  const cell = cellSize(layout);
  const highSpan = (MAX_LEVEL - QUADRANT_HIGH_FROM + 1) * cell.width;
  const lowSpan = layout.width - highSpan;
  const highRows = (MAX_LEVEL - QUADRANT_HIGH_FROM + 1) * cell.height;
  const lowRows = layout.height - highRows;
  const left = layout.x;
  const right = layout.x + lowSpan;
  const top = layout.y;
  const bottom = layout.y + highRows;
  return {
    manageClosely: { x: right, y: top, width: highSpan, height: highRows },
    keepSatisfied: { x: left, y: top, width: lowSpan, height: highRows },
    keepInformed: { x: right, y: bottom, width: highSpan, height: lowRows },
    monitor: { x: left, y: bottom, width: lowSpan, height: lowRows },
  };
}

export interface CellSpread {
  /** Offsets from the cell centre, one per card, in the order given. */
  offsets: Point[];
  /** Card scale (<= 1) that keeps the cards from overlapping inside the cell. */
  scale: number;
}

/**
 * Deterministic offsets for `count` cards of `cardSize` pixels (square footprint)
 * sharing one cell: a near-square block of rows, centred on the cell. When the
 * block would not fit, the cards shrink (scale < 1) rather than overlap or spill
 * into a neighbouring cell, where they would read as another level.
 */
export function cellSpread(count: number, cellWidth: number, cellHeight: number, cardSize: number): CellSpread {
  const n = Math.max(0, Math.floor(count));
  if (n === 0) return { offsets: [], scale: 1 };
  const columns = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / columns);
  const size = cardSize > 0 ? cardSize : 1;
  const fit = Math.min(cellWidth / (columns * size), cellHeight / (rows * size));
  const scale = Number.isFinite(fit) && fit > 0 ? Math.min(1, fit) : 1;
  const step = size * scale;
  const offsets: Point[] = [];
  for (let i = 0; i < n; i += 1) {
    const row = Math.floor(i / columns);
    // The last row may be short: centre it so the block stays symmetric.
    const inRow = row === rows - 1 ? n - row * columns : columns;
    const column = i - row * columns;
    offsets.push({ x: (column - (inRow - 1) / 2) * step, y: (row - (rows - 1) / 2) * step });
  }
  return { offsets, scale };
}

export interface GridCard {
  id: string;
  name: string;
  power: number;
  interest: number;
}

export interface PlacedCard extends Point {
  scale: number;
}

/**
 * Positions for every card on the grid: grouped by cell, each cell's cards in the
 * shared name-then-id order so every partner's screen shows the same arrangement.
 */
export function gridCardPositions(cards: readonly GridCard[], layout: GridLayout, cardSize: number): Map<string, PlacedCard> {
  const byCell = new Map<string, GridCard[]>();
  for (const card of cards) {
    const key = `${clampLevel(card.power)}:${clampLevel(card.interest)}`;
    const list = byCell.get(key);
    if (list) list.push(card);
    else byCell.set(key, [card]);
  }
  const cell = cellSize(layout);
  const result = new Map<string, PlacedCard>();
  for (const list of byCell.values()) {
    list.sort(compareByNameThenId);
    const first = list[0] as GridCard;
    const centre = gridPositionFor(first.power, first.interest, layout);
    const spread = cellSpread(list.length, cell.width, cell.height, cardSize);
    list.forEach((card, i) => {
      const offset = spread.offsets[i] as Point;
      result.set(card.id, { x: centre.x + offset.x, y: centre.y + offset.y, scale: spread.scale });
    });
  }
  return result;
}
