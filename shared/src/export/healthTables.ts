import type * as Y from 'yjs';
import { listRecords, type RecordOf } from '../doc/records';
import { readAgreement } from '../doc/agreement';
import { readMeta } from '../doc/meta';
import { healthResponseKey, type CollectionName, type HealthPrinciple } from '../schema';
import { LEVEL_LABELS, scoreHealth } from '../domain/health/scoring';
import { PRINCIPLE_TITLES } from '../domain/health/checklist';
import { buildStageMatrix, STAGE_LABELS } from '../domain/health/stages';
import type { Table } from './tables';

/**
 * The health check, the stages between partners and the agreement as export
 * tables, with the same scoring the health tab draws with. On a board that
 * keeps ratings anonymous the health table holds counts per level, never who.
 */

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function records<C extends CollectionName>(doc: Y.Doc, name: C): RecordOf<C>[] {
  return listRecords(doc, name).map((read) => read.record);
}

function sortedPartners(doc: Y.Doc) {
  return records(doc, 'partners').sort((a, b) => byText(a.name.toLowerCase(), b.name.toLowerCase()) || byText(a.id, b.id));
}

export function healthTable(doc: Y.Doc): Table {
  const anonymous = readMeta(doc).record.healthAnonymous;
  const partners = sortedPartners(doc);
  const items = records(doc, 'healthItems').sort((a, b) => a.principle - b.principle || byText(a.order, b.order) || byText(a.id, b.id));
  const responses = anonymous ? [] : records(doc, 'healthResponses');
  const summary = scoreHealth({ items, partners, responses, aggregates: anonymous ? records(doc, 'healthAggregates') : [] });
  const byKey = new Map(responses.map((r) => [r.id, r]));
  const header = ['principle', 'item', ...(anonymous ? ['notYet', 'partly', 'fully'] : partners.map((p) => p.name)), 'score', 'spread'];
  const rows = items.map((item) => {
    const score = summary.items.get(item.id)!;
    const ratings = anonymous
      ? [score.counts.notYet, score.counts.partly, score.counts.fully]
      : partners.map((p) => {
          const r = byKey.get(healthResponseKey(item.id, p.id));
          return r ? LEVEL_LABELS[r.level] : null;
        });
    return [`${item.principle}. ${PRINCIPLE_TITLES[item.principle as HealthPrinciple]}`, item.text, ...ratings, score.score, score.spread];
  });
  return { header, rows };
}

export function stagesTable(doc: Y.Doc): Table {
  const partners = sortedPartners(doc);
  const matrix = buildStageMatrix(partners, records(doc, 'partnerStages'));
  const rows: Table['rows'] = [];
  for (let i = 0; i < partners.length; i++) {
    for (let j = i + 1; j < partners.length; j++) {
      const cell = matrix.cell(partners[i]!.id, partners[j]!.id);
      if (!cell.current && !cell.target) continue;
      rows.push([partners[i]!.name, partners[j]!.name, cell.current ? STAGE_LABELS[cell.current] : null, cell.target ? STAGE_LABELS[cell.target] : null]);
    }
  }
  return { header: ['partner', 'withPartner', 'stageNow', 'stageAimedFor'], rows };
}

/** One row per section: its title, its text as Markdown, and the records it mentions. */
export function agreementTable(doc: Y.Doc): Table {
  return {
    header: ['section', 'text', 'mentions'],
    rows: readAgreement(doc).map((s) => [s.title, s.markdown, s.mentions.map((m) => `${m.label} (${m.collection}/${m.recordId})`).join('; ')]),
  };
}
