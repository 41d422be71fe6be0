export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** Run a pending trailing call now. */
  flush(): void;
  /** Drop a pending trailing call. */
  cancel(): void;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Leading + trailing throttle: the first call runs at once, later calls within
 * `intervalMs` collapse into one trailing call with the latest arguments, so the
 * last cursor position or drag position is never lost.
 */
export function throttle<A extends unknown[]>(
  fn: (...args: A) => void,
  intervalMs: number,
  clock: Clock = realClock,
): Throttled<A> {
  let last = -Infinity;
  let pending: A | null = null;
  let timer: unknown = null;

  const run = (args: A) => {
    last = clock.now();
    pending = null;
    fn(...args);
  };

  const throttled = ((...args: A) => {
    const elapsed = clock.now() - last;
    if (elapsed >= intervalMs && timer === null) {
      run(args);
      return;
    }
    pending = args;
    if (timer === null) {
      timer = clock.setTimeout(
        () => {
          timer = null;
          if (pending) run(pending);
        },
        Math.max(0, intervalMs - elapsed),
      );
    }
  }) as Throttled<A>;

  throttled.flush = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    if (pending) run(pending);
  };
  throttled.cancel = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return throttled;
}
