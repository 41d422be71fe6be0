import { describe, expect, it } from 'vitest';
import type { MatrixCell, MatrixRow, Partner } from '../../schema';
import {
  COVERAGE_WARNINGS,
  COVERAGE_WARNING_TEXT,
  analyseMatrix,
  analyseRow,
  coverageThreshold,
  gapPoints,
  summariseRows,
} from './analysis';
import { indexCells } from './cellIndex';
import { cell, partner, row } from '../fixtures.testutil';

const A = partner('a', 'Alba Trust');
const B = partner('b', 'Bridge Council');
const C = partner('c', 'Castle Youth');
const partners = [A, B, C];

function analyse(r: MatrixRow, cells: MatrixCell[], ps: Partner[] = partners) {
  return analyseRow(r, ps, indexCells(cells));
}

describe('coverageThreshold and gapPoints', () => {
  it('uses the required level, but never below 1', () => {
    expect([0, 1, 2, 3, 4].map(coverageThreshold)).toEqual([1, 1, 2, 3, 4]);
  });

  it('never reports a negative gap', () => {
    expect(gapPoints(3, 1)).toBe(2);
    expect(gapPoints(2, 4)).toBe(0);
    expect(gapPoints(0, 0)).toBe(0);
    expect(gapPoints(4, 0)).toBe(4);
  });
});

