/**
 * Local (per person) UI state of the stakeholder map, shared by its three mounted
 * parts (canvas layers, overlay, side panel): which layout, which encodings and
 * filters, what is selected. Never synced: each partner picks their own layout
 * while the records underneath stay shared. Also a memo of the derived picture
 * (placements, colours, filter), so the three parts compute it once per change.
 */
import type { Partner, Stakeholder } from '@pc/shared';
import type { BoardSession } from '../../../collab/session';
import { createValueStore, type ValueStore } from '../../../lib/valueStore';
import { selectionFor, withSelection } from '../../../canvas/selectionStore';
import { colourBy, type ColourEncoding, type ColourField, type SizeField } from '../model/encodings';
import { compileFilter, matchesSearch, searchTerms, type FilterClause } from '../model/filters';
import { cardPlacements, type CardPlacement, type MapLayout } from '../model/mapLayout';
import { type Point } from '../../../lib/geometry';
import { resorted, type SortedView } from '../../../lib/sortedView';
import { compareByNameThenId } from '../model/text';

export type MapMode = 'map' | 'comms';

export interface MapUiState {
  layout: MapLayout;
  mode: MapMode;
  colourBy: ColourField;
  sizeBy: SizeField;
  clauses: FilterClause[];
  search: string;
  /** The stakeholder selected: kept in the board's one selection (`canvas/selectionStore`), on the map's tab. */
  selectedId: string | null;
}

/** The fields of `MapUiState` kept in this store (the selection lives in the board's one selection). */
type LocalMapUiState = Omit<MapUiState, 'selectedId'>;

/** A card being dragged (from the map or the tray), in world coordinates; changes every pointer move. */
export interface DragState {
  id: string;
  x: number;
  y: number;
  /** False while the pointer is outside the canvas (a tray drag not yet over the map). */
  overCanvas: boolean;
  source: 'map' | 'tray';
}

/** A relationship being drawn from a card's handle. */
export interface EdgeDraft {
  from: string;
  to: Point;
  /** The card under the pointer that would receive the edge. */
  target: string | null;
}

export interface MapDerived {
  /** Every stakeholder by id: one map for all the parts that ask (10,000 entries each change). */
  byId: ReadonlyMap<string, Stakeholder>;
  placed: Stakeholder[];
  unplaced: Stakeholder[];
  placements: Map<string, CardPlacement>;
  colours: ColourEncoding;
  /** Placed or not, stakeholders passing the filter clauses (search only highlights). */
  shownIds: Set<string>;
  /** Ids matching the search text; null when there is no search. */
  searchHits: Set<string> | null;
}

export interface MapUi {
  state: ValueStore<MapUiState>;
  drag: ValueStore<DragState | null>;
  edgeDraft: ValueStore<EdgeDraft | null>;
  update(patch: Partial<MapUiState>): void;
  derive(stakeholders: readonly Stakeholder[], partners: readonly Partner[], state: MapUiState): MapDerived;
}

const INITIAL_MAP_UI: LocalMapUiState = {
  layout: 'grid',
  mode: 'map',
  colourBy: 'sector',
  sizeBy: 'none',
  clauses: [],
  search: '',
};

/** The map's tab in the board's selection (its `BoardView`). */
const MAP_VIEW = 'stakeholder-map';

/** Memo of the last call's result while every argument is the same object. */
function memoLast<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let last: R;
  return (...args: A) => {
    if (lastArgs && lastArgs.length === args.length && lastArgs.every((a, i) => Object.is(a, args[i]))) return last;
    last = fn(...args);
    lastArgs = args;
    return last;
  };
}

/** The board module's store factory: the session keeps one per open board and drops it with itself. */
export function createMapUi(session: BoardSession): MapUi {
  // The store, not the document: before the first sync it holds the paint snapshot's records.
  const stakeholders = session.collection('stakeholders');
  const state = withSelection(createValueStore<LocalMapUiState>(INITIAL_MAP_UI), selectionFor(session), MAP_VIEW, {
    keys: ['selectedId'],
    read: (ids) => {
      const [only] = ids;
      return { selectedId: ids.size === 1 && only !== undefined && stakeholders.get(only) ? only : null };
    },
    write: ({ selectedId }) => selectedId,
  });
  const split = memoLast((stakeholders: readonly Stakeholder[]) => ({
    placed: stakeholders.filter((s) => s.placed),
    unplaced: stakeholders.filter((s) => !s.placed),
  }));
  const byIdOf = memoLast((stakeholders: readonly Stakeholder[]) => new Map(stakeholders.map((s) => [s.id, s])));
  const placementsOf = memoLast(cardPlacements);
  // The grid and the onion order each cell or ring by name: handed the cards already in that order (kept
  // by patching, see lib/sortedView), their sorts are one pass. The network draws in the records' own order.
  let byName: SortedView<Stakeholder> | null = null;
  const sortedByName = (placed: readonly Stakeholder[]) => (byName = resorted(byName, placed, compareByNameThenId)).sorted;
  const coloursOf = memoLast(colourBy);
  const shownOf = memoLast((stakeholders: readonly Stakeholder[], clauses: FilterClause[]) => {
    const passes = compileFilter({ clauses, search: '' });
    return new Set(stakeholders.filter(passes).map((s) => s.id));
  });
  const hitsOf = memoLast((stakeholders: readonly Stakeholder[], search: string) =>
    searchTerms(search).length === 0 ? null : new Set(stakeholders.filter((s) => matchesSearch(s, search)).map((s) => s.id)),
  );
  return {
    state,
    drag: createValueStore<DragState | null>(null),
    edgeDraft: createValueStore<EdgeDraft | null>(null),
    update: (patch) => state.set((previous) => ({ ...previous, ...patch })),
    derive(stakeholders, partners, ui) {
      const { placed, unplaced } = split(stakeholders);
      return {
        byId: byIdOf(stakeholders),
        placed,
        unplaced,
        placements: placementsOf(ui.layout === 'network' ? placed : sortedByName(placed), ui.layout, ui.sizeBy),
        colours: coloursOf(stakeholders, ui.colourBy, partners),
        shownIds: shownOf(stakeholders, ui.clauses),
        searchHits: hitsOf(stakeholders, ui.search),
      };
    },
  };
}

/** The map's UI state for one open board (created on first use, gone with the session). */
export function mapUiFor(session: BoardSession): MapUi {
  return session.storeFor(createMapUi);
}
