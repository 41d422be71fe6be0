import { useCallback, useEffect, useMemo, useRef } from 'react';
import { centreOn, fitBounds, visibleWorldRect, zoomAt, zoomBy, ZOOM_STEP, DEFAULT_CAMERA, type Camera } from './camera';
import { rectsIntersect, screenPoint, worldPoint, type Rect, type Size } from '../lib/geometry';
import { createValueStore, type ValueStore } from '../lib/valueStore';

interface FramingOptions {
  /** The tab shown now (any string key). */
  view: string;
  /** True once the board's content is all here (first sync, or the offline copy). */
  contentReady: boolean;
  /** What zoom-to-fit frames on a tab: its content and free items; null for an empty tab. */
  boundsFor(view: string): Rect | null;
  /** Screen pixels at the top the tab's floating toolbars cover. */
  insetTop(view: string): number | undefined;
}

export interface CameraFraming {
  camera: ValueStore<Camera>;
  viewport: { current: Size };
  /** The canvas got its size (the first one frames the tab if its content is here). */
  resized(size: Size): void;
  /** The person moved the camera: never auto-frame this tab again. */
  touch(): void;
  /** Before showing another tab: remember this one's camera, restore or frame the next. */
  switchTo(next: string): void;
  /** Bring a world rectangle into view, keeping the zoom. */
  reveal(rect: Rect): void;
  zoom: { zoomIn(): void; zoomOut(): void; reset(): void; fit(): void };
}

/**
 * The shell's camera per tab: each tab is framed once, when the board's content
 * has loaded (framing earlier, and again as content arrives, would move what the
 * person is about to click); after that the camera moves only when the person
 * pans, zooms or asks to fit. Switching tabs restores each tab's own view.
 */
export function useCameraFraming({ view, contentReady, boundsFor, insetTop }: FramingOptions): CameraFraming {
  const camera = useMemo(() => createValueStore<Camera>(DEFAULT_CAMERA), []);
  const viewport = useRef<Size>({ width: 0, height: 0 });
  const tabCameras = useRef(new Map<string, Camera>());
  const touched = useRef(new Set<string>());
  const framed = useRef(new Set<string>());
  const latest = useRef({ view, contentReady, boundsFor, insetTop });
  latest.current = { view, contentReady, boundsFor, insetTop };

  // Camera moves the shell makes itself never count as the person's.
  const framing = useRef(false);
  const frame = useCallback(
    (next: Camera) => {
      framing.current = true;
      try {
        camera.set(next);
      } finally {
        framing.current = false;
      }
    },
    [camera],
  );
  useEffect(
    () =>
      camera.subscribe(() => {
        if (!framing.current) touched.current.add(latest.current.view);
      }),
    [camera],
  );

  const home = useCallback((forView: string, margin = 48, maxZoom = 1): Camera => {
    const bounds = latest.current.boundsFor(forView);
    return bounds ? fitBounds(bounds, viewport.current, margin, maxZoom, latest.current.insetTop(forView)) : centreOn(worldPoint(0, 0), viewport.current, 1);
  }, []);

  const autoFit = useCallback(() => {
    const { view: current, contentReady: ready } = latest.current;
    if (!ready || framed.current.has(current) || viewport.current.width === 0) return;
    framed.current.add(current);
    if (touched.current.has(current)) return;
    frame(home(current));
  }, [frame, home]);

  useEffect(autoFit, [autoFit, contentReady, view]);

  const touch = useCallback(() => touched.current.add(latest.current.view), []);

  return useMemo<CameraFraming>(() => {
    const centre = () => screenPoint(viewport.current.width / 2, viewport.current.height / 2);
    return {
      camera,
      viewport,
      resized: (size) => {
        const first = viewport.current.width === 0;
        viewport.current = size;
        if (first) autoFit();
      },
      touch,
      switchTo: (next) => {
        const current = latest.current.view;
        if (next === current) return;
        tabCameras.current.set(current, camera.get());
        latest.current = { ...latest.current, view: next };
        const saved = tabCameras.current.get(next);
        if (saved) frame(saved);
        else if (latest.current.contentReady && viewport.current.width > 0) {
          framed.current.add(next);
          frame(home(next));
        }
      },
      reveal: (rect) => {
        if (viewport.current.width === 0) return;
        if (!rectsIntersect(rect, visibleWorldRect(camera.get(), viewport.current))) {
          camera.set(centreOn(worldPoint(rect.x + rect.width / 2, rect.y + rect.height / 2), viewport.current, camera.get().zoom));
          touch();
        }
      },
      zoom: {
        zoomIn: () => {
          camera.set((c) => zoomBy(c, centre(), ZOOM_STEP));
          touch();
        },
        zoomOut: () => {
          camera.set((c) => zoomBy(c, centre(), 1 / ZOOM_STEP));
          touch();
        },
        reset: () => {
          camera.set((c) => zoomAt(c, centre(), 1));
          touch();
        },
        fit: () => {
          camera.set(home(latest.current.view, 48, 2));
          touch();
        },
      },
    };
  }, [camera, autoFit, touch, frame, home]);
}