describe('analyseRow', () => {
  it('finds the best level, the gap and who holds what, in partner order', () => {
    const r = row('r', { required: 4 });
    const result = analyse(r, [
      cell('r', 'c', { level: 3 }),
      cell('r', 'a', { level: 3, gives: true }),
      cell('r', 'b', { level: 1, receives: true }),
    ]);
    expect(result).toEqual({
      rowId: 'r',
      required: 4,
      bestAvailable: 3,
      gap: 1,
      bestPartnerIds: ['a', 'c'],
      holderIds: ['a', 'b', 'c'],
      meetingPartnerIds: [],
      giverIds: ['a'],
      receiverIds: ['b'],
      warnings: [],
    });
  });

  it('counts missing cells as level 0 with no flags', () => {
    const result = analyse(row('r', { required: 2 }), [cell('r', 'b', { level: 2 })]);
    expect(result.bestAvailable).toBe(2);
    expect(result.holderIds).toEqual(['b']);
    expect(result.giverIds).toEqual([]);
    expect(result.receiverIds).toEqual([]);
  });

  it('flags nobodyHasIt when every level is 0, and reports the full gap', () => {
    const result = analyse(row('r', { required: 3 }), [cell('r', 'a', { level: 0, receives: true })]);
    expect(result.warnings).toContain('nobodyHasIt');
    expect(result.bestAvailable).toBe(0);
    expect(result.bestPartnerIds).toEqual([]);
    expect(result.gap).toBe(3);
  });

  it('flags nobodyHasIt for an optional (required 0) row too, with no gap', () => {
    const result = analyse(row('r', { required: 0 }), []);
    expect(result.warnings).toEqual(['nobodyHasIt']);
    expect(result.gap).toBe(0);
  });

  it('flags nobodyHasIt when there are no partners at all', () => {
    const result = analyse(row('r', { required: 2 }), [cell('r', 'gone', { level: 4 })], []);
    expect(result.warnings).toEqual(['nobodyHasIt']);
    expect(result.gap).toBe(2);
  });

  it('ignores cells of partners who are not in the list', () => {
    const result = analyse(row('r'), [cell('r', 'deleted', { level: 4, gives: true })]);
    expect(result.bestAvailable).toBe(0);
    expect(result.giverIds).toEqual([]);
  });

  describe('singlePointOfFailure', () => {
    it('fires when exactly one partner meets the required level', () => {
      const result = analyse(row('r', { required: 3 }), [
        cell('r', 'a', { level: 4 }),
        cell('r', 'b', { level: 2 }),
        cell('r', 'c', { level: 2 }),
      ]);
      expect(result.meetingPartnerIds).toEqual(['a']);
      expect(result.warnings).toEqual(['singlePointOfFailure']);
    });

    it('does not fire when two partners meet it', () => {
      const result = analyse(row('r', { required: 3 }), [cell('r', 'a', { level: 3 }), cell('r', 'b', { level: 4 })]);
      expect(result.warnings).toEqual([]);
    });

    it('does not fire when nobody meets it: that is a gap', () => {
      const result = analyse(row('r', { required: 4 }), [cell('r', 'a', { level: 3 })]);
      expect(result.gap).toBe(1);
      expect(result.warnings).toEqual([]);
    });

    it('with required 0, means exactly one partner has it at any level', () => {
      const one = analyse(row('r', { required: 0 }), [cell('r', 'b', { level: 1 })]);
      expect(one.meetingPartnerIds).toEqual(['b']);
      expect(one.warnings).toEqual(['singlePointOfFailure']);
      expect(one.gap).toBe(0);
      const two = analyse(row('r', { required: 0 }), [cell('r', 'a', { level: 1 }), cell('r', 'b', { level: 1 })]);
      expect(two.warnings).toEqual([]);
    });

    it('with required 1, level 0 partners do not count', () => {
      const result = analyse(row('r', { required: 1 }), [cell('r', 'a', { level: 1 }), cell('r', 'b', { level: 0 })]);
      expect(result.warnings).toEqual(['singlePointOfFailure']);
    });

    it('never fires together with nobodyHasIt', () => {
      for (let required = 0; required <= 4; required++) {
        const result = analyse(row('r', { required }), []);
        expect(result.warnings).not.toContain('singlePointOfFailure');
      }
    });
  });

  describe('nobodyGives', () => {
    it('fires when someone wants it and nobody gives it', () => {
      const result = analyse(row('r'), [cell('r', 'a', { level: 3 }), cell('r', 'b', { receives: true })]);
      expect(result.warnings).toContain('nobodyGives');
    });

    it('is silent when nobody wants to receive, even with a gap', () => {
      const result = analyse(row('r', { required: 4 }), [cell('r', 'a', { level: 1 })]);
      expect(result.gap).toBe(3);
      expect(result.warnings).not.toContain('nobodyGives');
    });

    it('is silent when another partner gives', () => {
      const result = analyse(row('r'), [
        cell('r', 'a', { level: 3, gives: true }),
        cell('r', 'b', { level: 3, receives: true }),
      ]);
      expect(result.warnings).not.toContain('nobodyGives');
    });

    it('fires when the only giver is the only receiver: nobody gives to oneself', () => {
      const result = analyse(row('r'), [cell('r', 'a', { level: 2, gives: true, receives: true })]);
      expect(result.giverIds).toEqual(['a']);
      expect(result.warnings).toContain('nobodyGives');
    });

    it('is silent when one of two receivers also gives, since it can give to the other', () => {
      const result = analyse(row('r'), [
        cell('r', 'a', { level: 2, gives: true, receives: true }),
        cell('r', 'b', { receives: true }),
      ]);
      expect(result.warnings).not.toContain('nobodyGives');
    });

    it('ignores a gives tick on a level 0 cell: nothing to give', () => {
      const result = analyse(row('r'), [cell('r', 'a', { level: 0, gives: true }), cell('r', 'b', { receives: true })]);
      expect(result.giverIds).toEqual([]);
      expect(result.warnings).toEqual(['nobodyHasIt', 'nobodyGives']);
    });

    it('does not compare levels: a lower-level giver still counts', () => {
      const result = analyse(row('r'), [
        cell('r', 'a', { level: 1, gives: true }),
        cell('r', 'b', { level: 3, receives: true }),
      ]);
      expect(result.warnings).not.toContain('nobodyGives');
    });
  });

  it('clamps a stray required level', () => {
    const result = analyse({ ...row('r'), required: 9 }, [cell('r', 'a', { level: 3 })]);
    expect(result.required).toBe(4);
    expect(result.gap).toBe(1);
  });

  it('lists warnings in the canonical order', () => {
    const result = analyse(row('r'), [cell('r', 'a', { receives: true })]);
    expect(result.warnings).toEqual(['nobodyHasIt', 'nobodyGives']);
    expect(COVERAGE_WARNINGS.every((w) => COVERAGE_WARNING_TEXT[w].label.length > 0)).toBe(true);
  });
});

