import { z } from 'zod';
import { BOARD_VIEWS, canvasItemSchema, type BoardView, type CanvasItem } from '@pc/shared';
import { compareZOrder } from '../../canvas/items';

/**
 * The private clipboard format of free items: JSON text, tagged so that a paste
 * of anything else (plain text, another app's JSON) is recognised as "not ours".
 * Everything read from the clipboard is untrusted: each item passes the shared
 * schema, and the whole is bounded before it is parsed.
 */
export const CLIPBOARD_FORMAT = 'partnership-canvas/items';
export const CLIPBOARD_VERSION = 1;
export const MAX_CLIPBOARD_ITEMS = 500;
export const MAX_CLIPBOARD_CHARS = 2_000_000;
/** Each paste lands this far down and right of what was copied. */
export const PASTE_OFFSET = 24;

const payloadSchema = z
  .object({
    format: z.literal(CLIPBOARD_FORMAT),
    version: z.literal(CLIPBOARD_VERSION),
    boardId: z.string().max(100),
    view: z.enum(BOARD_VIEWS),
    items: z.array(canvasItemSchema).min(1).max(MAX_CLIPBOARD_ITEMS),
  })
  .strict();

export type ClipboardPayload = z.infer<typeof payloadSchema>;

export type ClipboardRead =
  | { kind: 'items'; payload: ClipboardPayload }
  /** Text that is not ours at all: paste it as a note, or ignore it. */
  | { kind: 'foreign' }
  /** Claims to be ours but fails the checks: refused, nothing is written. */
  | { kind: 'refused'; reason: string };

export function encodeClipboard(boardId: string, view: BoardView, items: readonly CanvasItem[]): string {
  const payload: ClipboardPayload = { format: CLIPBOARD_FORMAT, version: CLIPBOARD_VERSION, boardId, view, items: [...items].sort(compareZOrder) };
  return JSON.stringify(payload);
}

export function decodeClipboard(text: string): ClipboardRead {
  if (text.length > MAX_CLIPBOARD_CHARS) return text.includes(CLIPBOARD_FORMAT) ? { kind: 'refused', reason: 'too large' } : { kind: 'foreign' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'foreign' };
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { format?: unknown }).format !== CLIPBOARD_FORMAT) return { kind: 'foreign' };
  const result = payloadSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { kind: 'refused', reason: issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'invalid' };
  }
  const ids = new Set<string>();
  for (const item of result.data.items) {
    if (ids.has(item.id)) return { kind: 'refused', reason: `items: duplicate id ${item.id}` };
    ids.add(item.id);
  }
  return { kind: 'items', payload: result.data };
}

export interface PasteContext {
  boardId: string;
  view: BoardView;
  /** How far from the copied place the items land. */
  offset: { x: number; y: number };
  newId(): string;
  /** Order keys for the new items, lowest first, all above what the board holds. */
  orderKeys(count: number): string[];
  /** Is this id a record or item a connector may keep pointing at on the target tab? */
  existsOnTarget(id: string): boolean;
}

/**
 * The records a paste creates: fresh ids, shifted by the offset, on the target
 * tab, above everything, in the copied z-order. A connector keeps its ends when
 * they were copied with it (pointing at the copies), or when the same board's
 * target tab still has them; otherwise it is left out rather than dangling.
 */
export function planPaste(payload: ClipboardPayload, context: PasteContext): CanvasItem[] {
  const sameBoard = payload.boardId === context.boardId;
  const idMap = new Map(payload.items.map((item) => [item.id, context.newId()]));
  const endFor = (id: string | null): string | null | undefined => {
    if (id === null) return null;
    const copied = idMap.get(id);
    if (copied) return copied;
    return sameBoard && context.existsOnTarget(id) ? id : undefined;
  };
  const planned: CanvasItem[] = [];
  for (const item of payload.items) {
    if (item.kind === 'connector') {
      const fromId = endFor(item.fromId);
      const toId = endFor(item.toId);
      if (!fromId || !toId) continue;
      planned.push({ ...item, id: idMap.get(item.id)!, fromId, toId });
    } else {
      planned.push({ ...item, id: idMap.get(item.id)!, fromId: null, toId: null });
    }
  }
  const keys = context.orderKeys(planned.length);
  return planned.map((item, index) => ({
    ...item,
    view: context.view,
    x: Math.round(item.x + context.offset.x),
    y: Math.round(item.y + context.offset.y),
    order: keys[index]!,
  }));
}
