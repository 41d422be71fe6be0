import { useState } from 'react';

/**
 * True from the first render where `shown` is true, and then for good. A
 * Konva layer is a full-size scene canvas (and a hit canvas when it listens),
 * sized when it is added: a layer that is often empty (the top layer for
 * handles and cursors, a drag preview) is mounted the first time it has
 * something to draw rather than with the board, so the first paint does not
 * wait for its canvases; it stays mounted (hidden while empty) so showing it
 * again costs nothing.
 */
export function useShownOnce(shown: boolean): boolean {
  const [once, setOnce] = useState(shown);
  // Derived state: set during render, so the first frame that needs the layer has it.
  if (shown && !once) setOnce(true);
  return once || shown;
}
