/**
 * The look every board shares: the font its canvas text is drawn in, and the
 * level of detail: what is too small on screen to see is not drawn, so a
 * zoomed-out board of thousands of cards draws boxes, not thousands of lines
 * of unreadable text and sub-pixel shadows.
 */

/** The app's font stack (the same as the page's `--font`), for text drawn on the canvas. */
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** A canvas font string: `fontFor(13, 600)` is "600 13px <the app's font>". */
export function fontFor(sizePx: number, weight: number | 'normal' | 'bold' = 'normal'): string {
  return `${weight === 'normal' ? '' : `${weight} `}${sizePx}px ${FONT_FAMILY}`;
}

/** Text smaller than this many screen pixels cannot be read. */
export const MIN_READABLE_TEXT_PX = 6.5;

/** A board opens with its main labels at least this size on screen (readable on a laptop and a projector). */
export const OPENING_LABEL_PX = 12;
/** "Presentation size" zooms so the main labels are this size: legible from the back of a room. */
export const PRESENTATION_LABEL_PX = 22;

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
