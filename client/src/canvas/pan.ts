import type { ValueStore } from '../lib/valueStore';
import type { Camera } from './camera';
import { trackPointer } from './pointer';

/** A press that moves less than this (screen px) is a click, not a pan. */
export const CLICK_SLOP_PX = 4;

export interface PanOptions {
  /** Screen pixels the pointer must travel before the pan starts (a shorter press is a click). Default 0. */
  slop?: number;
  /** After each camera move. */
  moved?(): void;
  /** On release or cancel: whether the camera moved. */
  end?(panned: boolean, event: PointerEvent, cancelled: boolean): void;
  /** Where pointer events are followed; the window unless a test says otherwise. */
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

/**
 * Drag the camera with one pointer: empty canvas, space+drag, the middle
 * button, and the boards' own backgrounds all pan through this.
 */
export function startPan(camera: ValueStore<Camera>, down: { clientX: number; clientY: number; pointerId: number }, options: PanOptions = {}): () => void {
  const start = camera.get();
  const slop = options.slop ?? 0;
  let panning = false;
  return trackPointer(down.pointerId, {
    move(e) {
      const dx = e.clientX - down.clientX;
      const dy = e.clientY - down.clientY;
      if (!panning && slop > 0 && Math.hypot(dx, dy) < slop) return;
      panning = true;
      camera.set({ ...start, x: start.x + dx, y: start.y + dy });
      options.moved?.();
    },
    end(e, cancelled) {
      options.end?.(panning, e, cancelled);
    },
  }, options.target);
}
