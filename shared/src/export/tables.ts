import type * as Y from 'yjs';
import { listRecords, type RecordOf } from '../doc/records';
import { matrixCellKey } from '../schema/matrixCell';
import type { LogicNode } from '../schema/logicNode';
import type { CollectionName } from '../schema';

/**
 * The tables a partnership exports for trustees and funders: plain rows of
 * text and numbers, in a stable order, derived from the board's records.
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
    .map((s) => [
      s.id,
      s.name,
      s.organisation,
      s.sector,
      s.kind,
      s.power,
      s.interest,
      s.attitude,
      s.engagementCurrent,
      s.engagementTarget,
      s.saliencePower,
      s.salienceLegitimacy,
      s.salienceUrgency,
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
      'attitude',
      'engagementCurrent',
      'engagementTarget',
      'saliencePower',
      'salienceLegitimacy',
      'salienceUrgency',
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
  const cells = new Map(records(doc, 'matrixCells').map((cell) => [matrixCellKey(cell.rowId, cell.partnerId), cell]));
  const rows = records(doc, 'matrixRows')
    .sort(
      (a, b) =>
        CATEGORY_ORDER[a.category] - CATEGORY_ORDER[b.category] ||
        byText(a.group, b.group) ||
        byText(a.order, b.order) ||
        byText(a.id, b.id),
    )
    .map((row) => {
      let best = 0;
      const levels = partners.map((partner) => {
        const cell = cells.get(matrixCellKey(row.id, partner.id));
        const level = cell?.level ?? 0;
        best = Math.max(best, level);
        const flags = `${cell?.gives ? ' G' : ''}${cell?.receives ? ' R' : ''}`;
        return `${level}${flags}`;
      });
      return [row.name, row.category, row.group, row.required, ...levels, best, Math.max(0, row.required - best)];
    });
  return { header: ['row', 'category', 'group', 'required', ...partners.map((p) => p.name), 'best', 'gap'], rows };
}

const OUTCOME_COLUMNS = new Set<LogicNode['column']>(['shortTermOutcomes', 'mediumTermOutcomes', 'longTermOutcomes', 'impact']);

/** The action plan: activities with their lead, supporters, dates, status and the outcomes they lead to. */
export function actionTable(doc: Y.Doc): Table {
  const partners = partnerNames(doc);
  const nodes = new Map(records(doc, 'logicNodes').map((node) => [node.id, node]));
  const next = new Map<string, string[]>();
  for (const link of records(doc, 'logicLinks')) {
    if (!nodes.has(link.from) || !nodes.has(link.to)) continue;
    const targets = next.get(link.from) ?? [];
    targets.push(link.to);
    next.set(link.from, targets);
  }
  const outcomesFrom = (start: string): string[] => {
    const seen = new Set<string>([start]);
    const stack = [start];
    const found: string[] = [];
    while (stack.length) {
      for (const target of next.get(stack.pop()!) ?? []) {
        if (seen.has(target)) continue;
        seen.add(target);
        stack.push(target);
        const node = nodes.get(target)!;
        if (OUTCOME_COLUMNS.has(node.column)) found.push(node.text);
      }
    }
    return found.sort(byText);
  };
  const rows = [...nodes.values()]
    .filter((node) => node.column === 'activities')
    .sort((a, b) => byText(a.dueDate || '9999', b.dueDate || '9999') || byText(a.order, b.order) || byText(a.id, b.id))
    .map((node) => [
      node.text,
      node.leadPartnerId ? (partners.get(node.leadPartnerId) ?? '') : '',
      names(node.supportingPartnerIds, partners),
      node.dueDate,
      node.status,
      outcomesFrom(node.id).join('; '),
    ]);
  return { header: ['activity', 'leadPartner', 'supportingPartners', 'dueDate', 'status', 'linkedOutcomes'], rows };
}

export const EXPORT_TABLES = { stakeholders: stakeholderTable, matrix: matrixTable, actions: actionTable } as const;
export type ExportTableName = keyof typeof EXPORT_TABLES;

/** Every record, by collection, validated with defaults (the JSON backup). */
export function exportJson(doc: Y.Doc, collections: readonly CollectionName[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const name of collections) out[name] = records(doc, name).sort((a, b) => byText(a.id, b.id));
  return out;
}


