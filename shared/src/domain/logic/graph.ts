import type { LogicColumn, LogicLink, LogicNode } from '../../schema';
import { columnStage, isLaneColumn, isOutcomeColumn } from './templates';

/**
 * The logic model as a directed graph. Links arrive from a merged CRDT document,
 * so they can point at a card another partner deleted offline, or repeat a link
 * someone else drew at the same time; both are set aside here, once, so every
 * later step can trust the index.
 */

export interface IgnoredLink {
  readonly link: LogicLink;
  readonly reason: 'missingEnd' | 'duplicate';
}

export interface LogicGraph {
  readonly nodes: ReadonlyMap<string, LogicNode>;
  /** Kept links, by id. */
  readonly links: ReadonlyMap<string, LogicLink>;
  readonly outgoing: ReadonlyMap<string, readonly LogicLink[]>;
  readonly incoming: ReadonlyMap<string, readonly LogicLink[]>;
  readonly ignored: readonly IgnoredLink[];
}

const NONE: readonly LogicLink[] = [];

export function buildLogicGraph(nodes: readonly LogicNode[], links: readonly LogicLink[]): LogicGraph {
  const nodeMap = new Map<string, LogicNode>();
  for (const n of nodes) if (!nodeMap.has(n.id)) nodeMap.set(n.id, n);

  // Sorting by id first makes "which duplicate wins" the same on every peer,
  // whatever order its document happened to list the links in.
  const sorted = [...links].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const kept = new Map<string, LogicLink>();
  const pairs = new Set<string>();
  const ignored: IgnoredLink[] = [];
  const outgoing = new Map<string, LogicLink[]>();
  const incoming = new Map<string, LogicLink[]>();
  for (const l of sorted) {
    if (!nodeMap.has(l.from) || !nodeMap.has(l.to)) {
      ignored.push({ link: l, reason: 'missingEnd' });
      continue;
    }
    const pair = `${l.from}\u0000${l.to}`;
    if (kept.has(l.id) || pairs.has(pair)) {
      ignored.push({ link: l, reason: 'duplicate' });
      continue;
    }
    pairs.add(pair);
    kept.set(l.id, l);
    push(outgoing, l.from, l);
    push(incoming, l.to, l);
  }
  return { nodes: nodeMap, links: kept, outgoing, incoming, ignored };
}

function push(map: Map<string, LogicLink[]>, key: string, link: LogicLink): void {
  const list = map.get(key);
  if (list) list.push(link);
  else map.set(key, [link]);
}

/**
 * The graph without annotation links. A link to or from an assumption or external
 * factor says "this card depends on that condition", not "this causes that", so
 * it must not create a causal path or a causal loop. Self-links are kept so the
 * cycle check still reports them, even on lane cards.
 */
export function causalSubgraph(graph: LogicGraph): LogicGraph {
  const keep = (l: LogicLink): boolean =>
    l.from === l.to || !(isLaneColumn(graph.nodes.get(l.from)!.column) || isLaneColumn(graph.nodes.get(l.to)!.column));
  const filter = (map: ReadonlyMap<string, readonly LogicLink[]>): Map<string, LogicLink[]> => {
    const out = new Map<string, LogicLink[]>();
    for (const [id, list] of map) {
      const kept = list.filter(keep);
      if (kept.length > 0) out.set(id, kept);
    }
    return out;
  };
  const links = new Map([...graph.links].filter(([, l]) => keep(l)));
  return { nodes: graph.nodes, links, outgoing: filter(graph.outgoing), incoming: filter(graph.incoming), ignored: graph.ignored };
}

export type Direction = 'upstream' | 'downstream';

export interface Reach {
  readonly nodeIds: Set<string>;
  readonly linkIds: Set<string>;
}

/**
 * Everything reachable from the start cards along links (downstream) or against
 * them (upstream). Iterative with a visited set, so deep chains cannot overflow
 * the stack and loops terminate. Start cards are included only if a path leads
 * back to them.
 */
