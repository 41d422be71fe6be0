/**
 * One derived view of the matrix per open board, shared by the canvas layer, the
 * overlay (table, toolbar) and the side panel: they are mounted separately by the
 * shell, but index the cells, lay out and analyse 15,000 cells once per change, not
 * three times. Derived pieces are recomputed only when their inputs changed (a cell
 * edit re-analyses but does not re-layout).
 *
 * Also the matrix's local UI state (selection, collapsed groups, table view): session
 * scope, never synced, never saved.
 */
import { matrixCellKey, type MatrixCell, type MatrixRow, type Partner, type Stakeholder, analyseRow, summariseRows, type MatrixAnalysis, type RowAnalysis, type CellIndex } from '@pc/shared';
import type { CollectionStore } from '../../collab/collectionStore';
import type { BoardSession } from '../../collab/session';
import { createValueStore, type ValueStore } from '../../lib/valueStore';
import { layoutMatrix, type MatrixLayout } from './model/layout';
import { rowMatches, type MatchSuggestion } from './model/matches';
import { partnerColumns } from './model/partnerOrder';
import { sortMatrixRows, type MatrixCategory } from './model/rowOrder';

export type MatrixSelection =
  | { kind: 'cell'; rowId: string; partnerId: string }
  | { kind: 'row'; rowId: string }
  | { kind: 'group'; key: string; category: MatrixCategory; label: string; isCategory: boolean }
  | { kind: 'partner'; partnerId: string };

export interface MatrixUi {
  selection: MatrixSelection | null;
  collapsed: ReadonlySet<string>;
  /** The accessible table shown over the canvas instead of kept off-screen. */
  tableVisible: boolean;
  /** Bumped to ask the table to move DOM focus to the selected cell. */
  focusTick: number;
  /** Bumped to ask the side panel to open the selected cell's capacity note. */
  noteTick: number;
  /** A table cell has DOM focus: the canvas draws the keyboard focus ring. */
  keyboardFocus: boolean;
}

export interface MatrixSnapshot {
  /** Partners in column order. */
  partners: readonly Partner[];
  partnerById: ReadonlyMap<string, Partner>;
  rows: readonly MatrixRow[];
  rowById: ReadonlyMap<string, MatrixRow>;
  /** Live index, updated in place: compare rowVersions, not this object, to see a change. */
  cells: CellIndex;
  /** Bumped for a row whenever one of its cells changes. */
  rowVersions: ReadonlyMap<string, number>;
  layout: MatrixLayout;
  analysis: MatrixAnalysis;
  stakeholders: readonly Stakeholder[];
  /** True while the board has neither rows nor partners (nothing is drawn). */
  empty: boolean;
}

interface Inputs {
  partners: readonly Partner[];
  rows: readonly MatrixRow[];
  cells: readonly MatrixCell[];
  stakeholders: readonly Stakeholder[];
  collapsed: ReadonlySet<string>;
}

export class MatrixStore {
  readonly ui: ValueStore<MatrixUi> = createValueStore<MatrixUi>({
    selection: null,
    collapsed: new Set(),
    tableVisible: false,
    focusTick: 0,
    noteTick: 0,
    keyboardFocus: false,
  });
  private readonly partnersStore: CollectionStore<'partners'>;
  private readonly rowsStore: CollectionStore<'matrixRows'>;
  private readonly cellsStore: CollectionStore<'matrixCells'>;
  private readonly stakeholdersStore: CollectionStore<'stakeholders'>;
  private inputs: Inputs | null = null;
  private snapshot: MatrixSnapshot | null = null;
  /** Cells by record id, as last seen: diffed by identity to find the rows an edit touched. */
  private readonly cellsById = new Map<string, MatrixCell>();
  /** Cells by `${rowId}:${partnerId}`, updated in place for the touched cells only. */
  private readonly cellIndex = new Map<string, MatrixCell>();
  private readonly rowVersions = new Map<string, number>();
  private readonly matchCache = new Map<string, { analysis: RowAnalysis; matches: MatchSuggestion[] }>();
  private matchesOf: { analysis: MatrixAnalysis; matches: MatchSuggestion[] } | null = null;

