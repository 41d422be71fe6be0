import type { LogicLink, LogicNode, Partner } from '../../schema';
import { buildLogicGraph, causalSubgraph, reachFrom } from './graph';
import { compareByOrderThenId } from './ordering';
import { columnSortRank, isOutcomeColumn } from './templates';

/**
 * The partnership's live action plan (compass, Principle 5: "an agreed live
 * action plan with responsibilities assigned to specific partners"). It is not a
 * second list to keep in step: every row is an activity card of the logic model.
 */

export type ActivityStatus = LogicNode['status'];

export interface ActionPlanRow {
  readonly nodeId: string;
  readonly activity: string;
  readonly leadPartnerId: string | null;
  /** Empty when there is no lead or the lead has left. */
  readonly leadPartnerName: string;
  /** True when a lead is set but no longer in the partnership. */
  readonly leadPartnerMissing: boolean;
  /** Only partners still in the partnership, in the card's order. */
  readonly supportingPartnerIds: readonly string[];
  readonly supportingPartnerNames: readonly string[];
  /** YYYY-MM-DD or empty. */
  readonly dueDate: string;
  readonly status: ActivityStatus;
  /** Outcomes and impact downstream of the activity, in board order. */
  readonly linkedOutcomeIds: readonly string[];
  readonly linkedOutcomeTexts: readonly string[];
  readonly overdue: boolean;
  /** Card order in the Activities column, the plan's default order. */
  readonly order: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Due dates are ISO calendar dates, so comparing strings compares dates. `today`
 * is a parameter (the caller's local date), which keeps this pure and testable.
 */
export function isOverdue(dueDate: string, status: ActivityStatus, today: string): boolean {
  return dueDate !== '' && status !== 'done' && dueDate < today;
}

/**
 * The plan as the board shows it and the export writes it. `today` is the
 * caller's local date; null (the export, which has no reader's calendar) marks
 * nothing overdue.
 */
export function buildActionPlan(
  data: { readonly nodes: readonly LogicNode[]; readonly links: readonly LogicLink[]; readonly partners: readonly Partner[] },
  today: string | null,
): ActionPlanRow[] {
  // A malformed date would silently mark everything (or nothing) overdue.
  if (today !== null && !ISO_DATE.test(today)) throw new RangeError(`today must be a date like 2026-03-31, got "${today}"`);
  const partners = new Map(data.partners.map((p) => [p.id, p]));
  // Causal links only: an activity does not "lead to" an outcome through an assumption.
  const graph = causalSubgraph(buildLogicGraph(data.nodes, data.links));
  const boardOrder = (a: LogicNode, b: LogicNode): number =>
    columnSortRank(a.column) - columnSortRank(b.column) || compareByOrderThenId(a, b);

  return data.nodes
    .filter((n) => n.column === 'activities')
    .sort(compareByOrderThenId)
    .map((n) => {
      const lead = n.leadPartnerId === null ? undefined : partners.get(n.leadPartnerId);
      const supporting = [...new Set(n.supportingPartnerIds)]
        .filter((id) => id !== n.leadPartnerId)
        .map((id) => partners.get(id))
        .filter((p): p is Partner => p !== undefined);
      const outcomes = [...reachFrom(graph, [n.id], 'downstream').nodeIds]
        .map((id) => graph.nodes.get(id)!)
        .filter((o) => isOutcomeColumn(o.column))
        .sort(boardOrder);
      return {
        nodeId: n.id,
        activity: n.text,
        leadPartnerId: n.leadPartnerId,
        leadPartnerName: lead?.name ?? '',
        leadPartnerMissing: n.leadPartnerId !== null && lead === undefined,
        supportingPartnerIds: supporting.map((p) => p.id),
        supportingPartnerNames: supporting.map((p) => p.name),
        dueDate: n.dueDate,
        status: n.status,
        linkedOutcomeIds: outcomes.map((o) => o.id),
        linkedOutcomeTexts: outcomes.map((o) => o.text),
        overdue: today !== null && isOverdue(n.dueDate, n.status, today),
        order: n.order,
      };
    });
}

/** Rows where the partner leads or supports: "what is our organisation doing?". */
export function filterByPartner(rows: readonly ActionPlanRow[], partnerId: string): ActionPlanRow[] {
  return rows.filter((r) => r.leadPartnerId === partnerId || r.supportingPartnerIds.includes(partnerId));
}

export const ACTION_PLAN_SORT_KEYS = [
  'order',
  'activity',
  'lead',
  'supporting',
  'dueDate',
  'status',
  'linkedOutcomes',
  'overdue',
] as const;
export type ActionPlanSortKey = (typeof ACTION_PLAN_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** Workflow order rather than the schema's: stuck work needs eyes before planned work, done work least. */
const STATUS_RANK: Readonly<Record<ActivityStatus, number>> = { stuck: 0, in_progress: 1, planned: 2, done: 3 };

/** Made on the first sort: a collator maps about 3 MB of ICU data, which a server that never sorts a plan should not pay for. */
let collator: Intl.Collator | undefined;
const text = (): Intl.Collator => (collator ??= new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true }));

/** The value a column sorts by; null means blank, which always sorts last. */
function sortValue(row: ActionPlanRow, key: ActionPlanSortKey): string | number | null {
  const blankable = (s: string): string | null => (s.trim() === '' ? null : s);
  switch (key) {
    case 'order':
      return row.order;
    case 'activity':
      return blankable(row.activity);
    case 'lead':
      return blankable(row.leadPartnerName);
    case 'supporting':
      return blankable(row.supportingPartnerNames.join(', '));
    case 'dueDate':
      return blankable(row.dueDate);
    case 'status':
      return STATUS_RANK[row.status];
    case 'linkedOutcomes':
      return row.linkedOutcomeIds.length;
    case 'overdue':
      // Ascending puts overdue rows first: the reason anyone sorts by this column.
      return row.overdue ? 0 : 1;
  }
}

/**
 * Stable sort by one column. Blanks (no lead, no due date) go last in both
 * directions, so reversing a column does not bury the filled rows; ties keep the
 * incoming order, so sorting by status then by lead keeps status as a tiebreak.
 */
export function sortActionPlan(
  rows: readonly ActionPlanRow[],
  key: ActionPlanSortKey,
  direction: SortDirection = 'asc',
): ActionPlanRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const values = new Map(rows.map((r) => [r, sortValue(r, key)]));
  return [...rows].sort((a, b) => {
    const va = values.get(a) ?? null;
    const vb = values.get(b) ?? null;
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    if (typeof va === 'number' && typeof vb === 'number') return sign * (va - vb);
    // Order keys are compared by code unit, like everywhere else (see ordering.ts).
    if (key === 'order' || key === 'dueDate') return sign * (va < vb ? -1 : va > vb ? 1 : 0);
    return sign * text().compare(String(va), String(vb));
  });
}
