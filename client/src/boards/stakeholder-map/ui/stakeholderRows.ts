/**
 * The accessible list of stakeholders as plain DOM, kept up to date row by row:
 * 10,000 rows through React cost a fibre per element and seconds to mount, and
 * re-rendering the list for one change reconciled every row. Here a row is one
 * `li` built from HTML (the browser's parser makes thousands of elements in
 * one go), updated in place when its values change (so focus stays on it), and
 * moved only when its place in the order changes. Events are delegated to the
 * `ul`, which React owns (it renders no children into it).
 */
import { type Stakeholder, mendelowQuadrant, QUADRANT_LABELS, type MendelowQuadrant } from '@pc/shared';
import { attitudeKey, fieldOptions } from '../model/fields';
import { highlightRanges } from '../model/filters';
import { RING_LABELS } from '../model/onion';
import { CHUNKS_PER_STEP, FIRST_CHUNKS, LIST_CHUNK_ROWS, chunkIntrinsicSize, chunksToRender } from '../../../canvas/listChunks';
import { whenIdle } from '../../../lib/afterPaint';

const ATTITUDE_LABELS = new Map(fieldOptions('attitude').map((o) => [o.value, o.label]));

/** Everything one row shows, as plain values: rows whose values did not change keep the same object. */
export interface RowData {
  s: Stakeholder;
  /** Where the card is drawn in this person's current layout (world units), if it is. */
  mapX: number | null;
  mapY: number | null;
  relationships: number;
  owners: string;
  colour: string;
  focusable: boolean;
  selected: boolean;
  search: string;
}

