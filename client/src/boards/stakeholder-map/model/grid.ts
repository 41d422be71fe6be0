/**
 * Power/interest grid geometry (Mendelow). The grid is 5 x 5 cells, one per level
 * 0-4 of each axis: interest grows to the right, power grows upwards (high power
 * at the top, as the matrix is always drawn), so screen y runs against power.
 * The quadrant rules themselves live in `@pc/shared` (the export uses them too).
 */
import {
  clampStakeholderLevel as clampLevel,
  QUADRANT_HIGH_FROM,
  STAKEHOLDER_LEVEL_MAX as MAX_LEVEL,
  STAKEHOLDER_LEVEL_MIDDLE as MIDDLE_LEVEL,
  type MendelowQuadrant,
  type StakeholderLevel as Level,
} from '@pc/shared';
import { compareByNameThenId } from './text';
import type { Point } from '../../../lib/geometry';

/** Pixel rectangle of the whole grid, top-left origin. */
export interface GridLayout {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const GRID_LEVELS = 5;

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
