import { useEffect, type RefObject } from 'react';
import type Konva from 'konva';
import type { ValueStore } from '../lib/valueStore';
import type { Camera } from './camera';

/** How long the camera must rest before a gesture counts as over. */
export const CAMERA_REST_MS = 120;

/**
 * While the camera moves (a pan or zoom gesture) the given layers stop
 * listening, so Konva leaves their hit graphs alone and a frame draws each
 * shape once, not twice; they listen again once the camera has rested for
 * `restMs` or at the next press (whichever is first), and their hit graphs are
 * drawn then, for the camera as it is. Done on the Konva layers directly: a
 * gesture renders no React component.
 */
export function useHitsPausedWhileMoving(camera: ValueStore<Camera>, layers: readonly RefObject<Konva.Layer | null>[], enabled: boolean, restMs = CAMERA_REST_MS): void {
  useEffect(() => {
    const set = (listening: boolean) => {
      for (const ref of layers) {
        const layer = ref.current;
        if (!layer || layer.listening() === listening) continue;
        layer.listening(listening);
        // A layer drawn while it was not listening has a hit graph of the camera before (or none,
        // when it first drew then): redraw it (a lazy layer, at its next hit query), so a click
        // right after the camera stops lands.
        if (listening) layer.drawHit();
      }
    };
    if (!enabled) {
      set(true);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | null = null;
    const resume = () => {
      if (!timer) return;
      clearTimeout(timer);
      timer = null;
      set(true);
    };
    const unsubscribe = camera.subscribe(() => {
      set(false);
      if (timer) clearTimeout(timer);
      timer = setTimeout(resume, restMs);
    });
    // A press is never lost to a pause: the camera may have moved without the person (framing
    // as the board opens, following someone), and a click then must land. Capture phase, so the
    // layers listen again before the canvas hit-tests the press.
    window.addEventListener('pointerdown', resume, true);
    return () => {
      unsubscribe();
      window.removeEventListener('pointerdown', resume, true);
      if (timer) clearTimeout(timer);
      set(true);
    };
    // The refs are stable; their layers are read when the camera moves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [camera, enabled, restMs]);
}
