import { z } from 'zod';
import { colourSchema, finiteNumber, orderKeySchema, recordIdSchema, shortTextSchema, textSchema } from './common';

export const CANVAS_ITEM_KINDS = ['sticky', 'text', 'frame', 'connector'] as const;
export type CanvasItemKind = (typeof CANVAS_ITEM_KINDS)[number];

/** Which board tab a free canvas item belongs to. */
export const BOARD_VIEWS = ['stakeholder-map', 'skills-matrix', 'logic-model', 'health'] as const;
export type BoardView = (typeof BOARD_VIEWS)[number];

/** A value read from outside (a link, a peer's presence, this device's storage) naming a known tab. */
export function isBoardView(value: unknown): value is BoardView {
  return typeof value === 'string' && (BOARD_VIEWS as readonly string[]).includes(value);
}

export const STICKY_COLOURS = ['#fde68a', '#bbf7d0', '#bfdbfe', '#fbcfe8', '#fed7aa', '#e9d5ff'] as const;

export const canvasItemSchema = z.object({
  id: recordIdSchema,
  kind: z.enum(CANVAS_ITEM_KINDS),
  text: textSchema.default(''),
  x: finiteNumber.default(0),
  y: finiteNumber.default(0),
  width: finiteNumber.min(8).max(10_000).default(180),
  height: finiteNumber.min(8).max(10_000).default(120),
  colour: colourSchema.default(STICKY_COLOURS[0]),
  view: z.enum(BOARD_VIEWS).default('stakeholder-map'),
  /** z-order: fractional index, higher draws on top. */
  order: orderKeySchema.default('a0'),
  /** Connector ends (kind = connector). */
  fromId: recordIdSchema.nullable().default(null),
  toId: recordIdSchema.nullable().default(null),
  author: shortTextSchema.default(''),
});

export type CanvasItem = z.infer<typeof canvasItemSchema>;

/** Fields written even when they hold their default (see ALWAYS_STORED_FIELDS). */
export const canvasItemAlwaysStored = ['text', 'x', 'y', 'order'] as const;
