import type Konva from 'konva';
import { pointerOn, screenPoint, type ScreenPoint, type WorldPoint } from '../lib/geometry';
import type { ValueStore } from '../lib/valueStore';
import { screenToWorld, type Camera } from './camera';

/** What a gesture does with one pointer after it went down. */
export interface PointerTrack {
  move?(event: PointerEvent): void;
  /** Once, on release (`cancelled` false) or when the browser cancels the gesture. */
  end?(event: PointerEvent, cancelled: boolean): void;
}

/**
 * Follow one pointer on the window (so a drag keeps going over overlays and
 * outside the canvas) until it is released or cancelled. Events of other
 * pointers are ignored. Returns a function that stops following early.
 */
export function trackPointer(pointerId: number, track: PointerTrack, target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
  const move = (event: Event) => {
    const e = event as PointerEvent;
    if (e.pointerId === pointerId) track.move?.(e);
  };
  const end = (event: Event) => {
    const e = event as PointerEvent;
    if (e.pointerId !== pointerId) return;
    stop();
    track.end?.(e, e.type === 'pointercancel');
  };
  const stop = () => {
    target.removeEventListener('pointermove', move);
    target.removeEventListener('pointerup', end);
    target.removeEventListener('pointercancel', end);
  };
  target.addEventListener('pointermove', move);
  target.addEventListener('pointerup', end);
  target.addEventListener('pointercancel', end);
  return stop;
}

/** Where Konva last saw the pointer on this stage, in screen pixels. */
export function stagePointer(stage: Konva.Stage | null | undefined): ScreenPoint | null {
  const pointer = stage?.getPointerPosition();
  return pointer ? screenPoint(pointer.x, pointer.y) : null;
}

/** The world point under the stage's last pointer position. */
export function stagePointerWorld(stage: Konva.Stage | null | undefined, camera: ValueStore<Camera>): WorldPoint | null {
  const pointer = stagePointer(stage);
  return pointer ? screenToWorld(camera.get(), pointer) : null;
}

/** The world point under a DOM pointer event over `element` (the stage's container). */
export function eventWorld(element: Element, event: { clientX: number; clientY: number }, camera: ValueStore<Camera>): WorldPoint {
  return screenToWorld(camera.get(), pointerOn(element, event));
}

/** How far (screen px) a press on a locked thing must travel before it counts as a try to drag it. */
export const LOCKED_DRAG_SLOP_PX = 4;

/**
 * A press on something locked: nothing follows the pointer, but once it has
 * travelled as a drag would, `refused` runs once (to say why it does not move).
 */
export function watchLockedDrag(down: { pointerId: number; clientX: number; clientY: number }, refused: () => void): void {
  const stop = trackPointer(down.pointerId, {
    move: (e) => {
      if (Math.hypot(e.clientX - down.clientX, e.clientY - down.clientY) < LOCKED_DRAG_SLOP_PX) return;
      stop();
      refused();
    },
  });
}
