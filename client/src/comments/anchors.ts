import { COLLECTION_NAMES, getCollection, type BoardView, type CollectionName } from '@pc/shared';
import type * as Y from 'yjs';
import { rectContainsPoint, type Point, type Rect } from '../lib/geometry';

/** Where a record is drawn: its tab and world rectangle. */
export interface Located {
  view: BoardView;
  rect: Rect;
}

/** Finds where any record (note or structured record) is drawn; null when it is not drawn anywhere. */
export type Locate = (id: string) => Located | null;

/**
 * The record a comment-tool click lands on: of the records drawn under the
 * point, the smallest (a card inside a frame wins over the frame); null for
 * open canvas.
 */
export function pickTarget(point: Point, candidates: readonly { id: string; rect: Rect }[]): string | null {
  let best: { id: string; area: number } | null = null;
  for (const { id, rect } of candidates) {
    if (!rectContainsPoint(rect, point)) continue;
    const area = rect.width * rect.height;
    if (!best || area < best.area) best = { id, area };
  }
  return best?.id ?? null;
}

/** Where a pin sits for a record: just inside its top-right corner. */
export function pinPoint(rect: Rect): Point {
  return { x: rect.x + rect.width - 4, y: rect.y + 4 };
}

const NOUNS: Record<CollectionName, string> = {
  partners: 'partner',
  stakeholders: 'stakeholder',
  relationships: 'relationship',
  matrixRows: 'matrix row',
  matrixCells: 'matrix cell',
  logicNodes: 'logic model card',
  logicLinks: 'logic model link',
  canvasItems: 'note',
  comments: 'comment',
  votes: 'vote',
  locks: 'lock',
  voteRounds: 'voting round',
  healthItems: 'health check item',
  healthResponses: 'health rating',
  healthAggregates: 'health summary',
  partnerStages: 'partner stage',
};

/** "Food bank (stakeholder)": what a thread is about, for the panel; null when the record is gone. */
export function describeRecord(doc: Y.Doc, id: string): string | null {
  for (const name of COLLECTION_NAMES) {
    const record = getCollection(doc, name).get(id);
    if (!record) continue;
    const label = [record.get('name'), record.get('text')].find((v): v is string => typeof v === 'string' && v.trim() !== '');
    const short = label ? (label.length > 40 ? `${label.slice(0, 40)}…` : label) : null;
    return short ? `${short} (${NOUNS[name]})` : `a ${NOUNS[name]}`;
  }
  return null;
}
