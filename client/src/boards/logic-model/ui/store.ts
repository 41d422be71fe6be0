import { useCallback, useSyncExternalStore } from 'react';
import { getMetaMap, type LogicLink, type LogicNode, type MatrixCell, type MatrixRow, type Partner, runChecks, type CheckReport, buildLogicGraph, type LogicGraph, getTemplate, type LogicTemplateId, boardTemplate, templateShowingColumns, type LogicTemplate } from '@pc/shared';
import type { BoardSession } from '../../../collab/session';
import { createValueStore, type ValueStore } from '../../../lib/valueStore';
import { selectionFor, withSelection } from '../../../canvas/selectionStore';
import { layoutBoard, type BoardLayout } from '../model/columnLayout';
import { quickRoutes, routeLinks, routeWithElk, type ElkLayouter, type LinkRoute } from '../model/routing';
import { cardHeight } from './cardMetrics';
import { afterNextFrame } from '../../../lib/afterPaint';

/**
 * One live view of the logic model per open board, shared by the board's canvas
 * layers, overlay and side panel: the records, what is derived from them (graph,
 * checks, layout) and the link routes, which ELK computes off the render path.
 */

export interface LogicModelSnapshot {
  /** The chosen template, else the one the cards imply; null only on a board with no template and no cards. */
  readonly template: LogicTemplateId | null;
  /** False while the template is inferred from the cards rather than chosen. */
  readonly templateChosen: boolean;
  /** The template's columns plus any column a card sits in that it lacks: every card has a place. */
  readonly shownTemplate: LogicTemplate | null;
  readonly nodes: readonly LogicNode[];
  readonly links: readonly LogicLink[];
  readonly partners: readonly Partner[];
  readonly matrixRows: readonly MatrixRow[];
  readonly matrixCells: readonly MatrixCell[];
  readonly nodesById: ReadonlyMap<string, LogicNode>;
  readonly partnersById: ReadonlyMap<string, Partner>;
  readonly graph: LogicGraph;
  /** The checks of the model as it is, or while `checking`, of the model as it was (empty before the first). */
  readonly report: CheckReport;
  /** A large model's checks run after the frame that shows its change (see CHECK_AT_ONCE_BELOW). */
  readonly checking: boolean;
  /** Null while there is no template (see `template`). */
  readonly layout: BoardLayout | null;
}

/** Session-local UI state of the board (never synced). */
export interface LogicUiState {
  readonly selectedId: string | null;
  readonly selectedLinkId: string | null;
  readonly editingId: string | null;
  readonly actionPlanOpen: boolean;
  /** A short message for the person (e.g. why a link was refused). */
  readonly notice: string | null;
}

const ROUTE_DEBOUNCE_MS = 80;

/**
 * Checking 10,000 cards takes ~120-150 ms. Below this many cards and links the
 * checks run with the change that needs them (a few ms at most); from it on they
 * run once the change is on screen, so opening a large board or an edit to it
 * is not held up by them, and the report follows a frame later.
 */
export const CHECK_AT_ONCE_BELOW = 2_000;

/** The report of a model not checked yet. */
export const NO_REPORT: CheckReport = {
  results: [],
  byNode: new Map(),
  byLink: new Map(),
  worstByNode: new Map(),
  counts: { error: 0, warning: 0, info: 0 },
};

/** What a report was worked out from: the same inputs give the same report. */
interface CheckInputs {
  readonly graph: LogicGraph;
  readonly template: LogicTemplateId | null;
  readonly partners: readonly Partner[];
  readonly matrixRows: readonly MatrixRow[];
  readonly matrixCells: readonly MatrixCell[];
}

const sameCheckInputs = (a: CheckInputs, b: CheckInputs) =>
  a.graph === b.graph && a.template === b.template && a.partners === b.partners && a.matrixRows === b.matrixRows && a.matrixCells === b.matrixCells;

function check(inputs: CheckInputs, nodes: readonly LogicNode[], links: readonly LogicLink[]): CheckReport {
  const { graph, template, partners, matrixRows, matrixCells } = inputs;
  return runChecks({ nodes, links, partners, matrixRows, matrixCells, template }, graph);
}

/** The logic model's tab in the board's selection (its `BoardView`). */
const LOGIC_VIEW = 'logic-model';

