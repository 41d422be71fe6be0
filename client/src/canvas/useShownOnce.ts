import { useEffect, useState } from 'react';
import { whenIdle } from '../lib/afterPaint';

/** How long after mounting a layer warmed in idle time is mounted at the latest. */
const WARM_WITHIN_MS = 2000;

/**
 * True from the first render where `shown` is true, and then for good. A
 * Konva layer is a full-size scene canvas (and a hit canvas when it listens),
 * sized when it is added: a layer that is often empty (the top layer for
 * handles and cursors, a drag preview) is mounted the first time it has
 * something to draw rather than with the board, so the first paint does not
 * wait for its canvases; it stays mounted (hidden while empty) so showing it
 * again costs nothing. With `warmWhenIdle`, it is also mounted (hidden) once
 * the page is idle after its first frames, so the first click that needs it
 * (selecting a card shows its handles) does not wait ~50 ms for its canvases.
 */
export function useShownOnce(shown: boolean, warmWhenIdle = false): boolean {
  const [once, setOnce] = useState(shown);
  // Derived state: set during render, so the first frame that needs the layer has it.
  if (shown && !once) setOnce(true);
  useEffect(() => {
    if (!warmWhenIdle || once) return;
    return whenIdle(() => setOnce(true), WARM_WITHIN_MS);
  }, [warmWhenIdle, once]);
  return once || shown;
}
