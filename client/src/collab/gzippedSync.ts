import { MESSAGE_GZIPPED_SYNC, MESSAGE_PAINT_SNAPSHOT } from '@pc/shared/protocol';

/**
 * The app asks the server for large sync replies gzipped (`?compress=gzip`,
 * see MESSAGE_GZIPPED_SYNC): a board of 10,000 notes arrives as 0.7 MB
 * instead of 2.5 MB. The browser inflates it (DecompressionStream, off the
 * main thread) and the provider then reads the plain message as usual.
 *
 * It also asks for a paint snapshot (`?paint=1`, MESSAGE_PAINT_SNAPSHOT): the
 * board's records as gzipped JSON, sent before a large first sync reply. The
 * session draws them (`PaintHandler`) before the reply is read.
 */

/**
 * Draws a paint snapshot (its JSON as parsed: the handler checks it, see
 * readPaintSnapshot); the messages after it wait until the promise settles.
 */
export type PaintHandler = (json: unknown) => Promise<void>;

function firstByteIs(data: unknown, type: number): data is ArrayBuffer {
  return data instanceof ArrayBuffer && data.byteLength > 0 && new Uint8Array(data, 0, 1)[0] === type;
}

/** Whether a socket message is a gzipped sync reply. */
export function isGzippedSync(data: unknown): data is ArrayBuffer {
  return firstByteIs(data, MESSAGE_GZIPPED_SYNC);
}

/** Whether a socket message is a paint snapshot. */
export function isPaintSnapshot(data: unknown): data is ArrayBuffer {
  return firstByteIs(data, MESSAGE_PAINT_SNAPSHOT);
}

function inflated(data: ArrayBuffer): Response {
  return new Response(new Blob([new Uint8Array(data, 1)]).stream().pipeThrough(new DecompressionStream('gzip')));
}

/** The plain sync message inside a gzipped one. */
export async function inflateSync(data: ArrayBuffer): Promise<ArrayBuffer> {
  return inflated(data).arrayBuffer();
}

const reading = new WeakMap<ArrayBuffer, Promise<unknown>>();

/**
 * The JSON in a paint snapshot message, inflated and parsed once per message:
 * the early socket starts it as the message arrives, and the receiver takes
 * the same promise later.
 */
export function readPaint(data: ArrayBuffer): Promise<unknown> {
  let read = reading.get(data);
  if (!read) {
    read = inflated(data).json() as Promise<unknown>;
    // Read early and perhaps never taken (the page went elsewhere): not an unhandled rejection.
    read.catch(() => {});
    reading.set(data, read);
  }
  return read;
}

/**
 * A socket's message handler that inflates gzipped sync replies, hands paint
 * snapshots to `paint` (or drops them without one), and keeps the order the
 * server sent: messages arriving while one is inflated or painted wait for it
 * (an update must never be read before the state it builds on). Plain
 * messages with nothing waiting are handed on at once, in the same turn. A
 * paint snapshot that cannot be read is skipped: the sync reply after it
 * carries the same records.
 */
export function inflatingReceiver(deliver: (data: unknown) => void, onError: (error: unknown) => void, paint?: PaintHandler): (data: unknown) => void {
  let waiting: unknown[] | null = null;
  const drain = async (queue: unknown[]) => {
    while (queue.length > 0) {
      const data = queue.shift();
      if (isPaintSnapshot(data)) {
        if (!paint) continue;
        try {
          await paint(await readPaint(data));
        } catch (error) {
          console.warn('Could not draw the board before its sync; reading the sync instead', error);
        }
        continue;
      }
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
    } else if (isGzippedSync(data) || isPaintSnapshot(data)) {
      waiting = [data];
      void drain(waiting);
    } else {
      deliver(data);
    }
  };
}