export class LogicModelStore {
  /** The selected card or link lives in the board's one selection (`canvas/selectionStore`), on this tab; the rest here. */
  readonly ui: ValueStore<LogicUiState>;
  /** Routes for the current layout: quick curves at once, ELK's when it answers. */
  readonly routes: ValueStore<ReadonlyMap<string, LinkRoute>> = createValueStore<ReadonlyMap<string, LinkRoute>>(new Map());
  private snapshot: LogicModelSnapshot | null = null;
  private inputs: unknown[] = [];
  private template: LogicTemplateId | null;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];
  private geometryKey = '';
  private routedFor: { layout: BoardLayout | null; links: ReadonlyMap<string, LogicLink> | null } = { layout: null, links: null };
  private routeTimer: ReturnType<typeof setTimeout> | null = null;
  private routeGeneration = 0;
  private elk: Promise<ElkLayouter> | null = null;
  /** The latest report worked out, and from what. */
  private checked: { inputs: CheckInputs; report: CheckReport } | null = null;
  private cancelChecks: (() => void) | null = null;

  constructor(private readonly session: BoardSession) {
    // The stores, not the document: before the first sync they hold the paint snapshot's records.
    const nodes = session.collection('logicNodes');
    const links = session.collection('logicLinks');
    const local = createValueStore<Omit<LogicUiState, 'selectedId' | 'selectedLinkId'>>({ editingId: null, actionPlanOpen: false, notice: null });
    this.ui = withSelection(local, selectionFor(session), LOGIC_VIEW, {
      keys: ['selectedId', 'selectedLinkId'],
      read: (ids) => {
        const [only] = ids;
        const one = ids.size === 1 && only !== undefined ? only : null;
        return { selectedId: one !== null && nodes.get(one) ? one : null, selectedLinkId: one !== null && links.get(one) ? one : null };
      },
      write: ({ selectedId, selectedLinkId }) => selectedId ?? selectedLinkId,
    });
    this.template = session.meta().logicTemplate;
    // One transaction (a sync step, a remote edit) touches several collections and
    // each tells us separately; tell our readers once, when all of them are current,
    // so the graph, checks and layout are derived once per change, not once per collection.
    let queued = false;
    const notify = () => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        for (const listener of [...this.listeners]) listener();
      });
    };
    for (const name of ['logicNodes', 'logicLinks', 'partners', 'matrixRows', 'matrixCells'] as const) {
      this.cleanups.push(session.collection(name).subscribe(notify));
    }
    const meta = getMetaMap(session.doc);
    const onMeta = () => {
      const next = session.meta().logicTemplate;
      if (next !== this.template) {
        this.template = next;
        notify();
      }
    };
    meta.observe(onMeta);
    this.cleanups.push(() => meta.unobserve(onMeta));
    // Before the first sync the template may come from the paint snapshot (see BoardSession.meta).
    this.cleanups.push(session.connection.subscribe(onMeta));
    // Keep routes following the model even when no component is reading it yet.
    this.cleanups.push(this.subscribe(() => this.getSnapshot()));
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): LogicModelSnapshot => {
    const s = this.session;
    const inputs = [
      this.template,
      s.collection('logicNodes').getSnapshot(),
      s.collection('logicLinks').getSnapshot(),
      s.collection('partners').getSnapshot(),
      s.collection('matrixRows').getSnapshot(),
      s.collection('matrixCells').getSnapshot(),
    ];
    if (this.snapshot && inputs.every((v, i) => v === this.inputs[i])) return this.snapshot;
    const [chosen, nodes, links, partners, matrixRows, matrixCells] = inputs as [
      LogicTemplateId | null,
      LogicNode[],
      LogicLink[],
      Partner[],
      MatrixRow[],
      MatrixCell[],
    ];
    const previous = this.snapshot;
    const template = boardTemplate(chosen, nodes);
    const [, prevNodes, prevLinks, prevPartners] = this.inputs;
    const graph = previous && prevNodes === nodes && prevLinks === links ? previous.graph : buildLogicGraph(nodes, links);
    const checkInputs: CheckInputs = { graph, template, partners, matrixRows, matrixCells };
    let checking = false;
    if (!this.checked || !sameCheckInputs(this.checked.inputs, checkInputs)) {
      if (nodes.length + links.length < CHECK_AT_ONCE_BELOW) {
        this.checked = { inputs: checkInputs, report: check(checkInputs, nodes, links) };
      } else {
        checking = true;
        this.scheduleChecks();
      }
    }
    const report = this.checked?.report ?? NO_REPORT;
    // Layout only depends on the cards and the template; reuse it when only links or partners changed.
    const reuseLayout = previous !== null && previous.template === template && previous.nodes === nodes;
    const shownTemplate = reuseLayout
      ? previous.shownTemplate
      : template === null
        ? null
        : templateShowingColumns(getTemplate(template), new Set(nodes.map((n) => n.column)));
    const layout =
      shownTemplate === null ? null : reuseLayout && previous.layout ? previous.layout : layoutBoard(shownTemplate, nodes, { cardHeightOf: cardHeight });
    this.inputs = inputs;
    this.snapshot = {
      template,
      templateChosen: chosen !== null,
      shownTemplate,
      nodes,
      links,
      partners,
      matrixRows,
      matrixCells,
      nodesById: graph.nodes,
      partnersById: previous && prevPartners === partners ? previous.partnersById : new Map(partners.map((p) => [p.id, p])),
      graph,
      report,
      checking,
      layout,
    };
    this.scheduleRoutes(this.snapshot);
    return this.snapshot;
  };

  /** Check the model as it is once the frame showing it is drawn, then tell the readers. */
  private scheduleChecks(): void {
    if (this.cancelChecks) return;
    this.cancelChecks = afterNextFrame(() => {
      this.cancelChecks = null;
      const snapshot = this.snapshot;
      if (!snapshot?.checking) return;
      // Only what the report depends on is kept, not the whole snapshot.
      const { graph, template, partners, matrixRows, matrixCells } = snapshot;
      const inputs: CheckInputs = { graph, template, partners, matrixRows, matrixCells };
      // Changes since this snapshot are read at the next getSnapshot, which schedules again if needed.
      this.checked = { inputs, report: check(inputs, snapshot.nodes, snapshot.links) };
      this.snapshot = { ...snapshot, report: this.checked.report, checking: false };
      for (const listener of [...this.listeners]) listener();
    });
  }

  /** The world rectangle of the model, for zoom-to-fit. */
  bounds() {
    return this.getSnapshot().layout?.bounds ?? null;
  }

  private scheduleRoutes(snapshot: LogicModelSnapshot): void {
    const layout = snapshot.layout;
    // Same layout and same links: the routes stand, without spelling out the geometry key.
    if (layout && layout === this.routedFor.layout && snapshot.graph.links === this.routedFor.links) return;
    this.routedFor = { layout, links: snapshot.graph.links };
    const links = [...snapshot.graph.links.values()];
    if (!layout) {
      this.geometryKey = '';
      this.routes.set(new Map());
      return;
    }
    const key = geometryKey(layout, links);
    if (key === this.geometryKey) return;
    this.geometryKey = key;
    this.routes.set(quickRoutes(layout, links));
    const generation = ++this.routeGeneration;
    if (this.routeTimer) clearTimeout(this.routeTimer);
    this.routeTimer = null;
    if (!routeWithElk(layout.cards.size, links.length)) return;
    this.routeTimer = setTimeout(() => {
      this.routeTimer = null;
      void this.loadElk()
        .then((elk) => routeLinks(elk, layout, links))
        .then(
          (routes) => {
            if (generation === this.routeGeneration) this.routes.set(routes);
          },
          // Routing is a nicety: on any ELK failure the quick curves stay.
          () => undefined,
        );
    }, ROUTE_DEBOUNCE_MS);
  }

  private loadElk(): Promise<ElkLayouter> {
    // ELK is big (~1.5 MB); load it only once a model has links, and run it in
    // this thread (the bundled build), so no worker script has to be served.
    this.elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
    return this.elk;
  }

  destroy(): void {
    if (this.routeTimer) clearTimeout(this.routeTimer);
    this.cancelChecks?.();
    this.cancelChecks = null;
    this.routeGeneration += 1;
    for (const cleanup of this.cleanups) cleanup();
    this.listeners.clear();
  }
}

