import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, listRecords, readRecord } from '@pc/shared';
import {
  addRelationship,
  addStakeholdersFromText,
  dropStakeholder,
  removeStakeholder,
  returnToTray,
  toggleOwner,
} from './actions';
import { cardPlacements, GRID_WORLD } from './model/mapLayout';
import { gridPositionFor } from './model/grid';

const origin = { kind: 'local-user' };

function stakeholders(doc: Y.Doc) {
  return listRecords(doc, 'stakeholders').map((r) => r.record);
}

describe('fast entry', () => {
  it('adds one unplaced stakeholder per line in one transaction and skips ones already on the board', () => {
    const doc = new Y.Doc();
    let transactions = 0;
    doc.on('afterTransaction', () => (transactions += 1));
    const first = addStakeholdersFromText({ doc, localOrigin: origin }, 'City Council\nYouth Forum, Riverside\n\nHealth Board');
    expect(first.items).toHaveLength(3);
    expect(transactions).toBe(1);
    expect(stakeholders(doc).every((s) => s.placed === false)).toBe(true);
    expect(stakeholders(doc).find((s) => s.name === 'Youth Forum')?.organisation).toBe('Riverside');
    const again = addStakeholdersFromText({ doc, localOrigin: origin }, 'city council\nLocal Press');
    expect(again.items.map((i) => i.input.name)).toEqual(['Local Press']);
    expect(again.skipped[0]?.reason).toBe('alreadyOnBoard');
    expect(stakeholders(doc)).toHaveLength(4);
  });
});

describe('dropStakeholder', () => {
  it('places a tray card on the grid with snapped power and interest', () => {
    const doc = new Y.Doc();
    const s = createRecord(doc, 'stakeholders', { name: 'Funder', placed: false }, origin);
    const point = gridPositionFor(4, 1, GRID_WORLD);
    expect(dropStakeholder({ doc, localOrigin: origin }, s.id, 'grid', { x: point.x + 30, y: point.y - 20 })).toEqual({ power: 4, interest: 1 });
    expect(readRecord(doc, 'stakeholders', s.id)?.record).toMatchObject({ placed: true, power: 4, interest: 1 });
  });

  it('writes nothing when a drag ends in the same cell', () => {
    const doc = new Y.Doc();
    const s = createRecord(doc, 'stakeholders', { name: 'Funder', power: 3, interest: 3 }, origin);
    const placed = cardPlacements([s], 'grid', 'none').get(s.id)!;
    let updates = 0;
    doc.on('update', () => (updates += 1));
    expect(dropStakeholder({ doc, localOrigin: origin }, s.id, 'grid', placed)).toBeNull();
    expect(updates).toBe(0);
  });

  it('sets the ring on the onion and x/y on the network', () => {
    const doc = new Y.Doc();
    const s = createRecord(doc, 'stakeholders', { name: 'Press' }, origin);
    dropStakeholder({ doc, localOrigin: origin }, s.id, 'onion', { x: 500, y: 500 });
    expect(readRecord(doc, 'stakeholders', s.id)?.record.ring).toBe('core');
    dropStakeholder({ doc, localOrigin: origin }, s.id, 'network', { x: 120.6, y: -40.2 });
    expect(readRecord(doc, 'stakeholders', s.id)?.record).toMatchObject({ x: 121, y: -40, ring: 'core' });
    returnToTray({ doc, localOrigin: origin }, s.id);
    expect(readRecord(doc, 'stakeholders', s.id)?.record.placed).toBe(false);
  });
});

describe('relationships and owners', () => {
  it('creates an edge once, refuses self-links, and removes edges with their stakeholder', () => {
    const doc = new Y.Doc();
    const a = createRecord(doc, 'stakeholders', { name: 'A' }, origin);
    const b = createRecord(doc, 'stakeholders', { name: 'B' }, origin);
    expect(addRelationship({ doc, localOrigin: origin }, a.id, a.id)).toBeNull();
    const edge = addRelationship({ doc, localOrigin: origin }, a.id, b.id, { type: 'funds', strength: 5 });
    expect(edge).toMatchObject({ from: a.id, to: b.id, type: 'funds', strength: 5, direction: 'forward' });
    expect(addRelationship({ doc, localOrigin: origin }, a.id, b.id, { type: 'funds' })).toBeNull();
    expect(addRelationship({ doc, localOrigin: origin }, b.id, a.id, { type: 'reports to' })).not.toBeNull();
    removeStakeholder({ doc, localOrigin: origin }, b.id);
    expect(listRecords(doc, 'relationships')).toHaveLength(0);
  });

  it('toggles an owning partner', () => {
    const doc = new Y.Doc();
    const s = createRecord(doc, 'stakeholders', { name: 'A' }, origin);
    toggleOwner({ doc, localOrigin: origin }, s, 'p1');
    const withOwner = readRecord(doc, 'stakeholders', s.id)!.record;
    expect(withOwner.ownerPartnerIds).toEqual(['p1']);
    toggleOwner({ doc, localOrigin: origin }, withOwner, 'p1');
    expect(readRecord(doc, 'stakeholders', s.id)!.record.ownerPartnerIds).toEqual([]);
  });
});
