import type * as Y from 'yjs';
import { listRecords, type RecordOf } from '../doc/records';
import type { CollectionName } from '../schema';
import { buildActionPlan, sortActionPlan } from '../domain/logic/actionPlan';
import { analyseMatrix } from '../domain/matrix/analysis';
import { cellValue, indexCells } from '../domain/matrix/cellIndex';
import { mendelowQuadrant, QUADRANT_LABELS } from '../domain/stakeholders/quadrants';
import { effectiveSalience, SALIENCE_LABELS, salienceClass } from '../domain/stakeholders/salience';
import { agreementTable, healthTable, stagesTable } from './healthTables';

/**
 * The tables a partnership exports for trustees and funders: plain rows of
 * text and numbers, in a stable order, derived from the board's records by the
 * same rules the boards draw with (`../domain`), so a spreadsheet and the
 * screen never disagree.
 */
export interface Table {
  header: string[];
  /** null: not assessed (an empty CSV cell). */
  rows: (string | number | boolean | null)[][];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function records<C extends CollectionName>(doc: Y.Doc, name: C): RecordOf<C>[] {
  return listRecords(doc, name).map((read) => read.record);
}

function partnerNames(doc: Y.Doc): Map<string, string> {
  return new Map(records(doc, 'partners').map((partner) => [partner.id, partner.name]));
}

function names(ids: readonly string[], lookup: Map<string, string>): string {
  return ids
    .map((id) => lookup.get(id))
    .filter((name): name is string => name !== undefined)
    .join('; ');
}

export function stakeholderTable(doc: Y.Doc): Table {
  const partners = partnerNames(doc);
  const rows = records(doc, 'stakeholders')
    .sort((a, b) => byText(a.name.toLowerCase(), b.name.toLowerCase()) || byText(a.id, b.id))
    .map((s) => [s, effectiveSalience(s)] as const)
    .map(([s, held]) => [
      s.id,
      s.name,
      s.organisation,
      s.sector,
      s.kind,
      s.power,
      s.interest,
      QUADRANT_LABELS[mendelowQuadrant(s.power, s.interest)],
      s.attitude,
      s.engagementCurrent,
      s.engagementTarget,
      held.saliencePower,
      held.salienceLegitimacy,
      held.salienceUrgency,
      SALIENCE_LABELS[salienceClass(held)],
      s.ring,
      names(s.ownerPartnerIds, partners),
      s.channel,
      s.frequency,
      s.nextContact,
      s.concerns,
      s.offers,
      s.notes,
    ]);
  return {
    header: [
      'id',
      'name',
      'organisation',
      'sector',
      'kind',
      'power',
      'interest',
      'quadrant',
      'attitude',
      'engagementCurrent',
      'engagementTarget',
      'saliencePower',
      'salienceLegitimacy',
      'salienceUrgency',
      'salience',
      'ring',
      'owners',
      'channel',
      'frequency',
      'nextContact',
      'concerns',
      'offers',
      'notes',
    ],
    rows,
  };
}

const CATEGORY_ORDER = { skill: 0, knowledge: 1, resource: 2 } as const;

/** One line per matrix row: each partner's level (with G/R for gives/receives), best and gap. */
export function matrixTable(doc: Y.Doc): Table {
  const partners = records(doc, 'partners').sort((a, b) => byText(a.name.toLowerCase(), b.name.toLowerCase()) || byText(a.id, b.id));
  const cells = records(doc, 'matrixCells');
  const index = indexCells(cells);
  const matrixRows = records(doc, 'matrixRows');
  const analysis = analyseMatrix(matrixRows, partners, cells);
  const rows = matrixRows
    .sort(
      (a, b) =>
        CATEGORY_ORDER[a.category] - CATEGORY_ORDER[b.category] ||
        byText(a.group, b.group) ||
        byText(a.order, b.order) ||
        byText(a.id, b.id),
    )
    .map((row) => {
      const levels = partners.map((partner) => {
        const cell = cellValue(index, row.id, partner.id);
        return `${cell.level}${cell.gives ? ' G' : ''}${cell.receives ? ' R' : ''}`;
      });
      const analysed = analysis.byRowId.get(row.id)!;
      return [row.name, row.category, row.group, analysed.required, ...levels, analysed.bestAvailable, analysed.gap];
    });
  return { header: ['row', 'category', 'group', 'required', ...partners.map((p) => p.name), 'best', 'gap'], rows };
}

/**
 * The action plan as the logic board shows it (`buildActionPlan`): activities
 * with their lead, supporters, dates, status and the outcomes they lead to
 * through causal links, soonest due first (no date last, then card order).
 */
export function actionTable(doc: Y.Doc): Table {
  const plan = buildActionPlan(
    { nodes: records(doc, 'logicNodes'), links: records(doc, 'logicLinks'), partners: records(doc, 'partners') },
    null,
  );
  const rows = sortActionPlan(plan, 'dueDate').map((row) => [
    row.activity,
    row.leadPartnerName,
    row.supportingPartnerNames.join('; '),
    row.dueDate,
    row.status,
    row.linkedOutcomeTexts.join('; '),
  ]);
  return { header: ['activity', 'leadPartner', 'supportingPartners', 'dueDate', 'status', 'linkedOutcomes'], rows };
}

/** Who relates to whom on the stakeholder network, with both ends named (ends may be stakeholders or partners). */
export function relationshipTable(doc: Y.Doc): Table {
  const names = new Map<string, string>([
    ...records(doc, 'partners').map((p) => [p.id, p.name] as const),
    ...records(doc, 'stakeholders').map((s) => [s.id, s.name] as const),
  ]);
  const rows = records(doc, 'relationships')
    .map((r) => [r.id, r.from, names.get(r.from) ?? '', r.to, names.get(r.to) ?? '', r.type, r.strength, r.direction])
    .sort((a, b) => byText(String(a[2]).toLowerCase(), String(b[2]).toLowerCase()) || byText(String(a[4]).toLowerCase(), String(b[4]).toLowerCase()) || byText(String(a[0]), String(b[0])));
  return { header: ['id', 'from', 'fromName', 'to', 'toName', 'type', 'strength', 'direction'], rows };
}

export const EXPORT_TABLES = {
  stakeholders: stakeholderTable,
  relationships: relationshipTable,
  matrix: matrixTable,
  actions: actionTable,
  health: healthTable,
  stages: stagesTable,
  agreement: agreementTable,
} as const;
export type ExportTableName = keyof typeof EXPORT_TABLES;

/** Every record, by collection, validated with defaults (the JSON backup). */
export function exportJson(doc: Y.Doc, collections: readonly CollectionName[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const name of collections) out[name] = records(doc, name).sort((a, b) => byText(a.id, b.id));
  return out;
}


