import { describe, expect, it } from 'vitest';
import type { LogicColumn } from '@pc/shared';
import { linkCandidates } from './linkCandidates';

const card = (id: string, column: LogicColumn, order: string, text: string) => ({ id, column, order, text });
const label = (n: { column: string; text: string }) => `${n.column}: ${n.text}`;

const nodes = [
  card('in1', 'inputs', 'a0', 'Volunteer hours'),
  card('act1', 'activities', 'a0', 'Weekly drop-in'),
  card('act2', 'activities', 'a1', 'Home visits'),
  card('out2', 'outputs', 'a1', 'Visits made'),
  card('out1', 'outputs', 'a0', 'Families supported'),
  card('oc1', 'shortTermOutcomes', 'a0', 'Families feel less isolated'),
  card('as1', 'assumptions', 'a0', 'Families want visits'),
];

describe('link candidates', () => {
  it('offers the next columns first, in board order, without the card itself or cards it already leads to', () => {
    const from = nodes[1]!;
    const { shown, total } = linkCandidates(nodes, [{ from: 'act1', to: 'out2' }], from, '', label);
    expect(shown.map((n) => n.id)).toEqual(['out1', 'oc1', 'as1', 'in1', 'act2']);
    expect(total).toBe(5);
  });

  it('matches every word of the query against the column and text, case-insensitively', () => {
    const from = nodes[1]!;
    expect(linkCandidates(nodes, [], from, 'FAMILIES', label).shown.map((n) => n.id)).toEqual(['out1', 'oc1', 'as1']);
    expect(linkCandidates(nodes, [], from, 'families outcomes', label).shown.map((n) => n.id)).toEqual(['oc1']);
    expect(linkCandidates(nodes, [], from, 'nothing like this', label)).toEqual({ shown: [], total: 0 });
  });

  it('keeps only the best few of a large board and counts the rest', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => card(`o${i}`, i % 2 ? 'outputs' : 'inputs', `a${String(i).padStart(5, '0')}`, `Card ${i}`));
    const from = card('act', 'activities', 'a0', 'Start');
    const { shown, total } = linkCandidates(many, [], from, '', label, 8);
    expect(total).toBe(10_000);
    expect(shown.map((n) => n.id)).toEqual(['o1', 'o3', 'o5', 'o7', 'o9', 'o11', 'o13', 'o15']);
    expect(linkCandidates(many, [], from, 'card 99', label, 3).shown.map((n) => n.id)).toEqual(['o99', 'o199', 'o299']);
  });
});
