import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { Shape } from 'react-konva';
import type Konva from 'konva';
import type { CardHit, CardScene } from '../model/cardScene';
import { CardFrames } from './cardBitmap';
import type { CardHandlers } from './StakeholderCard';
import { type Point } from '../../../lib/geometry';
import { SelfHitLayer, type SelfHitKonvaLayer } from '../../../canvas/hitLayers';

interface CardsLayerProps {
  scene: CardScene;
  /** The scene's version: a new one redraws the layer. */
  version: number;
  handlers: CardHandlers;
  /** A primary pointer down on the empty canvas (not on a card or another board's node). */
  onEmptyPointerDown(): void;
  /** What is drawn under the cards in the same layer (the backdrop and edges; never listening). */
  children?: ReactNode;
}

const noHit = () => {};

/**
 * Every card but the dragged one, as ONE Konva shape that paints the cards of
 * the current viewport each frame (see CardFrames). Pointer hit-testing goes
 * through the scene's spatial index instead of a hit canvas (the layer has
 * none, see SelfHitLayer): the layer answers Konva's hit query itself, with
 * the shape as the target when the pointer is over a card, so the stage's own
 * handlers (pan on empty canvas, deselect) see a card as before, and the
 * shape's handlers find which card it was.
 */
export function CardsLayer({ scene, version, handlers, onEmptyPointerDown, children }: CardsLayerProps) {
  const layerRef = useRef<SelfHitKonvaLayer>(null);
  const shapeRef = useRef<Konva.Shape>(null);
  const frames = useMemo(() => new CardFrames(scene, () => layerRef.current?.batchDraw()), [scene]);
  useEffect(() => () => frames.dispose(), [frames]);
  const latest = useRef(handlers);
  latest.current = handlers;
  // The last two pointer downs: a double click opens a card only when both were on it.
  const downs = useRef<[string | null, string | null]>([null, null]);
  const hovered = useRef<string | null>(null);

  const sceneFunc = useCallback(
    (context: Konva.Context, shape: Konva.Shape) => {
      const stage = shape.getStage();
      if (!stage) return;
      const zoom = stage.scaleX();
      const rect = { x: -stage.x() / zoom, y: -stage.y() / zoom, width: stage.width() / zoom, height: stage.height() / zoom };
      frames.draw(context._context, { rect, zoom, pixelRatio: shape.getLayer()?.getCanvas().getPixelRatio() ?? 1 });
    },
    [frames],
  );

  const hitAt = useCallback(
    (pos: Point | null | undefined): CardHit | null => {
      const layer = layerRef.current;
      if (!pos || !layer) return null;
      return scene.at(layer.getAbsoluteTransform().copy().invert().point(pos));
    },
    [scene],
  );

  useLayoutEffect(() => {
    const layer = layerRef.current;
    const shape = shapeRef.current;
    if (!layer || !shape) return;
    layer.hitTest = (pos) => (hitAt(pos) ? shape : null);
    return () => {
      layer.hitTest = null;
    };
  }, [hitAt]);

  const onEmpty = useRef(onEmptyPointerDown);
  onEmpty.current = onEmptyPointerDown;
  useEffect(() => {
    const stage = layerRef.current?.getStage();
    if (!stage) return;
    stage.on('pointerdown.stakeholders', (event: Konva.KonvaEventObject<PointerEvent>) => {
      if (event.target === stage) onEmpty.current();
    });
    return () => {
      stage.off('pointerdown.stakeholders');
    };
  }, []);

  const pointerHit = (event: Konva.KonvaEventObject<unknown>) => hitAt(event.target.getStage()?.getPointerPosition());

  const hover = (id: string | null) => {
    if (hovered.current === id) return;
    hovered.current = id;
    latest.current.hover(id);
  };

  const open = (event: Konva.KonvaEventObject<MouseEvent | TouchEvent>) => {
    const hit = pointerHit(event);
    if (!hit) return;
    event.cancelBubble = true;
    const [first, second] = downs.current;
    if (first === hit.id && second === hit.id) latest.current.open(hit.id);
  };

  return (
    <SelfHitLayer ref={layerRef} name="stakeholder-cards">
      {children}
      <Shape
        ref={shapeRef}
        name="stakeholder-cards"
        cardsVersion={version}
        sceneFunc={sceneFunc}
        hitFunc={noHit}
        perfectDrawEnabled={false}
        onPointerDown={(event) => {
          const hit = pointerHit(event);
          if (!hit) return;
          downs.current = [downs.current[1], hit.id];
          if (hit.handle) {
            event.cancelBubble = true;
            latest.current.handleDown(hit.id, event);
          } else latest.current.pointerDown(hit.id, event);
        }}
        onDblClick={open}
        onDblTap={open}
        onPointerMove={(event) => hover(pointerHit(event)?.id ?? null)}
        onPointerLeave={() => hover(null)}
      />
    </SelfHitLayer>
  );
}
