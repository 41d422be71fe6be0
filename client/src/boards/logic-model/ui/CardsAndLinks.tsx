import { useEffect, useRef, type MutableRefObject } from 'react';
import { Shape } from 'react-konva';
import type Konva from 'konva';
import { cardUnder, hitCards, hitLinks, linkUnder, paintCards, paintLinks, stageViewport, warmCardTexts, type BoardScene } from './boardPainter';
import { type Point, type Rect } from '../../../lib/geometry';

export interface DragOffset {
  readonly id: string;
  readonly dx: number;
  readonly dy: number;
}

export interface SceneHandlers {
  cardDown(id: string, event: PointerEvent, world: Point): void;
  cardEdit(id: string): void;
  hover(id: string | null): void;
  linkDown(id: string): void;
}

interface Props {
  /** Everything but the drag, rebuilt when the model, routes or selection change. */
  scene: Omit<BoardScene, 'drag'>;
  /** Updated on every pointer move of a drag, without a React render. */
  drag: MutableRefObject<DragOffset | null>;
  handlers: SceneHandlers;
}

type KonvaContext = Konva.Context & { _context: CanvasRenderingContext2D };

/**
 * Every link and every card as two Konva shapes that draw, each frame, only
 * what intersects the viewport. Pointer input is resolved from the layout:
 * the hit canvas holds one region per shape, the index says which card or link.
 */
export function CardsAndLinks({ scene, drag, handlers }: Props) {
  const current = useRef(scene);
  current.current = scene;
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const cardsRef = useRef<Konva.Shape>(null);
  const hovered = useRef<string | null>(null);

  useEffect(() => {
    cardsRef.current?.getLayer()?.batchDraw();
  }, [scene]);

  // After a frame, lay out the text of the cards around the view while the page is idle.
  const warm = useRef<{ view: { rect: Rect; zoom: number } | null; pending: number | null }>({ view: null, pending: null });
  const scheduleWarm = (view: { rect: Rect; zoom: number }) => {
    warm.current.view = view;
    if (warm.current.pending !== null || typeof requestIdleCallback === 'undefined') return;
    const run = (deadline: IdleDeadline) => {
      warm.current.pending = null;
      const target = warm.current.view;
      if (!target) return;
      const done = warmCardTexts(current.current, target.rect, target.zoom, () => deadline.timeRemaining());
      if (done) warm.current.view = null;
      else warm.current.pending = requestIdleCallback(run);
    };
    warm.current.pending = requestIdleCallback(run);
  };
  useEffect(() => () => {
    if (warm.current.pending !== null) cancelIdleCallback(warm.current.pending);
  }, []);

  const frame = (shape: Konva.Shape) => {
    const stage = shape.getStage();
    const view = stage ? stageViewport(stage) : { rect: { x: 0, y: 0, width: 0, height: 0 }, zoom: 1 };
    return { view, scene: { ...current.current, drag: drag.current } as BoardScene };
  };
  const world = (shape: Konva.Shape): Point | null => shape.getRelativePointerPosition();
  /** Double-click or double-tap on a card edits it in place. */
  const openCard = (event: Konva.KonvaEventObject<MouseEvent | TouchEvent | PointerEvent>) => {
    const shape = event.target as Konva.Shape;
    const at = world(shape);
    const id = at ? cardUnder(frame(shape).scene, at) : null;
    if (!id) return;
    event.cancelBubble = true;
    handlersRef.current.cardEdit(id);
  };

  return (
    <>
      <Shape
        name="logic-links"
        sceneFunc={(context, shape) => {
          const { view, scene: s } = frame(shape);
          paintLinks((context as KonvaContext)._context, s, view.rect);
        }}
        hitFunc={(context, shape) => {
          const { view, scene: s } = frame(shape);
          hitLinks((context as KonvaContext)._context, s, view.rect, shape.colorKey);
        }}
        onPointerDown={(event) => {
          if (event.evt.button !== 0) return;
          const at = world(event.target as Konva.Shape);
          const id = at ? linkUnder(frame(event.target as Konva.Shape).scene, at) : null;
          if (!id) return;
          event.cancelBubble = true;
          handlersRef.current.linkDown(id);
        }}
        perfectDrawEnabled={false}
      />
      <Shape
        ref={cardsRef}
        name="logic-cards"
        sceneFunc={(context, shape) => {
          const { view, scene: s } = frame(shape);
          paintCards((context as KonvaContext)._context, s, view.rect, view.zoom);
          scheduleWarm(view);
        }}
        hitFunc={(context, shape) => {
          const { view, scene: s } = frame(shape);
          hitCards((context as KonvaContext)._context, s, view.rect, shape.colorKey);
        }}
        onPointerDown={(event) => {
          if (event.evt.button !== 0) return;
          const shape = event.target as Konva.Shape;
          const at = world(shape);
          const id = at ? cardUnder(frame(shape).scene, at) : null;
          if (!id || !at) return;
          event.cancelBubble = true;
          handlersRef.current.cardDown(id, event.evt, at);
        }}
        onDblClick={openCard}
        onDblTap={openCard}
        onMouseMove={(event) => {
          const shape = event.target as Konva.Shape;
          const at = world(shape);
          const id = at ? cardUnder(frame(shape).scene, at) : null;
          if (id !== hovered.current) {
            hovered.current = id;
            handlersRef.current.hover(id);
          }
        }}
        onMouseLeave={() => {
          if (hovered.current === null) return;
          hovered.current = null;
          handlersRef.current.hover(null);
        }}
        perfectDrawEnabled={false}
      />
    </>
  );
}
