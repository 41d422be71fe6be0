import { useEffect, type RefObject } from 'react';
import type Konva from 'konva';
import type { ValueStore } from '../lib/valueStore';
import type { Camera } from './camera';

/** How long the camera must rest before a gesture counts as over. */
export const CAMERA_REST_MS = 120;

/**
 * While the camera moves (a pan or zoom gesture) the given layers stop
 * listening, so Konva leaves their hit graphs alone and a frame draws each
 * shape once, not twice; they listen again (and redraw their hit graphs) once
 * the camera has rested for `restMs`. Done on the Konva layers directly: a
 * gesture renders no React component.
 */
export function useHitsPausedWhileMoving(camera: ValueStore<Camera>, layers: readonly RefObject<Konva.Layer | null>[], enabled: boolean, restMs = CAMERA_REST_MS): void {
  useEffect(() => {
    const set = (listening: boolean) => {
      for (const ref of layers) if (ref.current && ref.current.listening() !== listening) ref.current.listening(listening);
    };
    if (!enabled) {
      set(true);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = camera.subscribe(() => {
      set(false);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        set(true);
      }, restMs);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      set(true);
    };
    // The refs are stable; their layers are read when the camera moves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [camera, enabled, restMs]);
}