describe('analyseMatrix', () => {
  const rows = [
    row('safe', { required: 3 }),
    row('venue', { category: 'resource', required: 2 }),
    row('eval', { required: 4 }),
    row('fund', { required: 0 }),
  ];
  const cells = [
    cell('safe', 'a', { level: 4, gives: true }),
    cell('safe', 'b', { level: 1, receives: true }),
    cell('venue', 'b', { level: 2 }),
    cell('venue', 'c', { level: 3 }),
    cell('eval', 'c', { level: 2, receives: true }),
  ];

  it('analyses every row in input order and indexes them by id', () => {
    const result = analyseMatrix(rows, partners, cells);
    expect(result.rows.map((r) => r.rowId)).toEqual(['safe', 'venue', 'eval', 'fund']);
    expect(result.byRowId.get('eval')?.gap).toBe(2);
  });

  it('summarises gaps and warnings', () => {
    const { summary } = analyseMatrix(rows, partners, cells);
    expect(summary).toEqual({
      rowCount: 4,
      partnerCount: 3,
      rowsWithGaps: 1,
      totalGapPoints: 2,
      rowsWithWarnings: 3,
      warningCounts: { nobodyHasIt: 1, singlePointOfFailure: 1, nobodyGives: 1 },
    });
  });

  it('counts a duplicated partner once', () => {
    const result = analyseMatrix([row('r', { required: 2 })], [A, B, A], [cell('r', 'a', { level: 3 })]);
    expect(result.summary.partnerCount).toBe(2);
    expect(result.rows[0]?.meetingPartnerIds).toEqual(['a']);
    expect(result.rows[0]?.warnings).toEqual(['singlePointOfFailure']);
  });

  it('keeps the first analysis for a repeated row id', () => {
    const result = analyseMatrix([row('r', { required: 1 }), row('r', { required: 4 })], partners, []);
    expect(result.rows).toHaveLength(2);
    expect(result.byRowId.get('r')?.required).toBe(1);
  });

  it('handles an empty matrix', () => {
    expect(analyseMatrix([], [], []).summary).toEqual(summariseRows([], 0));
    expect(summariseRows([], 0).totalGapPoints).toBe(0);
  });

  it('analyses 50 partners x 300 rows correctly (speed is measured in bench/)', () => {
    const manyPartners = Array.from({ length: 50 }, (_, i) => partner(`p${i}`));
    const manyRows = Array.from({ length: 300 }, (_, i) => row(`r${i}`, { required: 3 }));
    const manyCells: MatrixCell[] = [];
    for (let r = 0; r < 300; r++) {
      for (let p = 0; p < 50; p++) {
        // Row r is held at level 3 by exactly r % 3 partners: 0, 1 or 2 of them.
        const level = p < r % 3 ? 3 : 1;
        manyCells.push(cell(`r${r}`, `p${p}`, { level, gives: p === 0, receives: p === 49 }));
      }
    }
    const result = analyseMatrix(manyRows, manyPartners, manyCells);
    expect(result.summary.rowCount).toBe(300);
    expect(result.summary.rowsWithGaps).toBe(100);
    expect(result.summary.totalGapPoints).toBe(200);
    expect(result.summary.warningCounts.singlePointOfFailure).toBe(100);
    expect(result.summary.warningCounts.nobodyHasIt).toBe(0);
    expect(result.summary.warningCounts.nobodyGives).toBe(0);
  });
});
