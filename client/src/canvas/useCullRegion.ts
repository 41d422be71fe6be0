import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { ValueStore } from '../lib/valueStore';
import { visibleWorldRect, type Camera } from './camera';
import { nextCullRegion, type CullRegion } from './cullRegion';
import type { Size } from '../lib/geometry';

/**
 * The cull region (see `nextCullRegion`) for the live camera: a component that
 * culls with it re-renders when a pan leaves the region or the zoom moves on,
 * not on every camera frame.
 */
export function useCullRegion(camera: ValueStore<Camera>, size: Size, marginRatio = 0.3): CullRegion {
  const region = useRef<{ size: Size; region: CullRegion } | null>(null);
  const getSnapshot = useCallback(() => {
    const cam = camera.get();
    const previous = region.current && region.current.size === size ? region.current.region : null;
    const next = nextCullRegion(previous, visibleWorldRect(cam, size), cam.zoom, marginRatio);
    if (next !== previous) region.current = { size, region: next };
    return next;
  }, [camera, size, marginRatio]);
  return useSyncExternalStore(camera.subscribe, getSnapshot, getSnapshot);
}
