import type { Camera } from '../canvas/camera';
import { useValueBy } from '../lib/hooks';
import type { ValueStore } from '../lib/valueStore';
import { FitIcon, MinusIcon, PlusIcon } from '../ui-kit/icons';

export interface ZoomActions {
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
  reset(): void;
  /** Zoom so the tab's labels read from the back of a room. */
  presentation(): void;
}

/** Subscribes to the camera itself, so panning re-renders this and the canvas, nothing else. */
export function ZoomControls({ camera, actions }: { camera: ValueStore<Camera>; actions: ZoomActions }) {
  // The zoom only: a pan re-renders nothing here.
  const { zoom } = useValueBy(camera, (c) => String(c.zoom));
  return (
    <div className="zoom" role="group" aria-label="Zoom">
      <button type="button" className="icon-button" onClick={actions.zoomOut} aria-label="Zoom out" title="Zoom out">
        <MinusIcon />
      </button>
      <button type="button" className="zoom-level" onClick={actions.reset} title="Reset to 100%" aria-label={`Zoom ${Math.round(zoom * 100)}%, reset to 100%`}>
        {Math.round(zoom * 100)}%
      </button>
      <button type="button" className="icon-button" onClick={actions.zoomIn} aria-label="Zoom in" title="Zoom in">
        <PlusIcon />
      </button>
      <button type="button" className="icon-button" onClick={actions.fit} aria-label="Zoom to fit" title="Zoom to fit (Shift+1)">
        <FitIcon />
      </button>
      <button type="button" className="zoom-preset" onClick={actions.presentation} aria-label="Present: presentation size, large labels for a projector" title="Presentation size: large labels for a projector (Shift+2)">
        Present
      </button>
    </div>
  );
}
