import { memo, useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import { Shape } from 'react-konva';
import { LazyHitLayer, type LazyHitKonvaLayer } from '../../../canvas/hitLayers';
import type Konva from 'konva';
import { screenToWorld, visibleWorldRect } from '../../../canvas/camera';
import { CLICK_SLOP_PX, startPan } from '../../../canvas/pan';
import { stagePointer } from '../../../canvas/pointer';
import { useKeepInPlace } from '../../../canvas/useKeepInPlace';
import { useValue } from '../../../lib/hooks';
import type { BoardCanvasLayersProps } from '../../types';
import { matrixStoreFor, type MatrixStore } from '../matrixStore';
import type { MatrixHit } from '../model/layout';
import { frozenMatrixAnchors } from '../model/anchors';
import { frozenPanes, hitTestMatrix, insetView, type FrozenPanes } from '../model/viewport';
import { TOOLBAR_INSET_PX } from './insets';
import { drawMatrix } from './drawMatrix';

/** What a click on the canvas does to the matrix. */
export function applyHit(store: MatrixStore, hit: MatrixHit | null, options: { double?: boolean; editable: boolean }): void {
  if (!hit) return;
  switch (hit.kind) {
    case 'cell':
      store.select({ kind: 'cell', rowId: hit.rowId, partnerId: hit.partnerId }, { focus: true, note: options.double && options.editable });
      return;
    case 'rowColumn':
      store.select({ kind: 'row', rowId: hit.rowId }, { focus: true });
      return;
    case 'categoryHeader':
    case 'groupHeader': {
      const band = hit.band;
      store.toggleCollapsed(band.key);
      store.select({ kind: 'group', key: band.key, category: band.category, label: band.label, isCategory: band.kind === 'category' }, { focus: true });
      return;
    }
    case 'columnHeader':
      if (hit.column.partnerId) store.select({ kind: 'partner', partnerId: hit.column.partnerId }, { focus: true });
      return;
  }
}

/**
 * The matrix on the shared canvas, at world origin (0, 0). One Shape draws the rows in
 * view (see drawMatrix); the stage's camera transform is applied by Konva, and every
 * pan or zoom redraws the layer, so culling always follows the camera. Clicks select
 * (and hand keyboard focus to the accessible table); a press that moves pans.
 */
export const MatrixLayer = memo(function MatrixLayer({ session, camera, size, editable }: BoardCanvasLayersProps) {
  const store = matrixStoreFor(session);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const ui = useValue(store.ui);
  const panes = useRef<FrozenPanes>({ headerY: 0, nameX: 0 });
  const layerRef = useRef<LazyHitKonvaLayer>(null);
  // Rows added above, a category opened or closed, a partner removed to the left: the cell under a resting pointer stays there.
  // The pointer is read against the panes as last drawn: over the frozen header it holds the column, not the row beneath.
  const anchors = useMemo(() => frozenMatrixAnchors(() => panes.current), []);
  useKeepInPlace({ camera, layout: snapshot.layout, source: anchors, container: () => layerRef.current?.getStage()?.container() ?? null });

  const sceneFunc = useCallback(
    (context: Konva.Context) => {
      const cam = camera.get();
      const view = visibleWorldRect(cam, size);
      panes.current = frozenPanes(snapshot.layout, insetView(view, cam.zoom, TOOLBAR_INSET_PX));
      drawMatrix(context._context, snapshot, {
        view,
        panes: panes.current,
        zoom: cam.zoom,
        selection: ui.selection,
        focused: ui.keyboardFocus,
      });
    },
    [camera, snapshot, size, ui.selection, ui.keyboardFocus],
  );

  const { width, height } = snapshot.layout;
  const hitFunc = useCallback(
    (context: Konva.Context, shape: Konva.Shape) => {
      if (snapshot.empty) return;
      context.beginPath();
      context.rect(0, 0, width, height);
      context.closePath();
      context.fillStrokeShape(shape);
    },
    [width, height, snapshot.empty],
  );

  const hitAt = (stage: Konva.Stage | null): MatrixHit | null => {
    const pointer = stagePointer(stage);
    if (!pointer) return null;
    return hitTestMatrix(snapshot.layout, screenToWorld(camera.get(), pointer), panes.current);
  };

  const onPointerDown = (event: Konva.KonvaEventObject<PointerEvent>) => {
    if (event.evt.button !== 0) return;
    const stage = event.target.getStage();
    // A press that moves is a pan; one that does not is a click on what is under it.
    startPan(camera, event.evt, {
      slop: CLICK_SLOP_PX,
      end: (panned, _e, cancelled) => {
        if (!panned && !cancelled) applyHit(store, hitAt(stage), { editable });
      },
    });
  };

  const onDblClick = (event: Konva.KonvaEventObject<MouseEvent>) => {
    event.cancelBubble = true;
    const hit = hitAt(event.target.getStage());
    if (hit?.kind === 'cell') applyHit(store, hit, { double: true, editable });
  };

  const setCursor = (event: Konva.KonvaEventObject<MouseEvent>, cursor: string) => {
    const container = event.target.getStage()?.container();
    if (container) container.style.cursor = cursor;
  };

  return (
    <LazyHitLayer ref={layerRef}>
      <Shape
        name="skills-matrix"
        sceneFunc={sceneFunc}
        hitFunc={hitFunc}
        perfectDrawEnabled={false}
        onPointerDown={onPointerDown}
        onDblClick={onDblClick}
        onMouseEnter={(event) => setCursor(event, 'pointer')}
        onMouseLeave={(event) => setCursor(event, '')}
      />
    </LazyHitLayer>
  );
});
