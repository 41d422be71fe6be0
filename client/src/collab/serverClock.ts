import { createValueStore, type ValueStore } from '../lib/valueStore';
import { bestEstimate, serverNow, type ClockEstimate, type ClockSample } from './clockOffset';

/** Samples per measurement: the shortest round trip of these is kept. */
const SAMPLES = 4;
/** Re-measure now and then: laptop clocks drift and sleep. */
const REMEASURE_MS = 5 * 60_000;

/**
 * The server's clock as this browser best knows it: measured against
 * `GET /api/time` when first used and every few minutes after; until an answer
 * arrives (or offline) it is my own clock.
 */
export interface ServerClock {
  now(): number;
  estimate: ValueStore<ClockEstimate | null>;
}

async function sample(): Promise<ClockSample | null> {
  const sentAt = Date.now();
  try {
    const response = await fetch('/api/time', { cache: 'no-store' });
    const receivedAt = Date.now();
    if (!response.ok) return null;
    const body = (await response.json()) as { now?: unknown };
    return typeof body.now === 'number' ? { sentAt, serverTime: body.now, receivedAt } : null;
  } catch {
    return null;
  }
}

let shared: ServerClock | null = null;

export function serverClock(): ServerClock {
  if (shared) return shared;
  const estimate = createValueStore<ClockEstimate | null>(null);
  const measure = async () => {
    const samples: ClockSample[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const s = await sample();
      if (s) samples.push(s);
    }
    const best = bestEstimate(samples);
    if (best) estimate.set(best);
  };
  void measure();
  setInterval(() => void measure(), REMEASURE_MS);
  shared = { estimate, now: () => serverNow(Date.now(), estimate.get()) };
  return shared;
}