export function sameRow(a: RowData, b: RowData): boolean {
  return (
    a.s === b.s &&
    a.mapX === b.mapX &&
    a.mapY === b.mapY &&
    a.relationships === b.relationships &&
    a.owners === b.owners &&
    a.colour === b.colour &&
    a.focusable === b.focusable &&
    a.selected === b.selected &&
    a.search === b.search
  );
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** Text with the search terms wrapped in `<mark>`, escaped. */
export function highlightedHtml(text: string, query: string): string {
  const ranges = query ? highlightRanges(text, query) : [];
  if (ranges.length === 0) return escapeHtml(text);
  let out = '';
  let at = 0;
  for (const range of ranges) {
    if (range.start > at) out += escapeHtml(text.slice(at, range.start));
    out += `<mark>${escapeHtml(text.slice(range.start, range.end))}</mark>`;
    at = range.end;
  }
  if (at < text.length) out += escapeHtml(text.slice(at));
  return out;
}

/** The sentence under the name: where the card is, attitude, owners, relationships. */
export function rowMeta(s: Stakeholder, quadrant: MendelowQuadrant, owners: string, relationships: number): string {
  const attitude = typeof s.attitude === 'number' ? (ATTITUDE_LABELS.get(attitudeKey(s.attitude)) ?? 'Neutral') : 'Attitude not assessed';
  const ring = s.ring ? RING_LABELS[s.ring] : 'Ring not assessed';
  const where = s.placed ? `Power ${s.power}, interest ${s.interest}: ${QUADRANT_LABELS[quadrant]}. ${ring}. ${attitude}.` : 'To place. ';
  const related = relationships > 0 ? ` ${relationships} relationship${relationships === 1 ? '' : 's'}.` : '';
  return `${where} Owner: ${owners || 'none'}.${related}`;
}

/** The row's attributes (null: absent): the DOM contract tests and screen readers read. */
export function rowAttributes(row: RowData): Record<string, string | null> {
  const { s } = row;
  return {
    tabindex: row.focusable ? '0' : '-1',
    'data-stakeholder-id': s.id,
    'data-power': String(s.power),
    'data-interest': String(s.interest),
    'data-quadrant': mendelowQuadrant(s.power, s.interest),
    'data-ring': s.ring ?? 'unassessed',
    'data-placed': String(s.placed),
    'data-x': String(Math.round(s.x)),
    'data-y': String(Math.round(s.y)),
    'data-colour': row.colour,
    'data-map-x': row.mapX === null ? null : String(row.mapX),
    'data-map-y': row.mapY === null ? null : String(row.mapY),
    'data-relationships': String(row.relationships),
    'aria-current': row.selected ? 'true' : null,
    class: row.selected ? 'selected' : null,
  };
}

/** What goes inside the row's `li`. */
export function rowContentHtml(row: RowData): string {
  const { s, search } = row;
  const quadrant = mendelowQuadrant(s.power, s.interest);
  const org = s.organisation ? `<span class="sm-org">, ${highlightedHtml(s.organisation, search)}</span>` : '';
  const tag = s.partnerId ? '<span class="sm-tag">Partner</span>' : '';
  return (
    `<span class="sm-dot" style="background: ${escapeHtml(row.colour)}" aria-hidden="true"></span>` +
    `<span class="sm-row-body"><span class="sm-row-title"><span class="sm-name">${highlightedHtml(s.name, search)}</span>${org}${tag}</span>` +
    `<span class="sm-row-meta">${escapeHtml(rowMeta(s, quadrant, row.owners, row.relationships))}</span></span>`
  );
}

function attributesHtml(attributes: Record<string, string | null>): string {
  let out = '';
  for (const name in attributes) {
    const value = attributes[name];
    if (value !== null && value !== undefined) out += ` ${name}="${escapeHtml(value)}"`;
  }
  return out;
}

export function rowHtml(row: RowData): string {
  return `<li${attributesHtml(rowAttributes(row))}>${rowContentHtml(row)}</li>`;
}

interface Mounted {
  row: RowData;
  element: HTMLElement;
  attributes: Record<string, string | null>;
  html: string;
}

/**
 * Rows sit in chunks of CHUNK_ROWS (`div role="none"`) that the browser skips
 * while off screen (content-visibility): a chunk, not a row, because Chromium
 * tests every such element against the viewport on each frame it renders, and
 * 10,000 of them cost every canvas frame of a pan tens of ms. The chunks are
 * presentational, so the rows stay the list's items for assistive technology.
 */
export const CHUNK_ROWS = LIST_CHUNK_ROWS;
const ROW_ESTIMATE_PX = 48;

function chunkOpenTag(rows: number): string {
  return `<div role="none" class="sm-chunk" style="contain-intrinsic-size: ${chunkIntrinsicSize(rows, ROW_ESTIMATE_PX)}">`;
}

/**
 * Keeps a `ul`'s rows equal to the given rows, in order, touching only what
 * changed. A long list fills the way the kit's React lists do (listChunks.ts):
 * its first chunks at once, the others in idle time, `CHUNKS_PER_STEP` at a
 * time, so the canvas's first frame and the first click after it are not held
 * up by parsing ten thousand rows; `complete` lists the rest at once (a key
 * that moves to a row not listed yet).
 */
export class RowList {
  private mounted = new Map<string, Mounted>();
  private rows: readonly RowData[] = [];
  private shownChunks = FIRST_CHUNKS;
  private cancelStep: (() => void) | null = null;

  constructor(readonly list: HTMLElement) {}

  update(rows: readonly RowData[]): void {
    this.rows = rows;
    const chunkCount = Math.ceil(rows.length / CHUNK_ROWS);
    const shown = chunksToRender(chunkCount, this.shownChunks);
    this.reconcile(shown >= chunkCount ? rows : rows.slice(0, shown * CHUNK_ROWS));
    if (shown < chunkCount) this.cancelStep ??= whenIdle(this.step);
    else this.stopFilling();
  }

  /** List every row now, without waiting for idle time. */
  complete(): void {
    this.shownChunks = Infinity;
    this.update(this.rows);
  }

  /** The list is going away: no more idle steps. */
  dispose(): void {
    this.stopFilling();
  }

  private readonly step = (): void => {
    this.cancelStep = null;
    this.shownChunks += CHUNKS_PER_STEP;
    this.update(this.rows);
  };

  private stopFilling(): void {
    this.cancelStep?.();
    this.cancelStep = null;
  }

  private reconcile(rows: readonly RowData[]): void {
    const wanted = new Set<string>();
    for (const row of rows) wanted.add(row.s.id);
    for (const [id, item] of this.mounted) {
      if (wanted.has(id)) continue;
      item.element.remove();
      this.mounted.delete(id);
    }
    const chunkCount = Math.ceil(rows.length / CHUNK_ROWS);
    const existing = Math.min(this.list.children.length, chunkCount);
    // Chunks beyond the listed ones whose rows are none of them listed (a fill's next
    // step, a first fill) go in with one parse, and need no walk below.
    let walked = chunkCount;
    if (existing < chunkCount && rows.slice(existing * CHUNK_ROWS).every((row) => !this.mounted.has(row.s.id))) {
      this.appendChunks(rows, existing);
      walked = existing;
    }
    while (this.list.children.length < chunkCount) {
      const chunk = document.createElement('div');
      chunk.setAttribute('role', 'none');
      chunk.className = 'sm-chunk';
      this.list.appendChild(chunk);
    }
    // Chunk by chunk, the same walk as one flat list: a row found at the cursor
    // stays, any other is moved there (out of whichever chunk held it).
    for (let c = 0; c < walked; c++) {
      const chunk = this.list.children[c] as HTMLElement;
      const slice = rows.slice(c * CHUNK_ROWS, (c + 1) * CHUNK_ROWS);
      chunk.style.containIntrinsicSize = chunkIntrinsicSize(slice.length, ROW_ESTIMATE_PX);
      let cursor = chunk.firstElementChild;
      for (const row of slice) {
        const id = row.s.id;
        let item = this.mounted.get(id);
        if (!item) item = this.create(row);
        else if (item.row !== row) this.patch(item, row);
        if (item.element === cursor) cursor = cursor.nextElementSibling;
        else chunk.insertBefore(item.element, cursor);
      }
    }
    while (this.list.children.length > chunkCount) this.list.lastElementChild!.remove();
  }

  /** Chunks `fromChunk` on (the list holds `fromChunk` chunks), none of whose rows is listed yet: one parse for all their rows. */
  private appendChunks(rows: readonly RowData[], fromChunk: number): void {
    const parts: string[] = [];
    const details: { row: RowData; attributes: Record<string, string | null>; html: string }[] = [];
    for (let index = fromChunk * CHUNK_ROWS; index < rows.length; index++) {
      const row = rows[index]!;
      if (index % CHUNK_ROWS === 0) parts.push(`${parts.length > 0 ? '</div>' : ''}${chunkOpenTag(Math.min(CHUNK_ROWS, rows.length - index))}`);
      const attributes = rowAttributes(row);
      const html = rowContentHtml(row);
      details.push({ row, attributes, html });
      parts.push(`<li${attributesHtml(attributes)}>${html}</li>`);
    }
    if (parts.length === 0) return;
    parts.push('</div>');
    this.list.insertAdjacentHTML('beforeend', parts.join(''));
    const chunks = this.list.children;
    let index = 0;
    for (let c = fromChunk; c < chunks.length; c++) {
      for (const element of chunks[c]!.children) {
        const detail = details[index++];
        if (detail) this.mounted.set(detail.row.s.id, { ...detail, element: element as HTMLElement });
      }
    }
  }

  private create(row: RowData): Mounted {
    const template = document.createElement('template');
    template.innerHTML = rowHtml(row);
    const element = template.content.firstElementChild as HTMLElement;
    const item = { row, element, attributes: rowAttributes(row), html: rowContentHtml(row) };
    this.mounted.set(row.s.id, item);
    return item;
  }

  /** In place: the element stays (and keeps focus); changed attributes and content are rewritten. */
  private patch(item: Mounted, row: RowData): void {
    const attributes = rowAttributes(row);
    for (const name in attributes) {
      const value = attributes[name];
      if (value === item.attributes[name]) continue;
      if (value === null || value === undefined) item.element.removeAttribute(name);
      else item.element.setAttribute(name, value);
    }
    const html = rowContentHtml(row);
    if (html !== item.html) item.element.innerHTML = html;
    item.row = row;
    item.attributes = attributes;
    item.html = html;
  }
}
