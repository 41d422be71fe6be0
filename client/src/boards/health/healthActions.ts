/**
 * Every write the health tab makes, through the shared accessors with the
 * caller's origin (undo stays per person). A rating is its own record keyed
 * `${itemId}:${partnerId}` and each field its own key, so two partners rating
 * at once, or one writing a note while another changes the level, both win.
 */
import * as Y from 'yjs';
import {
  createRecord,
  getCollection,
  getMetaMap,
  healthResponseKey,
  partnerStageKey,
  updateRecord,
  type HealthResponse,
  type PartnerStage,
} from '@pc/shared';
import type { DocTarget } from '../../lib/docTarget';

export type RatingPatch = Partial<Pick<HealthResponse, 'level' | 'note' | 'evidenceUrl'>>;

/**
 * Set some fields of a partner's rating of an item (a note or link without a
 * level starts at "not yet"). Nothing is written when the item or partner is
 * gone, or while the board keeps ratings anonymous (those go to the server).
 */
export function rateItem({ doc, localOrigin: origin }: DocTarget, itemId: string, partnerId: string, patch: RatingPatch, now = Date.now()): boolean {
  if (!getCollection(doc, 'healthItems').has(itemId) || !getCollection(doc, 'partners').has(partnerId)) return false;
  if (getMetaMap(doc).get('healthAnonymous') === true) return false;
  const id = healthResponseKey(itemId, partnerId);
  doc.transact(() => {
    const stamp = patch.level !== undefined ? { ratedAt: now } : {};
    if (getCollection(doc, 'healthResponses').get(id) instanceof Y.Map) updateRecord(doc, 'healthResponses', id, { ...patch, ...stamp }, origin);
    else createRecord(doc, 'healthResponses', { id, itemId, partnerId, level: 'notYet', ...patch, ratedAt: now }, origin);
  }, origin);
  return true;
}

export function clearRating({ doc, localOrigin: origin }: DocTarget, itemId: string, partnerId: string): void {
  doc.transact(() => getCollection(doc, 'healthResponses').delete(healthResponseKey(itemId, partnerId)), origin);
}

export type StagePatch = Partial<Pick<PartnerStage, 'current' | 'target' | 'note'>>;

/** Set where two partners are and aim to be; one record per pair, whichever is named first. */
export function setPairStage({ doc, localOrigin: origin }: DocTarget, a: string, b: string, patch: StagePatch): void {
  if (a === b) throw new RangeError('a partner has no stage with itself');
  const partners = getCollection(doc, 'partners');
  if (!partners.has(a) || !partners.has(b)) return;
  const id = partnerStageKey(a, b);
  const [partnerA, partnerB] = a < b ? [a, b] : [b, a];
  doc.transact(() => {
    if (getCollection(doc, 'partnerStages').get(id) instanceof Y.Map) updateRecord(doc, 'partnerStages', id, patch, origin);
    else createRecord(doc, 'partnerStages', { id, partnerA, partnerB, ...patch }, origin);
  }, origin);
}

/**
 * Owner only (the server refuses others). Turning anonymity on removes the
 * named ratings in the same change: from then on nobody's rating may sit in
 * the document with their partner's name.
 */
export function setAnonymousRatings({ doc, localOrigin: origin }: DocTarget, anonymous: boolean): void {
  doc.transact(() => {
    getMetaMap(doc).set('healthAnonymous', anonymous);
    if (anonymous) {
      const responses = getCollection(doc, 'healthResponses');
      for (const id of [...responses.keys()]) responses.delete(id);
    }
  }, origin);
}

export function setReviewInterval({ doc, localOrigin: origin }: DocTarget, days: number): void {
  doc.transact(() => getMetaMap(doc).set('healthReviewIntervalDays', days), origin);
}