  constructor(session: Pick<BoardSession, 'collection'>) {
    this.partnersStore = session.collection('partners');
    this.rowsStore = session.collection('matrixRows');
    this.cellsStore = session.collection('matrixCells');
    this.stakeholdersStore = session.collection('stakeholders');
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    const stops = [
      this.partnersStore.subscribe(listener),
      this.rowsStore.subscribe(listener),
      this.cellsStore.subscribe(listener),
      this.stakeholdersStore.subscribe(listener),
      this.ui.subscribe(listener),
    ];
    return () => stops.forEach((stop) => stop());
  };

  /**
   * Bring the cell index up to date with the store's records and return the ids of
   * the rows whose cells changed. The collection store keeps unchanged records
   * identical, so one pass of identity checks finds the edits without rebuilding
   * 15,000 keys; only changed cells are re-keyed.
   */
  private syncCells(cells: readonly MatrixCell[]): Set<string> {
    const dirty = new Set<string>();
    const seen = this.cellsById.size;
    let added = 0;
    for (const cell of cells) {
      const previous = this.cellsById.get(cell.id);
      if (previous === cell) continue;
      if (previous) {
        dirty.add(previous.rowId);
        this.cellIndex.delete(matrixCellKey(previous.rowId, previous.partnerId));
      } else added++;
      this.cellsById.set(cell.id, cell);
      this.cellIndex.set(matrixCellKey(cell.rowId, cell.partnerId), cell);
      dirty.add(cell.rowId);
    }
    if (seen + added > cells.length) {
      for (const [id, cell] of this.cellsById) {
        if (this.cellsStore.get(id) !== undefined) continue;
        this.cellsById.delete(id);
        const key = matrixCellKey(cell.rowId, cell.partnerId);
        if (this.cellIndex.get(key) === cell) this.cellIndex.delete(key);
        dirty.add(cell.rowId);
      }
    }
    // Two records claiming one cell: the survivor must be back in the index.
    for (const cell of cells) if (dirty.has(cell.rowId) && !this.cellIndex.has(matrixCellKey(cell.rowId, cell.partnerId))) this.cellIndex.set(matrixCellKey(cell.rowId, cell.partnerId), cell);
    for (const rowId of dirty) this.rowVersions.set(rowId, (this.rowVersions.get(rowId) ?? 0) + 1);
    return dirty;
  }

  readonly getSnapshot = (): MatrixSnapshot => {
    const next: Inputs = {
      partners: this.partnersStore.getSnapshot(),
      rows: this.rowsStore.getSnapshot(),
      cells: this.cellsStore.getSnapshot(),
      stakeholders: this.stakeholdersStore.getSnapshot(),
      collapsed: this.ui.get().collapsed,
    };
    const prev = this.inputs;
    const old = this.snapshot;
    if (
      prev &&
      old &&
      prev.partners === next.partners &&
      prev.rows === next.rows &&
      prev.cells === next.cells &&
      prev.stakeholders === next.stakeholders &&
      prev.collapsed === next.collapsed
    ) {
      return old;
    }
    const dirty = prev?.cells === next.cells ? new Set<string>() : this.syncCells(next.cells);
    const partners = prev && old && prev.partners === next.partners ? old.partners : partnerColumns(next.partners);
    const rows = prev && old && prev.rows === next.rows ? old.rows : sortMatrixRows(next.rows);
    const layout =
      old && old.partners === partners && old.rows === rows && prev?.collapsed === next.collapsed
        ? old.layout
        : layoutMatrix(rows, partners, next.collapsed);
    let analysis: MatrixAnalysis;
    if (old && old.partners === partners && old.rows === rows) {
      analysis = dirty.size === 0 ? old.analysis : reanalyse(old.analysis, rows, partners, this.cellIndex, dirty);
    } else {
      analysis = analyse(rows, partners, this.cellIndex);
      this.matchCache.clear();
    }
    this.inputs = next;
    this.snapshot = {
      partners,
      partnerById: old && old.partners === partners ? old.partnerById : new Map(partners.map((p) => [p.id, p])),
      rows,
      rowById: old && old.rows === rows ? old.rowById : new Map(rows.map((r) => [r.id, r])),
      cells: this.cellIndex,
      rowVersions: this.rowVersions,
      layout,
      analysis,
      stakeholders: next.stakeholders,
      empty: rows.length === 0 && partners.length === 0,
    };
    return this.snapshot;
  };