export function reachFrom(graph: LogicGraph, starts: Iterable<string>, direction: Direction): Reach {
  const edges = direction === 'downstream' ? graph.outgoing : graph.incoming;
  const nodeIds = new Set<string>();
  const linkIds = new Set<string>();
  const stack: string[] = [];
  const expanded = new Set<string>();
  for (const s of starts) if (graph.nodes.has(s)) stack.push(s);
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (expanded.has(current)) continue;
    expanded.add(current);
    for (const l of edges.get(current) ?? NONE) {
      linkIds.add(l.id);
      const next = direction === 'downstream' ? l.to : l.from;
      nodeIds.add(next);
      if (!expanded.has(next)) stack.push(next);
    }
  }
  return { nodeIds, linkIds };
}

/** Cards with a path to `nodeId` (its causes), not counting itself. */
export function upstream(graph: LogicGraph, nodeId: string): Set<string> {
  const ids = reachFrom(graph, [nodeId], 'upstream').nodeIds;
  ids.delete(nodeId);
  return ids;
}

/** Cards `nodeId` has a path to (its effects), not counting itself. */
export function downstream(graph: LogicGraph, nodeId: string): Set<string> {
  const ids = reachFrom(graph, [nodeId], 'downstream').nodeIds;
  ids.delete(nodeId);
  return ids;
}

export interface PathwayHighlight extends Reach {
  readonly direction: Direction | 'both';
}

/**
 * What to light up when a card is selected. For an outcome people ask "what gets
 * us here?", so everything upstream; for an activity "what does this lead to?",
 * so everything downstream; for other cards (inputs, outputs, lanes) both.
 * The selected card is always included; an unknown id highlights nothing.
 */
export function pathwayHighlight(graph: LogicGraph, selectedId: string): PathwayHighlight {
  const selected = graph.nodes.get(selectedId);
  if (!selected) return { nodeIds: new Set(), linkIds: new Set(), direction: 'both' };
  const direction: PathwayHighlight['direction'] = isOutcomeColumn(selected.column)
    ? 'upstream'
    : selected.column === 'activities'
      ? 'downstream'
      : 'both';
  const parts =
    direction === 'both'
      ? [reachFrom(graph, [selectedId], 'upstream'), reachFrom(graph, [selectedId], 'downstream')]
      : [reachFrom(graph, [selectedId], direction)];
  const nodeIds = new Set([selectedId]);
  const linkIds = new Set<string>();
  for (const p of parts) {
    for (const id of p.nodeIds) nodeIds.add(id);
    for (const id of p.linkIds) linkIds.add(id);
  }
  return { nodeIds, linkIds, direction };
}

/**
 * forward: to a later column. within: same column. backward: to an earlier
 * column. self: a card linked to itself. annotation: either end is an assumption
 * or external factor, which has no place in the causal order.
 */
export type LinkDirection = 'forward' | 'within' | 'backward' | 'self' | 'annotation';

export interface LinkClass {
  readonly direction: LinkDirection;
  /** True when the board should flag the link. */
  readonly flagged: boolean;
}

/**
 * Outcomes often build on each other within one column ("confidence" leads to
 * "joins a group"), so same-column links are fine there; elsewhere they usually
 * mean a card sits in the wrong column. Self-links are flagged (the cycle check
 * reports them).
 */
export function classifyLinkColumns(from: LogicColumn, to: LogicColumn, isSelf = false): LinkClass {
  if (isSelf) return { direction: 'self', flagged: true };
  const a = columnStage(from);
  const b = columnStage(to);
  if (a === null || b === null) return { direction: 'annotation', flagged: false };
  if (a < b) return { direction: 'forward', flagged: false };
  if (a > b) return { direction: 'backward', flagged: true };
  return { direction: 'within', flagged: !isOutcomeColumn(from) };
}

/** Classifies a link of the graph; null when either end is missing. */
export function classifyLink(graph: LogicGraph, link: LogicLink): LinkClass | null {
  const from = graph.nodes.get(link.from);
  const to = graph.nodes.get(link.to);
  if (!from || !to) return null;
  return classifyLinkColumns(from.column, to.column, link.from === link.to);
}
