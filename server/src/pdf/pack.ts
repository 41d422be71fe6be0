import type * as Y from 'yjs';
import {
  analyseMatrix,
  boardTemplate,
  buildActionPlan,
  cellValue,
  CHECK_RULES,
  COVERAGE_WARNING_TEXT,
  deriveCommsPlan,
  getTemplate,
  indexCells,
  listRecords,
  mendelowQuadrant,
  readMeta,
  REVIEW_GROUP_LABELS,
  REVIEW_GROUPS,
  runChecks,
  sortActionPlan,
  templateShowingColumns,
  type ActionPlanRow,
  type CheckSeverity,
  type CollectionName,
  type CommsPlanRow,
  type MendelowQuadrant,
  type RecordOf,
  type ReviewSentence,
} from '@pc/shared';

/**
 * What a review pack says, worked out from a board by the shared domain rules
 * (the same the boards draw with and the CSV tables use), before any layout.
 */

export interface PackStakeholder {
  name: string;
  power: number;
  interest: number;
  /** -2..2, null when not assessed. */
  attitude: number | null;
  quadrant: MendelowQuadrant;
}

export interface PackMatrixRow {
  name: string;
  category: string;
  group: string;
  required: number;
  cells: { level: number; gives: boolean; receives: boolean }[];
  best: number;
  gap: number;
  warnings: { label: string; explanation: string }[];
}

export interface PackCard {
  id: string;
  text: string;
  indicators: string[];
  lead: string;
}

export interface PackChanges {
  sinceName: string;
  sinceDate: string;
  counts: { added: number; removed: number; changed: number };
  groups: { label: string; sentences: string[] }[];
}

export interface ReviewPack {
  title: string;
  /** "4 December 2026" */
  date: string;
  partners: { name: string; sector: string; lead: boolean; colour: string }[];
  stakeholders: PackStakeholder[];
  comms: CommsPlanRow[];
  matrix: { partners: string[]; rows: PackMatrixRow[]; rowsWithGaps: number; rowsWithWarnings: number };
  logic: {
    templateName: string;
    columns: { label: string; cards: PackCard[] }[];
    lanes: { label: string; cards: PackCard[] }[];
    links: { from: string; to: string }[];
  };
  actions: ActionPlanRow[];
  checks: { severity: CheckSeverity; title: string; message: string }[];
  changes: PackChanges | null;
}

export interface PackOptions {
  /** The reader's calendar date, YYYY-MM-DD: what "overdue" means in the communications plan. */
  today: string;
  changes?: { sinceName: string; sinceCreatedAt: number; sentences: readonly ReviewSentence[]; counts: PackChanges['counts'] };
}

const byText = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });

/** "2026-12-04" -> "4 December 2026", in UTC so every server prints the same. */
export function longDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

function read<C extends CollectionName>(doc: Y.Doc, name: C): RecordOf<C>[] {
  return listRecords(doc, name).map((r) => r.record);
}

export function buildReviewPack(doc: Y.Doc, fallbackTitle: string, options: PackOptions): ReviewPack {
  const meta = readMeta(doc).record;
  const partners = read(doc, 'partners').sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id));
  const stakeholders = read(doc, 'stakeholders');
  const rows = read(doc, 'matrixRows');
  const cells = read(doc, 'matrixCells');
  const nodes = read(doc, 'logicNodes');
  const links = read(doc, 'logicLinks');
  const partnerName = new Map(partners.map((p) => [p.id, p.name]));

  const index = indexCells(cells);
  const analysis = analyseMatrix(rows, partners, cells);
  const categoryRank = { skill: 0, knowledge: 1, resource: 2 } as const;
  const matrixRows = [...rows]
    .sort((a, b) => categoryRank[a.category] - categoryRank[b.category] || byText(a.group, b.group) || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map((row): PackMatrixRow => {
      const analysed = analysis.byRowId.get(row.id)!;
      return {
        name: row.name,
        category: row.category,
        group: row.group,
        required: analysed.required,
        cells: partners.map((p) => cellValue(index, row.id, p.id)),
        best: analysed.bestAvailable,
        gap: analysed.gap,
        warnings: analysed.warnings.map((w) => COVERAGE_WARNING_TEXT[w]),
      };
    });

  const templateId = boardTemplate(meta.logicTemplate ?? null, nodes);
  const template = templateShowingColumns(getTemplate(templateId ?? 'ess'), nodes.map((n) => n.column));
  const cardOf = (n: RecordOf<'logicNodes'>): PackCard => ({
    id: n.id,
    text: n.text,
    indicators: n.indicators,
    lead: n.leadPartnerId ? (partnerName.get(n.leadPartnerId) ?? '') : '',
  });
  const inColumn = (key: string) =>
    nodes
      .filter((n) => n.column === key)
      .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : byText(a.id, b.id)))
      .map(cardOf);

  const report = runChecks({ nodes, links, partners, matrixRows: rows, matrixCells: cells, template: templateId });
  const ruleTitle = new Map<string, string>(CHECK_RULES.map((r) => [r.id, r.title]));

  let changes: PackChanges | null = null;
  if (options.changes) {
    const { sentences } = options.changes;
    changes = {
      sinceName: options.changes.sinceName,
      sinceDate: longDate(new Date(options.changes.sinceCreatedAt)),
      counts: options.changes.counts,
      groups: REVIEW_GROUPS.map((group) => ({
        label: REVIEW_GROUP_LABELS[group],
        sentences: sentences.filter((s) => s.group === group).map((s) => s.text),
      })).filter((g) => g.sentences.length > 0),
    };
  }

  return {
    title: meta.title || fallbackTitle,
    date: longDate(new Date(`${options.today}T00:00:00Z`)),
    partners: partners.map((p) => ({ name: p.name, sector: p.sector, lead: p.isLead, colour: p.colour })),
    stakeholders: stakeholders
      .map((s) => ({ name: s.name, power: s.power, interest: s.interest, attitude: s.attitude, quadrant: mendelowQuadrant(s.power, s.interest) }))
      .sort((a, b) => byText(a.name, b.name)),
    comms: deriveCommsPlan(stakeholders, partners, options.today),
    matrix: {
      partners: partners.map((p) => p.name),
      rows: matrixRows,
      rowsWithGaps: analysis.summary.rowsWithGaps,
      rowsWithWarnings: analysis.summary.rowsWithWarnings,
    },
    logic: {
      templateName: template.name,
      columns: template.columns.map((c) => ({ label: c.label, cards: inColumn(c.key) })),
      lanes: template.lanes.map((l) => ({ label: l.label, cards: inColumn(l.key) })),
      links: links.map((l) => ({ from: l.from, to: l.to })),
    },
    actions: sortActionPlan(buildActionPlan({ nodes, links, partners }, options.today), 'dueDate'),
    checks: report.results.map((r) => ({ severity: r.severity, title: ruleTitle.get(r.rule) ?? r.rule, message: r.message })),
    changes,
  };
}