  /** Match suggestions for every row in display order; rows whose cells did not change reuse theirs. */
  matches(snapshot: MatrixSnapshot): MatchSuggestion[] {
    if (this.matchesOf?.analysis === snapshot.analysis) return this.matchesOf.matches;
    const matches = snapshot.rows.flatMap((row) => {
      const analysis = snapshot.analysis.byRowId.get(row.id);
      const cached = this.matchCache.get(row.id);
      if (analysis && cached?.analysis === analysis) return cached.matches;
      const rowResult = rowMatches(row, snapshot.partners as Partner[], snapshot.cells);
      if (analysis) this.matchCache.set(row.id, { analysis, matches: rowResult });
      return rowResult;
    });
    this.matchesOf = { analysis: snapshot.analysis, matches };
    return matches;
  }

  patchUi(patch: Partial<MatrixUi> | ((ui: MatrixUi) => Partial<MatrixUi>)): void {
    this.ui.set((ui) => ({ ...ui, ...(typeof patch === 'function' ? patch(ui) : patch) }));
  }

  select(selection: MatrixSelection | null, options: { focus?: boolean; note?: boolean } = {}): void {
    this.patchUi((ui) => ({
      selection,
      focusTick: options.focus ? ui.focusTick + 1 : ui.focusTick,
      noteTick: options.note ? ui.noteTick + 1 : ui.noteTick,
    }));
  }

  toggleCollapsed(key: string): void {
    this.patchUi((ui) => {
      const collapsed = new Set(ui.collapsed);
      if (collapsed.has(key)) collapsed.delete(key);
      else collapsed.add(key);
      return { collapsed };
    });
  }
}

function assemble(analysed: RowAnalysis[], partnerCount: number): MatrixAnalysis {
  const byRowId = new Map<string, RowAnalysis>();
  for (const analysis of analysed) if (!byRowId.has(analysis.rowId)) byRowId.set(analysis.rowId, analysis);
  return { rows: analysed, byRowId, summary: summariseRows(analysed, partnerCount) };
}

function analyse(rows: readonly MatrixRow[], partners: readonly Partner[], cells: CellIndex): MatrixAnalysis {
  return assemble(rows.map((row) => analyseRow(row, partners, cells)), partners.length);
}

/** Re-analyse only the rows whose cells changed; the others keep their (identical) results. */
function reanalyse(previous: MatrixAnalysis, rows: readonly MatrixRow[], partners: readonly Partner[], cells: CellIndex, dirty: ReadonlySet<string>): MatrixAnalysis {
  return assemble(
    rows.map((row, i) => {
      const old = previous.rows[i];
      return old && old.rowId === row.id && !dirty.has(row.id) ? old : analyseRow(row, partners, cells);
    }),
    partners.length,
  );
}

/** The board module's store factory: the session keeps one per open board and destroys it with itself. */
export function createMatrixStore(session: BoardSession): MatrixStore {
  return new MatrixStore(session);
}

/** The matrix store of an open board, created on first use. */
export function matrixStoreFor(session: BoardSession): MatrixStore {
  return session.storeFor(createMatrixStore);
}
