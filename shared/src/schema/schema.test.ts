import { describe, expect, it } from 'vitest';
import {
  canvasItemSchema,
  commentSchema,
  logicLinkSchema,
  logicNodeSchema,
  matrixCellSchema,
  matrixRowSchema,
  metaSchema,
  partnerSchema,
  RECORD_SCHEMAS,
  relationshipSchema,
  stakeholderSchema,
  voteSchema,
  healthItemSchema,
  healthResponseSchema,
  healthResponseKey,
  partnerStageKey,
} from './index';
import { OWNER_ONLY_META_KEYS } from '../doc/permissions';
import { describeIssues } from '../doc/records';

function problemsOf(result: { success: boolean; error?: unknown }): string[] {
  if (result.success) return [];
  return describeIssues(result.error as Parameters<typeof describeIssues>[0]);
}

describe('record schemas', () => {
  it('accept a record holding only the contract fields and fill every default', () => {
    const stakeholder = stakeholderSchema.parse({ id: 's1', name: 'Food bank', organisation: 'FB', power: 3, interest: 4, attitude: 1 });
    expect(stakeholder).toMatchObject({ ring: null, sector: null, attitude: 1, kind: 'organisation', ownerPartnerIds: [], placed: true, partnerId: null });
    expect(partnerSchema.parse({ id: 'p1', name: 'Council', colour: '#336699' }).sector).toBe('third');
    expect(canvasItemSchema.parse({ id: 'c1', kind: 'sticky', text: 'hi', x: 1, y: 2 }).order).toBe('a0');
    expect(matrixRowSchema.parse({ id: 'r1', name: 'Safeguarding', category: 'skill', required: 3 }).group).toBe('');
    expect(matrixCellSchema.parse({ id: 'r1:p1', rowId: 'r1', partnerId: 'p1', level: 2, gives: true, receives: false }).note).toBe('');
    expect(logicNodeSchema.parse({ id: 'n1', column: 'activities', text: 'Run sessions', leadPartnerId: null, indicators: [] }).status).toBe('planned');
    expect(logicLinkSchema.parse({ id: 'l1', from: 'n1', to: 'n2' }).rationale).toBe('');
    expect(relationshipSchema.parse({ id: 'e1', from: 's1', to: 's2' })).toMatchObject({ strength: 3, direction: 'forward' });
    expect(commentSchema.parse({ id: 'm1', text: 'Check this' }).resolved).toBe(false);
    expect(voteSchema.parse({ id: 'v1', targetId: 'n1', voter: 'Ann' }).dots).toBe(1);
    expect(metaSchema.parse({})).toEqual({ schemaVersion: 0, title: '', createdAt: 0, logicTemplate: null, healthAnonymous: false, healthReviewIntervalDays: 90, viewersMayVote: false });
  });

  it('reject out-of-range levels with a message naming the field', () => {
    const result = stakeholderSchema.safeParse({ id: 's1', name: 'X', power: 7, interest: 2.5 });
    const problems = problemsOf(result);
    expect(problems.some((p) => p.startsWith('power:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('interest:') && p.includes('whole number'))).toBe(true);
  });

  it('reject an empty or over-long name', () => {
    expect(problemsOf(partnerSchema.safeParse({ id: 'p', name: '   ', colour: '#000000' }))[0]).toMatch(/^name: name must not be empty/);
    expect(partnerSchema.safeParse({ id: 'p', name: 'x'.repeat(201), colour: '#000000' }).success).toBe(false);
  });

  it('reject bad enums, colours and dates', () => {
    expect(problemsOf(canvasItemSchema.safeParse({ id: 'c', kind: 'circle' }))[0]).toMatch(/^kind:/);
    expect(problemsOf(partnerSchema.safeParse({ id: 'p', name: 'A', colour: 'red' }))[0]).toMatch(/colour must be a hex colour/);
    expect(problemsOf(stakeholderSchema.safeParse({ id: 's', name: 'A', nextContact: '31/03/2026' }))[0]).toMatch(/date must look like/);
    expect(logicNodeSchema.safeParse({ id: 'n', column: 'outcomes' }).success).toBe(false);
    expect(matrixRowSchema.safeParse({ id: 'r', name: 'A', category: 'money' }).success).toBe(false);
  });

  it('reject non-finite positions and oversized text', () => {
    expect(canvasItemSchema.safeParse({ id: 'c', kind: 'sticky', x: Number.POSITIVE_INFINITY }).success).toBe(false);
    expect(canvasItemSchema.safeParse({ id: 'c', kind: 'sticky', text: 'x'.repeat(10_001) }).success).toBe(false);
  });

  it('hold frames (title in text) and connectors (ends, label in text) with defaults, and refuse hostile ones', () => {
    expect(canvasItemSchema.parse({ id: 'f', kind: 'frame', text: 'Ideas', width: 600, height: 400 })).toMatchObject({ fromId: null, toId: null, text: 'Ideas' });
    expect(canvasItemSchema.parse({ id: 'k', kind: 'connector', fromId: 'a', toId: 'b' })).toMatchObject({ text: '', fromId: 'a', toId: 'b' });
    expect(canvasItemSchema.safeParse({ id: 'k', kind: 'connector', fromId: 'x'.repeat(65), toId: 'b' }).success).toBe(false);
    expect(canvasItemSchema.safeParse({ id: 'k', kind: 'connector', fromId: 42, toId: 'b' }).success).toBe(false);
    expect(canvasItemSchema.safeParse({ id: 'k', kind: 'connector', fromId: '', toId: 'b' }).success).toBe(false);
    expect(canvasItemSchema.safeParse({ id: 'f', kind: 'frame', width: 1e9 }).success).toBe(false);
    expect(canvasItemSchema.safeParse({ id: 'f', kind: 'frame', height: 2 }).success).toBe(false);
  });

  it('have one schema per top-level collection named in the architecture, plus the facilitation records', () => {
    expect(Object.keys(RECORD_SCHEMAS).sort()).toEqual(
      ['canvasItems', 'comments', 'healthAggregates', 'healthItems', 'healthResponses', 'locks', 'logicLinks', 'logicNodes', 'matrixCells', 'matrixRows', 'partnerStages', 'partners', 'relationships', 'stakeholders', 'voteRounds', 'votes'],
    );
  });

  it('health records: levels, http(s) evidence links only, the pair key, the review interval', () => {
    expect(healthResponseSchema.parse({ id: 'i:p', itemId: 'i', partnerId: 'p', level: 'partly' })).toMatchObject({ note: '', evidenceUrl: '', ratedAt: 0 });
    expect(healthResponseSchema.safeParse({ id: 'i:p', itemId: 'i', partnerId: 'p', level: 'mostly' }).success).toBe(false);
    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://x.org/a', 'not a url', 'https://' + 'a'.repeat(2_000)]) {
      expect(healthResponseSchema.shape.evidenceUrl.safeParse(bad).success, bad).toBe(false);
    }
    expect(healthResponseSchema.shape.evidenceUrl.safeParse('https://example.org/minutes.pdf').success).toBe(true);
    expect(healthResponseKey('item', 'p1')).toBe('item:p1');
    expect(partnerStageKey('b', 'a')).toBe(partnerStageKey('a', 'b'));
    expect(healthItemSchema.safeParse({ id: 'x', principle: 7, text: 'A', order: 'a0' }).success).toBe(false);
    expect(metaSchema.shape.healthReviewIntervalDays.safeParse(3).success).toBe(false);
    expect(OWNER_ONLY_META_KEYS).toEqual(expect.arrayContaining(['healthAnonymous', 'healthReviewIntervalDays']));
  });
});
