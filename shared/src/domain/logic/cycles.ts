import type { LogicGraph } from './graph';

/**
 * Causal loops. Tarjan's strongly connected components find every loop in one
 * linear pass, and reporting per component means a knot of cards that loops in
 * several ways is reported once, not once per elementary cycle (which can be
 * exponentially many).
 */

/**
 * Tarjan's algorithm with an explicit work stack, so a long chain of cards cannot
 * overflow the call stack. Components come out in reverse topological order.
 * Successors outside `nodeIds` are ignored.
 */
export function stronglyConnectedComponents(
  nodeIds: readonly string[],
  successors: (id: string) => readonly string[],
): string[][] {
  const members = new Set(nodeIds);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of nodeIds) {
    if (index.has(root)) continue;
    const work: { id: string; next: readonly string[]; i: number }[] = [];
    const open = (id: string): void => {
      index.set(id, counter);
      low.set(id, counter);
      counter += 1;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: successors(id).filter((s) => members.has(s)), i: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.next.length) {
        const w = frame.next[frame.i]!;
        frame.i += 1;
        if (!index.has(w)) open(w);
        else if (onStack.has(w)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let popped: string;
        do {
          popped = stack.pop()!;
          onStack.delete(popped);
          component.push(popped);
        } while (popped !== frame.id);
        components.push(component);
      }
    }
  }
  return components;
}

export interface FoundCycle {
  /** One loop in the order of its arrows, starting at the earliest card on the board. */
  readonly path: readonly string[];
  /** Every card caught in the knot: the path first, then the rest in board order. */
  readonly nodeIds: readonly string[];
  /** Every link between cards of the knot, by id. */
  readonly linkIds: readonly string[];
}

/**
 * Every loop, once per strongly connected component; a self-link is a loop of
 * one. `compare` gives board order, so results and paths are deterministic.
 */
export function findCycles(graph: LogicGraph, compare: (a: string, b: string) => number): FoundCycle[] {
  // Only a card with a link in and a link out can be on a loop: the rest of a
  // 10,000-card board need not be sorted or visited.
  const ids = [...graph.nodes.keys()].filter((id) => (graph.outgoing.get(id)?.length ?? 0) > 0 && (graph.incoming.get(id)?.length ?? 0) > 0).sort(compare);
  const successors = (id: string): string[] => (graph.outgoing.get(id) ?? []).map((l) => l.to).sort(compare);
  const cycles: FoundCycle[] = [];
  for (const component of stronglyConnectedComponents(ids, successors)) {
    const inKnot = new Set(component);
    const linkIds = component
      .flatMap((id) => (graph.outgoing.get(id) ?? []).filter((l) => inKnot.has(l.to)).map((l) => l.id))
      .sort();
    if (linkIds.length === 0) continue; // a single card without a self-link
    const members = [...component].sort(compare);
    const start = members[0]!;
    const path = component.length === 1 ? [start] : shortestLoopThrough(start, inKnot, successors);
    const onPath = new Set(path);
    cycles.push({ path, nodeIds: [...path, ...members.filter((id) => !onPath.has(id))], linkIds });
  }
  return cycles.sort((a, b) => compare(a.path[0]!, b.path[0]!));
}

/**
 * Breadth-first from `start` back to itself inside the knot. Self-links are
 * skipped so a knot of several cards is shown as the loop between them.
 */
function shortestLoopThrough(
  start: string,
  inKnot: ReadonlySet<string>,
  successors: (id: string) => readonly string[],
): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head += 1) {
    const current = queue[head]!;
    for (const next of successors(current)) {
      if (!inKnot.has(next) || next === current) continue;
      if (next === start) {
        const path = [current];
        while (path[0] !== start) path.unshift(parent.get(path[0]!)!);
        return path;
      }
      if (!parent.has(next)) {
        parent.set(next, current);
        queue.push(next);
      }
    }
  }
  return [start]; // unreachable for a true component of two or more cards
}
