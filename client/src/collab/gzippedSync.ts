import { MESSAGE_GZIPPED_SYNC } from '@pc/shared/protocol';

/**
 * The app asks the server for large sync replies gzipped (`?compress=gzip`,
 * see MESSAGE_GZIPPED_SYNC): a board of 10,000 notes arrives as 0.7 MB
 * instead of 2.5 MB. The browser inflates it (DecompressionStream, off the
 * main thread) and the provider then reads the plain message as usual.
 */

/** Whether a socket message is a gzipped sync reply. */
export function isGzippedSync(data: unknown): data is ArrayBuffer {
  return data instanceof ArrayBuffer && data.byteLength > 0 && new Uint8Array(data, 0, 1)[0] === MESSAGE_GZIPPED_SYNC;
}

/** The plain sync message inside a gzipped one. */
export async function inflateSync(data: ArrayBuffer): Promise<ArrayBuffer> {
  const stream = new Blob([new Uint8Array(data, 1)]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

/**
 * A socket's message handler that inflates gzipped sync replies and keeps the
 * order the server sent: messages arriving while one is inflated wait for it
 * (an update must never be read before the state it builds on). Plain
 * messages with nothing waiting are handed on at once, in the same turn.
 */
export function inflatingReceiver(deliver: (data: unknown) => void, onError: (error: unknown) => void): (data: unknown) => void {
  let waiting: unknown[] | null = null;
  const drain = async (queue: unknown[]) => {
    while (queue.length > 0) {
      const data = queue.shift();
      if (!isGzippedSync(data)) {
        deliver(data);
        continue;
      }
      try {
        deliver(await inflateSync(data));
      } catch (error) {
        waiting = null;
        onError(error);
        return;
      }
    }
    waiting = null;
  };
  return (data) => {
    if (waiting) {
      waiting.push(data);
    } else if (isGzippedSync(data)) {
      waiting = [data];
      void drain(waiting);
    } else {
      deliver(data);
    }
  };
}
