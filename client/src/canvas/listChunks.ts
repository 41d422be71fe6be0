import { useEffect, useMemo, useRef, useState } from 'react';
import { whenIdle } from '../lib/afterPaint';
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

/**
 * `next`, with each chunk that holds the same rows (the same objects, in the
 * same order) as the chunk at its place in `previous` replaced by that earlier
 * array: a list can then skip re-rendering every chunk but the ones that
 * changed (one note moved on a board of 10,000 re-renders 50 rows, not all).
 */
export function reuseChunks<T>(next: T[][], previous: readonly T[][]): T[][] {
  return next.map((chunk, index) => {
    const before = previous[index];
    return before && before.length === chunk.length && before.every((row, i) => row === chunk[i]) ? before : chunk;
  });
}

/** `listChunks(items)`, keeping the arrays of chunks whose rows did not change since the last render (see `reuseChunks`). */
export function useListChunks<T>(items: readonly T[]): T[][] {
  const previous = useRef<T[][]>([]);
  return useMemo(() => (previous.current = reuseChunks(listChunks(items), previous.current)), [items]);
}

/** The `contain-intrinsic-size` of a skipped chunk: its rows at an estimated height, so the scroll bar stays right. */
export function chunkIntrinsicSize(rows: number, rowEstimatePx: number): string {
  return `auto ${rows * rowEstimatePx}px`;
}

/** Chunks rendered with the first frame; the rest follow in idle time, `CHUNKS_PER_STEP` at a time. */
export const FIRST_CHUNKS = 4;
export const CHUNKS_PER_STEP = 20;
/** So few chunks missing are rendered at once (a note added, a paste): only a long list waits. */
const AT_ONCE_CHUNKS = 2;

/** How many chunks to render of `chunkCount`, when `shown` have been reached in idle steps (pure, tested). */
export function chunksToRender(chunkCount: number, shown: number): number {
  return chunkCount - shown <= AT_ONCE_CHUNKS ? chunkCount : shown;
}

/**
 * How many of a list's `chunkCount` chunks to render now: a long list's first
 * chunks go with the first frame (the canvas is not held up by thousands of
 * rows), the others are added in idle time after it, a step at a time, until
 * every record is listed. A few rows added later are listed at once.
 */
export function useChunksShown(chunkCount: number): number {
  const [shown, setShown] = useState(FIRST_CHUNKS);
  const rendered = chunksToRender(chunkCount, shown);
  const waiting = rendered < chunkCount;
  useEffect(() => {
    if (!waiting) return;
    return whenIdle(() => setShown((count) => count + CHUNKS_PER_STEP));
  }, [waiting, shown]);
  return rendered;
}
