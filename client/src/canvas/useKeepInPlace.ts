import { useEffect, useLayoutEffect, useRef } from 'react';
import { screenToWorld, type Camera } from './camera';
import { holdAt, keepInPlaceShift, type AnchorSource } from './layoutAnchor';
import { pointerOn } from '../lib/geometry';
import type { ValueStore } from '../lib/valueStore';

/** The last place a mouse or pen was seen on the page (client pixels); null once it left the window. */
let lastPointer: { clientX: number; clientY: number } | null = null;
let listeners = 0;
const seen = (event: PointerEvent) => {
  if (event.pointerType !== 'touch') lastPointer = { clientX: event.clientX, clientY: event.clientY };
};
const left = (event: PointerEvent) => {
  if (event.relatedTarget === null) lastPointer = null;
};

function usePointerTracking(): void {
  useEffect(() => {
    if (listeners++ === 0) {
      window.addEventListener('pointermove', seen, { capture: true, passive: true });
      window.addEventListener('pointerdown', seen, { capture: true, passive: true });
      document.addEventListener('pointerout', left, { capture: true, passive: true });
    }
    return () => {
      if (--listeners === 0) {
        window.removeEventListener('pointermove', seen, { capture: true });
        window.removeEventListener('pointerdown', seen, { capture: true });
        document.removeEventListener('pointerout', left, { capture: true });
        lastPointer = null;
      }
    };
  }, []);
}

interface KeepInPlaceOptions<Layout> {
  camera: ValueStore<Camera>;
  /** The board's layout as drawn now; a new object means it changed. */
  layout: Layout;
  source: AnchorSource<Layout>;
  /** The canvas element (the stage's container), to place the pointer on it. */
  container(): HTMLElement | null;
  /** Off while this person's own gesture moves things (the camera is theirs then). */
  enabled?: boolean;
}

/** Above zero while this hook moves a camera: the layout moved, not the person. */
let keeping = 0;

/**
 * Whether the camera move being made right now is one that keeps things in
 * place under the pointer: not the person's own pan, so following someone
 * goes on through it.
 */
export function keepingInPlace(): boolean {
  return keeping > 0;
}

/**
 * Keeps what is under a resting pointer in place when the layout changes under
 * it: before the new layout is painted, the camera moves by however far the
 * held row, column or card moved (see `layoutAnchor.ts`). Nothing moves when
 * the pointer is off the canvas or over nothing the board anchors.
 */
export function useKeepInPlace<Layout>({ camera, layout, source, container, enabled = true }: KeepInPlaceOptions<Layout>): void {
  usePointerTracking();
  const previous = useRef(layout);
  const latest = useRef({ source, container, enabled });
  latest.current = { source, container, enabled };
  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = layout;
    const { source: anchors, container: element, enabled: on } = latest.current;
    if (before === layout || !on || !lastPointer) return;
    const canvas = element();
    if (!canvas) return;
    const box = canvas.getBoundingClientRect();
    const { clientX, clientY } = lastPointer;
    if (clientX < box.left || clientX >= box.right || clientY < box.top || clientY >= box.bottom) return;
    const cam = camera.get();
    const held = holdAt(anchors, before, screenToWorld(cam, pointerOn(canvas, lastPointer)));
    const { dx, dy } = keepInPlaceShift(held, anchors, layout, cam.zoom);
    if (dx === 0 && dy === 0) return;
    keeping += 1;
    try {
      camera.set({ ...cam, x: cam.x + dx, y: cam.y + dy });
    } finally {
      keeping -= 1;
    }
  }, [layout, camera]);
}
