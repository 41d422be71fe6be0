/**
 * Level of detail: what is too small on screen to see is not drawn, so a
 * zoomed-out board of thousands of cards draws boxes, not thousands of lines
 * of unreadable text and sub-pixel shadows.
 */

/** Text smaller than this many screen pixels cannot be read. */
export const MIN_READABLE_TEXT_PX = 6.5;

/** Whether text of `fontSize` world units is readable at `zoom`. */
export function textReadable(fontSize: number, zoom: number): boolean {
  return fontSize * zoom >= MIN_READABLE_TEXT_PX;
}

/** Decorations (drop shadows, accents) narrower than this many screen pixels are not visible. */
export const MIN_DECORATION_PX = 1;

/** Whether a decoration `size` world units across shows at `zoom`. */
export function decorationVisible(size: number, zoom: number): boolean {
  return size * zoom >= MIN_DECORATION_PX;
}