function geometryKey(layout: BoardLayout, links: readonly LogicLink[]): string {
  const parts: string[] = [];
  for (const b of layout.cards.values()) parts.push(`${b.nodeId}:${b.x},${b.y},${b.height}`);
  parts.push('|');
  for (const l of links) parts.push(`${l.id}:${l.from}>${l.to}`);
  return parts.join(';');
}

/** The board module's store factory: the session keeps one per open board and destroys it with itself. */
export function createLogicModelStore(session: BoardSession): LogicModelStore {
  return new LogicModelStore(session);
}

export function logicModelStore(session: BoardSession): LogicModelStore {
  return session.storeFor(createLogicModelStore);
}

export function useLogicModel(session: BoardSession): LogicModelSnapshot {
  const store = logicModelStore(session);
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

export function useLogicUi(session: BoardSession): [LogicUiState, (patch: Partial<LogicUiState>) => void] {
  const store = logicModelStore(session);
  const state = useSyncExternalStore(store.ui.subscribe, store.ui.get, store.ui.get);
  // One setter per store, so effects that use it do not re-run on every render.
  const update = useCallback((patch: Partial<LogicUiState>) => store.ui.set((prev) => ({ ...prev, ...patch })), [store]);
  return [state, update];
}

export function useRoutes(session: BoardSession): ReadonlyMap<string, LinkRoute> {
  const store = logicModelStore(session);
  return useSyncExternalStore(store.routes.subscribe, store.routes.get, store.routes.get);
}
