import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { centreOn, fitBounds, fitReadable, visibleWorldRect, zoomAt, zoomBy, zoomForLabels, ZOOM_STEP, DEFAULT_CAMERA, type Camera, type ReadableAnchor } from './camera';
import { OPENING_LABEL_PX, PRESENTATION_LABEL_PX } from '../lib/theme';
import { rectsIntersect, screenPoint, worldPoint, type Rect, type Size } from '../lib/geometry';
import { createValueStore, type ValueStore } from '../lib/valueStore';

interface FramingOptions {
  /** The tab shown now (any string key). */
  view: string;
  /** True once the board's content is all here (first sync, or the offline copy). */
  contentReady: boolean;
  /** What zoom-to-fit frames on a tab: its content and free items; null for an empty tab. */
  boundsFor(view: string): Rect | null;
  /** How a tab is framed: the screen pixels its floating toolbars and panels cover, the world size of its labels, where it starts reading. */
  fitting(view: string): { insetTop?: number; insetLeft?: number; labelPx?: number; anchor?: ReadableAnchor };
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
  zoom: { zoomIn(): void; zoomOut(): void; reset(): void; fit(): void; presentation(): void };
}

/**
 * The shell's camera per tab: each tab is framed once, when the board's content
 * has loaded (framing earlier, and again as content arrives, would move what the
 * person is about to click); after that the camera moves only when the person
 * pans, zooms or asks to fit. Switching tabs restores each tab's own view.
 */
export function useCameraFraming({ view, contentReady, boundsFor, fitting }: FramingOptions): CameraFraming {
  const camera = useMemo(() => createValueStore<Camera>(DEFAULT_CAMERA), []);
  const viewport = useRef<Size>({ width: 0, height: 0 });
  const tabCameras = useRef(new Map<string, Camera>());
  const touched = useRef(new Set<string>());
  const framed = useRef(new Set<string>());
  const latest = useRef({ view, contentReady, boundsFor, fitting });
  latest.current = { view, contentReady, boundsFor, fitting };

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

  /** A tab opens at a readable size: whole when its labels can be read so, else from where it starts reading. */
  const home = useCallback((forView: string): Camera => {
    const bounds = latest.current.boundsFor(forView);
    if (!bounds) return centreOn(worldPoint(0, 0), viewport.current, 1);
    const { insetTop, insetLeft, labelPx, anchor } = latest.current.fitting(forView);
    return fitReadable(bounds, viewport.current, { insetTop, insetLeft, readableZoom: labelPx ? zoomForLabels(labelPx, OPENING_LABEL_PX) : undefined, anchor });
  }, []);

  const autoFit = useCallback(() => {
    const { view: current, contentReady: ready } = latest.current;
    if (!ready || framed.current.has(current) || viewport.current.width === 0) return;
    framed.current.add(current);
    if (touched.current.has(current)) return;
    frame(home(current));
  }, [frame, home]);

  // Before the browser paints: the content's first frame is already framed, never drawn elsewhere and then moved.
  useLayoutEffect(autoFit, [autoFit, contentReady, view]);

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
        presentation: () => {
          const labelPx = latest.current.fitting(latest.current.view).labelPx ?? 14;
          camera.set((c) => zoomAt(c, centre(), zoomForLabels(labelPx, PRESENTATION_LABEL_PX)));
          touch();
        },
        fit: () => {
          const bounds = latest.current.boundsFor(latest.current.view);
          const { insetTop, insetLeft } = latest.current.fitting(latest.current.view);
          camera.set(bounds ? fitBounds(bounds, viewport.current, 48, 2, insetTop, insetLeft) : centreOn(worldPoint(0, 0), viewport.current, 1));
          touch();
        },
      },
    };
  }, [camera, autoFit, touch, frame, home]);
}
