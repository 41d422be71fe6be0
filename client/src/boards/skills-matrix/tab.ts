import type { BoardTab } from '../types';
import { MATRIX_FOCUS_HINTS, matrixFocusables } from './focus';
import { matrixStoreFor } from './matrixStore';
import { cellAt, layoutMatrix, recordRect } from './model/layout';
import { MatrixLayer } from './ui/MatrixLayer';
import { MatrixOverlay } from './ui/MatrixOverlay';
import { MatrixPanel } from './ui/MatrixPanel';

/**
 * Zoom-to-fit frames the top-left of a large matrix (header, names and the first
 * rows) rather than all of it: 50 partners x 300 rows fitted whole would be drawn at
 * a zoom where nothing can be read. The frozen header and names keep their place
 * while one scrolls on from there.
 */
const FIT_MAX_WIDTH = 1400;
const FIT_MAX_HEIGHT = 900;

export const skillsMatrixTab: BoardTab = {
  view: 'skills-matrix',
  label: 'Skills matrix',
  purpose: 'What skills, knowledge and resources each partner brings, gives and needs.',
  comingSoon: 'Start with “Add starter rows” and “Add partner” above; gaps, risks and matches appear as partners fill in their levels.',
  CanvasLayers: MatrixLayer,
  CanvasOverlay: MatrixOverlay,
  SidePanel: MatrixPanel,
  contentBounds(session) {
    const snapshot = matrixStoreFor(session).getSnapshot();
    if (snapshot.empty) return null;
    const { width, height } = snapshot.layout;
    return { x: 0, y: 0, width: Math.min(width, FIT_MAX_WIDTH), height: Math.min(height, FIT_MAX_HEIGHT) };
  },
  // The matrix as it stands with every category open: a note left below a collapsed
  // category would cover partner cells once it opens again.
  ownArea(session) {
    const snapshot = matrixStoreFor(session).getSnapshot();
    if (snapshot.empty) return null;
    const expanded = layoutMatrix(snapshot.rows, snapshot.partners);
    return { x: 0, y: 0, width: expanded.width, height: expanded.height };
  },
  // A row's band, or a partner's column, in the layout as drawn (collapsed categories hide their rows).
  recordBounds(session, id) {
    const snapshot = matrixStoreFor(session).getSnapshot();
    return snapshot.empty ? null : recordRect(snapshot.layout, id);
  },
  // Collapsed categories hide their rows, so the earlier state collapses the same ones.
  matchLayout(from, to) {
    const { collapsed } = matrixStoreFor(from).ui.get();
    matrixStoreFor(to).ui.set((ui) => ({ ...ui, collapsed }));
  },
  // A row by its band; a partner by its column header.
  recordAt(session, point) {
    const snapshot = matrixStoreFor(session).getSnapshot();
    const hit = snapshot.empty ? null : cellAt(snapshot.layout, point);
    if (!hit) return null;
    if (hit.kind === 'cell' || hit.kind === 'rowColumn') return hit.rowId;
    return hit.kind === 'columnHeader' ? (hit.column.partnerId ?? null) : null;
  },
  focusables: matrixFocusables,
  focusHints: MATRIX_FOCUS_HINTS,
  contentCollections: ['matrixRows', 'partners'],
  // Row names and partner headers are drawn at 13 px; a table reads from its top-left corner.
  labelPx: 13,
  readableAnchor: 'top-left',
};
