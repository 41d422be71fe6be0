import type { LogicLink, LogicNode, MatrixCell, MatrixRow, Partner } from '../../schema';
import { findCycles } from './cycles';
import { buildLogicGraph, causalSubgraph, classifyLinkColumns, reachFrom, type LogicGraph } from './graph';
import { compareByOrderThenId } from './ordering';
import {
  cardLabel,
  COLUMN_FACTS,
  columnLabel,
  columnSortRank,
  getTemplate,
  isLaneColumn,
  isOutcomeColumn,
  templateShowsColumn,
  type LogicTemplateId,
} from './templates';

/**
 * Automatic checks of a logic model, shown inline on the cards. Each rule asks
 * one question a funder or evaluator would ask of the model (ESS, Kellogg) or
 * one the compass asks of the partnership (Principle 5: every action has a
 * responsible partner; Principle 6: the skills matrix shows who can give what).
 *
 * Causal rules (paths, loops) look at causal links only; links to assumptions and
 * external factors are annotations (see causalSubgraph).
 */

export type CheckSeverity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly CheckSeverity[] = ['error', 'warning', 'info'];

export const CHECK_RULES = [
  { id: 'cycle', severity: 'error', title: 'Cards that lead back to themselves' },
  { id: 'outcomeWithoutActivityPath', severity: 'warning', title: 'Outcome with no path from any activity' },
  { id: 'activityLeadsNowhere', severity: 'warning', title: 'Activity leading to no output or outcome' },
  { id: 'activityWithoutLead', severity: 'warning', title: 'Activity without a lead partner' },
  { id: 'activityNeedsUngivenSkill', severity: 'warning', title: 'Activity needing a skill no partner gives' },
  { id: 'backwardLink', severity: 'warning', title: 'Link running backwards' },
  { id: 'columnNotInTemplate', severity: 'warning', title: 'Card in a column from another template' },
  { id: 'missingIndicator', severity: 'info', title: 'Output or outcome without an indicator' },
  { id: 'unlinkedAssumption', severity: 'info', title: 'Assumption or external factor not linked to any card' },
  { id: 'sameColumnLink', severity: 'info', title: 'Link between two cards of the same column' },
  { id: 'danglingLink', severity: 'info', title: 'Link to a deleted card' },
] as const satisfies readonly { id: string; severity: CheckSeverity; title: string }[];

export type CheckRuleId = (typeof CHECK_RULES)[number]['id'];

export interface CheckResult {
  /** Stable across runs while the problem persists: use as a React key or to dismiss. */
  readonly key: string;
  readonly rule: CheckRuleId;
  readonly severity: CheckSeverity;
  readonly message: string;
  readonly nodeIds: readonly string[];
  readonly linkIds: readonly string[];
  /** Matrix rows concerned, so the UI can jump to the skills matrix. */
  readonly matrixRowIds?: readonly string[];
  /** For loops: the cards in arrow order. */
  readonly path?: readonly string[];
}

export interface LogicModelData {
  readonly nodes: readonly LogicNode[];
  readonly links: readonly LogicLink[];
  readonly partners: readonly Partner[];
  readonly matrixRows: readonly MatrixRow[];
  readonly matrixCells: readonly MatrixCell[];
  /** Names columns in messages and enables columnNotInTemplate. */
  readonly template?: LogicTemplateId | null;
}

export interface CheckReport {
  /** Sorted by severity, then column order, then card order. */
  readonly results: readonly CheckResult[];
  readonly byNode: ReadonlyMap<string, readonly CheckResult[]>;
  readonly byLink: ReadonlyMap<string, readonly CheckResult[]>;
  /** Worst severity per card, for a badge colour. */
  readonly worstByNode: ReadonlyMap<string, CheckSeverity>;
  readonly counts: Readonly<Record<CheckSeverity, number>>;
}

type Finding = Omit<CheckResult, 'key' | 'rule' | 'severity'>;

