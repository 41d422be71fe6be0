import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agreementFragment } from '../../doc/agreement';
import { agreementSentence, agreementTexts, changeExcerpts, diffAgreement } from './agreement';
import { diffBoards } from './sentences';

function write(doc: Y.Doc, section: 'vision' | 'finance' | 'exit', text: string, bold = false): void {
  const fragment = agreementFragment(doc, section);
  if (fragment.length > 0) fragment.delete(0, fragment.length);
  const paragraph = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  paragraph.insert(0, [content]);
  fragment.insert(0, [paragraph]);
  content.insert(0, text, bold ? { strong: {} } : {});
}

describe('changeExcerpts', () => {
  it('shows the text around the first difference, cut with ellipses', () => {
    const before = 'After the launch event the steering group partners meet every month to agree the plan, and the chair rotates each year between the three founding partners.';
    const after = 'After the launch event the steering group partners meet every quarter to agree the plan, and the chair rotates each year between the three founding partners.';
    const out = changeExcerpts(before, after, 50);
    expect(out.before).toContain('month');
    expect(out.after).toContain('quarter');
    expect(out.before.startsWith('…')).toBe(true);
    expect(out.after.endsWith('…')).toBe(true);
    expect(out.after.length).toBeLessThanOrEqual(52);
  });

  it('keeps short texts whole', () => {
    expect(changeExcerpts('', 'Nobody hungry')).toEqual({ before: '', after: 'Nobody hungry' });
    expect(changeExcerpts('Nobody hungry', 'Nobody cold')).toEqual({ before: 'Nobody hungry', after: 'Nobody cold' });
  });
});

describe('diffAgreement', () => {
  it('lists the sections written, emptied and edited, in the agreement order, ignoring whitespace', () => {
    const changes = diffAgreement(
      { vision: 'Nobody hungry', finance: 'Each partner pays its own costs', exit: 'Three months notice', roles: 'Ana chairs' },
      { vision: 'Nobody hungry or cold', finance: '', exit: 'Three  months\nnotice', decisions: 'By consensus', roles: 'Ana chairs' },
    );
    expect(changes).toEqual([
      { section: 'vision', title: 'Shared vision and aims', kind: 'changed', before: 'Nobody hungry', after: 'Nobody hungry or cold' },
      { section: 'decisions', title: 'Decision making', kind: 'added', before: '', after: 'By consensus' },
      { section: 'finance', title: 'Financial management', kind: 'removed', before: 'Each partner pays its own costs', after: '' },
    ]);
    expect(changes.map(agreementSentence)).toEqual([
      'Agreement, Shared vision and aims: edited: "Nobody hungry or cold" (was "Nobody hungry")',
      'Agreement, Decision making: written: "By consensus"',
      'Agreement, Financial management: emptied (was "Each partner pays its own costs")',
    ]);
    expect(diffAgreement({}, {})).toEqual([]);
  });

  it('reads the rich text of two documents, marks included', () => {
    const before = new Y.Doc();
    write(before, 'vision', 'Nobody hungry');
    const after = new Y.Doc();
    write(after, 'vision', 'Nobody hungry', true);
    write(after, 'exit', 'Three months notice');
    const texts = agreementTexts(after);
    expect(texts.vision).toBe('**Nobody hungry**');
    expect(diffAgreement(agreementTexts(before), texts).map((c) => [c.section, c.kind])).toEqual([
      ['vision', 'changed'],
      ['exit', 'added'],
    ]);
  });

  it('goes into the board diff as sentences of the health group, counted', () => {
    const diff = diffBoards({}, {}, null, { before: { vision: 'Nobody hungry' }, after: { vision: 'Nobody cold' } });
    expect(diff.agreement).toHaveLength(1);
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 1 });
    expect(diff.sentences).toEqual([
      { group: 'health', collection: 'agreement', id: 'vision', kind: 'changed', text: 'Agreement, Shared vision and aims: edited: "Nobody cold" (was "Nobody hungry")' },
    ]);
    expect(diffBoards({}, {}).agreement).toEqual([]);
  });
});
