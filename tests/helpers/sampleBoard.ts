import * as Y from 'yjs';
import { agreementFragment, createRecord, matrixCellKey, type AgreementSectionKey } from '@pc/shared';

/** Replace one section of the partnership agreement with a single paragraph of `text`, as the editor writes it. */
export function writeAgreementSection(doc: Y.Doc, section: AgreementSectionKey, text: string): void {
  const fragment = agreementFragment(doc, section);
  doc.transact(() => {
    if (fragment.length > 0) fragment.delete(0, fragment.length);
    const paragraph = new Y.XmlElement('paragraph');
    const content = new Y.XmlText();
    paragraph.insert(0, [content]);
    fragment.insert(0, [paragraph]);
    content.insert(0, text);
  });
}

/**
 * A realistic partnership board for export tests: names with curly quotes and
 * Welsh letters, stakeholders in every quadrant, a matrix with gaps and
 * coverage warnings, and a small logic model with links, an assumption and
 * an activity without a lead (so the checks have something to say).
 */
export function fillSampleBoard(doc: Y.Doc, options: { extraStakeholders?: number } = {}) {
  doc.transact(() => {
    const trust = createRecord(doc, 'partners', { name: 'Kinship Carers’ Trust', colour: '#2563eb', sector: 'third', isLead: true });
    const council = createRecord(doc, 'partners', { name: 'Riverside Council', colour: '#16a34a', sector: 'public' });
    const cymdeithas = createRecord(doc, 'partners', { name: 'Cymdeithas Tŷ Ŵyn', colour: '#d97706', sector: 'community' });
    const stakeholders: [string, number, number, number | null][] = [
      ['Health Board', 4, 4, 1],
      ['Local MP', 4, 1, 0],
      ['Parents’ Forum “Together”', 1, 4, 2],
      ['Youth Club', 0, 1, null],
      ['Housing Association', 3, 3, -1],
      ['Schools Network', 2, 3, 1],
    ];
    for (const [name, power, interest, attitude] of stakeholders) {
      createRecord(doc, 'stakeholders', {
        name,
        power,
        interest,
        attitude,
        ownerPartnerIds: [trust.id],
        channel: 'email',
        frequency: 'monthly',
        nextContact: '2026-01-15',
      });
    }
    for (let i = 0; i < (options.extraStakeholders ?? 0); i += 1) {
      createRecord(doc, 'stakeholders', { name: `Community group ${i + 1}`, power: i % 5, interest: (i * 3) % 5 });
    }
    const rows = [
      createRecord(doc, 'matrixRows', { name: 'Safeguarding', category: 'skill', required: 3, order: 'a0' }),
      createRecord(doc, 'matrixRows', { name: 'Welsh language', category: 'knowledge', required: 2, order: 'a1' }),
      createRecord(doc, 'matrixRows', { name: 'Venues', category: 'resource', required: 3, order: 'a2' }),
    ];
    const level = (row: number, partner: { id: string }, value: number, gives = false, receives = false) =>
      createRecord(doc, 'matrixCells', { id: matrixCellKey(rows[row]!.id, partner.id), rowId: rows[row]!.id, partnerId: partner.id, level: value, gives, receives });
    level(0, trust, 4, true);
    level(0, council, 3);
    level(1, cymdeithas, 4, false);
    level(1, council, 0, false, true);
    level(2, council, 1, true);
    const need = createRecord(doc, 'logicNodes', { column: 'inputs', text: 'Staff time from each partner', order: 'a0' });
    const drop = createRecord(doc, 'logicNodes', {
      column: 'activities',
      text: 'Weekly drop-in for kinship carers',
      leadPartnerId: trust.id,
      dueDate: '2026-03-01',
      order: 'a0',
    });
    const training = createRecord(doc, 'logicNodes', { column: 'activities', text: 'Train volunteers', order: 'a1', dueDate: '2026-02-01' });
    const sessions = createRecord(doc, 'logicNodes', { column: 'outputs', text: '40 sessions a year', indicators: ['sessions held'], order: 'a0' });
    const outcome = createRecord(doc, 'logicNodes', { column: 'shortTermOutcomes', text: 'Carers feel less isolated', order: 'a0' });
    createRecord(doc, 'logicNodes', { column: 'assumptions', text: 'Partners can release staff time', order: 'a0' });
    createRecord(doc, 'logicLinks', { from: need.id, to: drop.id });
    createRecord(doc, 'logicLinks', { from: drop.id, to: sessions.id });
    createRecord(doc, 'logicLinks', { from: sessions.id, to: outcome.id });
    createRecord(doc, 'logicLinks', { from: training.id, to: sessions.id });
  });
}
