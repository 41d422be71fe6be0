import { clampZoom, type Camera } from '../../canvas/camera';
import type { Rect, Size } from '../../lib/geometry';
import type { Peer } from '../../collab/presence';

/**
 * The camera that shows, on my screen, what another person's screen shows:
 * their whole world rectangle, centred, as large as my screen allows. Screens
 * differ in size and shape, so one axis fits exactly and the other shows a
 * little more around it (never less: nothing they see is cut off for me).
 */
export function cameraShowing(theirs: Rect, mine: Size): Camera {
  if (mine.width <= 0 || mine.height <= 0) return { x: 0, y: 0, zoom: 1 };
  const zoom = clampZoom(Math.min(mine.width / theirs.width, mine.height / theirs.height));
  const cx = theirs.x + theirs.width / 2;
  const cy = theirs.y + theirs.height / 2;
  return { zoom, x: mine.width / 2 - cx * zoom, y: mine.height / 2 - cy * zoom };
}

/** Two cameras close enough that moving between them is not worth a repaint (sub-pixel, sub-0.1% zoom). */
export function sameCamera(a: Camera, b: Camera): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) / b.zoom < 0.001;
}

/** The person being followed, if they are still here (follow stops when they leave). */
export function leaderAmong(peers: readonly Peer[], clientId: number | null): Peer | null {
  if (clientId === null) return null;
  return peers.find((peer) => peer.clientId === clientId && !peer.isSelf) ?? null;
}
