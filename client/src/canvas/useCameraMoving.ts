import { useEffect, useState } from 'react';
import type { ValueStore } from '../lib/valueStore';
import type { Camera } from './camera';

/** How long the camera must rest before a gesture counts as over. */
export const CAMERA_REST_MS = 120;

/**
 * True while the camera is moving (a pan or zoom gesture), false once it has
 * rested for `restMs`. Re-renders twice per gesture, not once per frame.
 */
export function useCameraMoving(camera: ValueStore<Camera>, enabled: boolean, restMs = CAMERA_REST_MS): boolean {
  const [moving, setMoving] = useState(false);
  useEffect(() => {
    if (!enabled) {
      setMoving(false);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = camera.subscribe(() => {
      setMoving(true);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setMoving(false), restMs);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [camera, enabled, restMs]);
  return moving;
}
