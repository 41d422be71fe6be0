/**
 * Resolves once what the page rendered up to now has reached the screen: after
 * the React work already queued, `frames` animation frames, and one more task
 * (so the next frame's own callbacks have run too). A hidden page draws no
 * frames; `fallbackMs` bounds the wait there.
 */
export function afterFramesShown(frames = 2, fallbackMs = 1000): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      setTimeout(resolve, 0);
    };
    const fallback = setTimeout(finish, fallbackMs);
    const frame = (left: number) => requestAnimationFrame(() => (left <= 1 ? finish() : frame(left - 1)));
    setTimeout(() => frame(frames), 0);
  });
}
