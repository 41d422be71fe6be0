/**
 * How far the server's clock is from mine, NTP-style: I note when I asked
 * (`sentAt`) and when the answer came (`receivedAt`); the server's time is
 * taken as read at the midpoint of that round trip. The sample with the
 * shortest round trip is the most trustworthy (least queueing on either leg).
 */
export interface ClockSample {
  sentAt: number;
  serverTime: number;
  receivedAt: number;
}

export interface ClockEstimate {
  /** Add to my clock to get the server's. */
  offsetMs: number;
  /** Round trip of the sample it came from: the offset is good to half of this. */
  rttMs: number;
}

export function estimateFromSample(sample: ClockSample): ClockEstimate | null {
  const { sentAt, serverTime, receivedAt } = sample;
  if (![sentAt, serverTime, receivedAt].every(Number.isFinite) || receivedAt < sentAt) return null;
  return { offsetMs: serverTime - (sentAt + receivedAt) / 2, rttMs: receivedAt - sentAt };
}

/** The estimate from the sample with the shortest round trip; null with no usable sample. */
export function bestEstimate(samples: readonly ClockSample[]): ClockEstimate | null {
  let best: ClockEstimate | null = null;
  for (const sample of samples) {
    const estimate = estimateFromSample(sample);
    if (estimate && (!best || estimate.rttMs < best.rttMs)) best = estimate;
  }
  return best;
}

export function serverNow(localNow: number, estimate: ClockEstimate | null): number {
  return localNow + (estimate?.offsetMs ?? 0);
}
