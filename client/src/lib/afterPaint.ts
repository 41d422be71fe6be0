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

/** Run `task` once the browser has drawn the next frame (at once where there are no frames); returns a cancel. */
export function afterNextFrame(task: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  let timer: ReturnType<typeof setTimeout> | null = null;
  // A rAF callback runs just before the frame is drawn; a task queued from it runs after.
  const frame = requestAnimationFrame(() => (timer = setTimeout(task, 0)));
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
  };
}

/** Tasks waiting for the next message of the one channel `afterQueuedTasks` posts to. */
const queuedTasks = new Set<() => void>();
let queueChannel: MessageChannel | null = null;

function runQueuedTasks(): void {
  const tasks = [...queuedTasks];
  queuedTasks.clear();
  for (const task of tasks) task();
}

/**
 * Run `task` in a task of its own, queued behind the tasks already waiting (a
 * message channel's, so a hidden page runs it as soon as any other: no timer
 * throttling, no frames needed). What arrived while the page was busy (socket
 * messages queued behind a long render) is handled before it. Tasks asked for
 * before that one runs share it. Returns a cancel.
 */
export function afterQueuedTasks(task: () => void): () => void {
  if (typeof MessageChannel !== 'function') {
    const timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  const entry = () => task();
  if (queuedTasks.size === 0) {
    if (!queueChannel) {
      queueChannel = new MessageChannel();
      queueChannel.port1.onmessage = runQueuedTasks;
      // Node (tests): a listening port would keep the process alive.
      (queueChannel.port1 as { unref?(): void }).unref?.();
    }
    queueChannel.port2.postMessage(null);
  }
  queuedTasks.add(entry);
  return () => queuedTasks.delete(entry);
}

type IdleGlobal = { requestIdleCallback?(callback: () => void, options?: { timeout: number }): number; cancelIdleCallback?(id: number): void };

/**
 * Run `task` when the browser is idle, and within `timeoutMs` anyway; where
 * idle callbacks are missing (tests in Node, Safari), after `fallbackMs`.
 * Returns a cancel.
 */
export function whenIdle(task: () => void, timeoutMs = 100, fallbackMs = 16): () => void {
  const idle = globalThis as unknown as IdleGlobal;
  if (idle.requestIdleCallback) {
    const id = idle.requestIdleCallback(task, { timeout: timeoutMs });
    return () => idle.cancelIdleCallback?.(id);
  }
  const timer = setTimeout(task, fallbackMs);
  return () => clearTimeout(timer);
}
