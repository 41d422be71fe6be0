/**
 * The accessible lists beside the canvas (free items, stakeholders, the logic
 * outline) hold every record, up to tens of thousands of rows. Their rows sit in
 * chunks the browser skips while off screen (`content-visibility: auto`): a
 * chunk, not a row, because Chromium tests every such element against the
 * viewport on each frame it renders, and 10,000 of them cost every canvas frame
 * of a pan tens of ms; a whole list at once, on the other hand, means laying out
 * thousands of rows as soon as it scrolls into view. A chunk is `role="none"`,
 * so the rows stay the list's items for assistive technology.
 */
export const LIST_CHUNK_ROWS = 50;

/** The rows in chunks of `LIST_CHUNK_ROWS`. */
export function listChunks<T>(items: readonly T[], size = LIST_CHUNK_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The `contain-intrinsic-size` of a skipped chunk: its rows at an estimated height, so the scroll bar stays right. */
export function chunkIntrinsicSize(rows: number, rowEstimatePx: number): string {
  return `auto ${rows * rowEstimatePx}px`;
}
