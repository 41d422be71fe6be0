import { useValueWhile } from '../lib/hooks';
import type { Camera } from '../canvas/camera';
import type { ValueStore } from '../lib/valueStore';
import type { Rect } from '../lib/geometry';

export interface Marker {
  id: string;
  /** World rectangle of what it marks. */
  rect: Rect;
  corner: 'top-left' | 'top-right';
  content: React.ReactNode;
}

/** Small DOM badges pinned to records on the canvas (lock icons, vote dots), following the camera. */
export function MarkerOverlay({ camera, markers }: { camera: ValueStore<Camera>; markers: readonly Marker[] }) {
  // Follows the camera only while there is a badge to move.
  const { x, y, zoom } = useValueWhile(camera, markers.length > 0);
  return (
    <div className="marker-overlay">
      {markers.map((marker) => {
        const left = (marker.corner === 'top-left' ? marker.rect.x : marker.rect.x + marker.rect.width) * zoom + x;
        const top = marker.rect.y * zoom + y;
        return (
          <div key={marker.id} className={`canvas-marker ${marker.corner}`} style={{ left, top }}>
            {marker.content}
          </div>
        );
      })}
    </div>
  );
}
