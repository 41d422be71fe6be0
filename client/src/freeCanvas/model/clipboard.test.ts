import { describe, expect, it } from 'vitest';
import { canvasItemSchema, orderKeys, type CanvasItem } from '@pc/shared';
import { CLIPBOARD_FORMAT, MAX_CLIPBOARD_ITEMS, decodeClipboard, encodeClipboard, planPaste } from './clipboard';

const item = (id: string, patch: Partial<CanvasItem> = {}): CanvasItem => canvasItemSchema.parse({ id, kind: 'sticky', text: id, x: 10, y: 20, ...patch });

const note = item('note-a');
const other = item('note-b', { x: 300, order: 'a1' });
const arrow = item('arrow-1', { kind: 'connector', fromId: 'note-a', toId: 'note-b', text: 'leads to' });
const toRecord = item('arrow-2', { kind: 'connector', fromId: 'note-a', toId: 'stakeholder-1' });

let counter = 0;
const context = (patch: Partial<Parameters<typeof planPaste>[1]> = {}) => ({
  boardId: 'board-1',
  view: 'logic-model' as const,
  offset: { x: 24, y: 24 },
  newId: () => `new-${++counter}`,
  orderKeys: (count: number) => orderKeys(count, 'a5'),
  existsOnTarget: (id: string) => id === 'stakeholder-1',
  ...patch,
});

describe('clipboard payload', () => {
  it('round-trips the copied items', () => {
    const read = decodeClipboard(encodeClipboard('board-1', 'stakeholder-map', [other, note]));
    expect(read.kind).toBe('items');
    if (read.kind === 'items') expect(read.payload.items.map((i) => i.id)).toEqual(['note-a', 'note-b']);
  });

  it('treats plain text and other JSON as not ours', () => {
    expect(decodeClipboard('hello').kind).toBe('foreign');
    expect(decodeClipboard('{"items":[]}').kind).toBe('foreign');
    expect(decodeClipboard('null').kind).toBe('foreign');
    expect(decodeClipboard('[1,2]').kind).toBe('foreign');
  });

  it('refuses hostile payloads that claim to be ours, cleanly', () => {
    const base = JSON.parse(encodeClipboard('board-1', 'stakeholder-map', [note])) as Record<string, unknown>;
    const hostile: unknown[] = [
      { ...base, version: 99 },
      { ...base, view: 'admin' },
      { ...base, items: [] },
      { ...base, items: [{ ...note, x: 'NaN' }] },
      { ...base, items: [{ ...note, kind: 'script' }] },
      { ...base, items: [{ ...note, id: 'x'.repeat(500) }] },
      { ...base, items: [{ ...note, text: 'x'.repeat(100_000) }] },
      { ...base, items: [{ ...note, width: 1e9 }] },
      { ...base, items: [note, note] },
      { ...base, items: Array.from({ length: MAX_CLIPBOARD_ITEMS + 1 }, (_, i) => ({ ...note, id: `n${i}` })) },
      { ...base, extra: true },
      { ...base, items: 'all' },
    ];
    for (const payload of hostile) {
      const read = decodeClipboard(JSON.stringify(payload));
      expect(read.kind, JSON.stringify(payload).slice(0, 120)).toBe('refused');
    }
    expect(decodeClipboard(`{"format":"${CLIPBOARD_FORMAT}","pad":"${'x'.repeat(2_000_001)}"}`)).toEqual({ kind: 'refused', reason: 'too large' });
    expect(decodeClipboard(`{"format":"${CLIPBOARD_FORMAT}",`).kind).toBe('foreign');
  });
});

describe('planPaste', () => {
  it('gives fresh ids, the target tab, the offset and new order keys above everything in copied order', () => {
    const read = decodeClipboard(encodeClipboard('board-1', 'stakeholder-map', [other, note]));
    if (read.kind !== 'items') throw new Error('not read');
    const pasted = planPaste(read.payload, context());
    expect(pasted.map((i) => i.text)).toEqual(['note-a', 'note-b']);
    expect(pasted.every((i) => i.id.startsWith('new-') && i.view === 'logic-model')).toBe(true);
    expect(pasted[0]).toMatchObject({ x: 34, y: 44 });
    expect(pasted[0]!.order < pasted[1]!.order && pasted[0]!.order > 'a5').toBe(true);
  });

  it('points a copied connector at the copies of its ends', () => {
    const read = decodeClipboard(encodeClipboard('board-1', 'stakeholder-map', [note, other, arrow]));
    if (read.kind !== 'items') throw new Error('not read');
    const pasted = planPaste(read.payload, context());
    const connector = pasted.find((i) => i.kind === 'connector')!;
    const ids = pasted.filter((i) => i.kind !== 'connector').map((i) => i.id);
    expect(ids).toContain(connector.fromId);
    expect(ids).toContain(connector.toId);
    expect(connector.text).toBe('leads to');
  });

  it('keeps an end left behind only when the same board still has it on the target tab, else drops the connector', () => {
    const read = decodeClipboard(encodeClipboard('board-1', 'stakeholder-map', [note, toRecord, arrow]));
    if (read.kind !== 'items') throw new Error('not read');
    const same = planPaste(read.payload, context());
    expect(same.filter((i) => i.kind === 'connector').map((i) => i.toId)).toEqual(['stakeholder-1']);
    const elsewhere = planPaste(read.payload, context({ boardId: 'board-2' }));
    expect(elsewhere.filter((i) => i.kind === 'connector')).toEqual([]);
  });
});