interface Context {
  readonly data: LogicModelData;
  readonly graph: LogicGraph;
  readonly causal: LogicGraph;
  readonly template: LogicTemplateId | null;
  readonly label: (nodeId: string) => string;
  readonly compareNodeIds: (a: string, b: string) => number;
  readonly nodesWhere: (test: (node: LogicNode) => boolean) => LogicNode[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((severity, rank) => [severity, rank])) as Record<CheckSeverity, number>;

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const hasText = (s: string): boolean => s.trim() !== '';
const isActivity = (n: LogicNode): boolean => n.column === 'activities';
const isOutputOrOutcome = (n: LogicNode): boolean => n.column === 'outputs' || isOutcomeColumn(n.column);

const RULES: Record<CheckRuleId, (ctx: Context) => Finding[]> = {
  cycle: (ctx) =>
    findCycles(ctx.causal, ctx.compareNodeIds).map((c) => {
      const shown = c.path.slice(0, 6).map(ctx.label);
      const extra = c.nodeIds.length - c.path.length;
      const message =
        c.path.length === 1 && extra === 0
          ? `${capitalise(ctx.label(c.path[0]!))} is linked to itself. Remove the link.`
          : `These cards form a loop: ${shown.join(' → ')}${c.path.length > 6 ? ' → …' : ''} → back to the first.` +
            (extra > 0 ? ` ${extra} more ${extra === 1 ? 'card is' : 'cards are'} caught in the same loop.` : '') +
            ' A cause cannot also be its own effect; remove one link.';
      return { message, nodeIds: c.nodeIds, linkIds: c.linkIds, path: c.path };
    }),

  outcomeWithoutActivityPath: (ctx) => {
    const reached = reachFrom(ctx.causal, ctx.nodesWhere(isActivity).map((n) => n.id), 'downstream').nodeIds;
    return ctx
      .nodesWhere((n) => isOutcomeColumn(n.column) && !reached.has(n.id))
      .map((n) => ({
        message: `${capitalise(ctx.label(n.id))} has no path from any activity. Link it back to the work that brings it about.`,
        nodeIds: [n.id],
        linkIds: [],
      }));
  },

  activityLeadsNowhere: (ctx) => {
    const reaching = reachFrom(ctx.causal, ctx.nodesWhere(isOutputOrOutcome).map((n) => n.id), 'upstream').nodeIds;
    return ctx
      .nodesWhere((n) => isActivity(n) && !reaching.has(n.id))
      .map((n) => ({
        message: `${capitalise(ctx.label(n.id))} does not lead to any output or outcome. Link it to what it produces.`,
        nodeIds: [n.id],
        linkIds: [],
      }));
  },

  activityWithoutLead: (ctx) => {
    const partnerIds = new Set(ctx.data.partners.map((p) => p.id));
    return ctx
      .nodesWhere((n) => isActivity(n) && (n.leadPartnerId === null || !partnerIds.has(n.leadPartnerId)))
      .map((n) => ({
        message:
          n.leadPartnerId === null
            ? `${capitalise(ctx.label(n.id))} has no lead partner. Agree who is responsible for it.`
            : `The lead partner of ${ctx.label(n.id)} is no longer in the partnership. Agree a new lead.`,
        nodeIds: [n.id],
        linkIds: [],
      }));
  },

  activityNeedsUngivenSkill: (ctx) => {
    const rows = new Map(ctx.data.matrixRows.map((r) => [r.id, r]));
    const partnerIds = new Set(ctx.data.partners.map((p) => p.id));
    const given = new Set(ctx.data.matrixCells.filter((c) => c.gives && partnerIds.has(c.partnerId)).map((c) => c.rowId));
    return ctx.nodesWhere(isActivity).flatMap((n) =>
      [...new Set(n.matrixRowIds)]
        .filter((rowId) => !given.has(rowId))
        .map((rowId) => {
          const row = rows.get(rowId);
          const message = row
            ? `${capitalise(ctx.label(n.id))} needs "${row.name}", which no partner gives. Find it in the skills matrix or bring in a partner who can.`
            : `${capitalise(ctx.label(n.id))} needs a skill or resource that is no longer in the skills matrix. Pick another or remove it.`;
          return { message, nodeIds: [n.id], linkIds: [], matrixRowIds: [rowId] };
        }),
    );
  },

  backwardLink: (ctx) => directionFindings(ctx, 'backward'),
  sameColumnLink: (ctx) => directionFindings(ctx, 'within'),

  columnNotInTemplate: (ctx) => {
    if (!ctx.template) return [];
    const template = getTemplate(ctx.template);
    return ctx
      .nodesWhere((n) => !templateShowsColumn(template, n.column))
      .map((n) => ({
        message: `${capitalise(ctx.label(n.id))} sits in ${columnLabel(n.column)}, a column the ${template.name} does not have (it is shown so nothing is hidden). Move it to one of the template's columns, or choose the template that has it.`,
        nodeIds: [n.id],
        linkIds: [],
      }));
  },

  missingIndicator: (ctx) =>
    ctx
      .nodesWhere((n) => COLUMN_FACTS[n.column].carriesIndicators && !n.indicators.some(hasText))
      .map((n) => ({
        message: `${capitalise(ctx.label(n.id))} has no indicator. Add how you will know it has happened.`,
        nodeIds: [n.id],
        linkIds: [],
      })),

  unlinkedAssumption: (ctx) => {
    const linked = (id: string): boolean =>
      (ctx.graph.outgoing.get(id) ?? []).some((l) => l.to !== id) ||
      (ctx.graph.incoming.get(id) ?? []).some((l) => l.from !== id);
    return ctx
      .nodesWhere((n) => isLaneColumn(n.column) && !linked(n.id))
      .map((n) => ({
        message: `${capitalise(ctx.label(n.id))} is not linked to any card. Link it to the ${n.column === 'assumptions' ? 'cards it underpins' : 'cards it affects'}.`,
        nodeIds: [n.id],
        linkIds: [],
      }));
  },

  danglingLink: (ctx) =>
    ctx.graph.ignored
      .filter((i) => i.reason === 'missingEnd')
      .map(({ link }) => {
        const alive = [link.from, link.to].filter((id) => ctx.graph.nodes.has(id));
        const message =
          alive.length > 0
            ? `A link from ${ctx.label(alive[0]!)} points to a card that was deleted. Remove the link.`
            : 'A link joins two cards that were deleted. Remove the link.';
        return { message, nodeIds: alive, linkIds: [link.id] };
      }),
};

function directionFindings(ctx: Context, direction: 'backward' | 'within'): Finding[] {
  const findings: Finding[] = [];
  for (const l of ctx.graph.links.values()) {
    const from = ctx.graph.nodes.get(l.from)!;
    const to = ctx.graph.nodes.get(l.to)!;
    const kind = classifyLinkColumns(from.column, to.column, l.from === l.to);
    if (kind.direction !== direction || !kind.flagged) continue;
    const a = ctx.label(from.id);
    const b = ctx.label(to.id);
    const message =
      direction === 'backward'
        ? `The link from ${a} to ${b} runs backwards, from ${columnLabel(from.column, ctx.template)} to ${columnLabel(to.column, ctx.template)}. Causes belong to the left of their effects.`
        : `The link from ${a} to ${b} stays inside ${columnLabel(from.column, ctx.template)}. One of the cards may be in the wrong column.`;
    findings.push({ message, nodeIds: [from.id, to.id], linkIds: [l.id] });
  }
  return findings;
}

/** `graph` saves rebuilding it when the caller has `buildLogicGraph(data.nodes, data.links)` already. */
export function runChecks(data: LogicModelData, graph: LogicGraph = buildLogicGraph(data.nodes, data.links)): CheckReport {
  const template = data.template ?? null;
  const rank = (id: string): number => {
    const n = graph.nodes.get(id);
    return n ? columnSortRank(n.column) : Number.MAX_SAFE_INTEGER;
  };
  const compareNodeIds = (a: string, b: string): number => {
    const na = graph.nodes.get(a);
    const nb = graph.nodes.get(b);
    if (!na || !nb) return na ? -1 : nb ? 1 : a < b ? -1 : a > b ? 1 : 0;
    return rank(a) - rank(b) || compareByOrderThenId(na, nb);
  };
  const labels = new Map<string, string>();
  const inBoardOrder = [...graph.nodes.values()].sort((a, b) => columnSortRank(a.column) - columnSortRank(b.column) || compareByOrderThenId(a, b));
  const ctx: Context = {
    data,
    graph,
    causal: causalSubgraph(graph),
    template,
    label: (id) => {
      // Busy boards name the same card in many findings; build each label once.
      let label = labels.get(id);
      if (label === undefined) labels.set(id, (label = cardLabel(graph.nodes.get(id)!, template)));
      return label;
    },
    compareNodeIds,
    nodesWhere: (test) => inBoardOrder.filter(test),
  };

  // Each result is built once, with one shape (a busy board has over 10,000: spreading
  // each finding into a result, then again to drop a sort field, was most of the time).
  const sorted: CheckResult[] = [];
  for (const rule of CHECK_RULES) {
    for (const f of RULES[rule.id](ctx)) {
      let key: string = rule.id;
      for (const id of f.nodeIds) key += `:${id}`;
      for (const id of f.linkIds) key += `:${id}`;
      if (f.matrixRowIds) for (const id of f.matrixRowIds) key += `:${id}`;
      const result: Mutable<CheckResult> = { key, rule: rule.id, severity: rule.severity, message: f.message, nodeIds: f.nodeIds, linkIds: f.linkIds };
      if (f.matrixRowIds !== undefined) result.matrixRowIds = f.matrixRowIds;
      if (f.path !== undefined) result.path = f.path;
      sorted.push(result);
    }
  }
  // Stable, and results come rule by rule: a card's findings keep the rules' order
  // (and a rule's findings for one card their own order, e.g. the activity's rows).
  const firstNode = (r: CheckResult): string => r.nodeIds[0] ?? '';
  sorted.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareNodeIds(firstNode(a), firstNode(b)));

  const byNode = new Map<string, CheckResult[]>();
  const byLink = new Map<string, CheckResult[]>();
  const worstByNode = new Map<string, CheckSeverity>();
  const counts: Record<CheckSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of sorted) {
    counts[r.severity] += 1;
    for (const id of new Set(r.nodeIds)) {
      append(byNode, id, r);
      // Results are sorted worst first, so the first one seen is the worst.
      if (!worstByNode.has(id)) worstByNode.set(id, r.severity);
    }
    for (const id of new Set(r.linkIds)) append(byLink, id, r);
  }
  return { results: sorted, byNode, byLink, worstByNode, counts };
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
