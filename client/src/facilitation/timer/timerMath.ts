import { MAX_TIMER_MS, type TimerState } from '@pc/shared';

/**
 * The workshop countdown as plain data in server time (see `TimerState`):
 * every change is a pure function from the state and the server's "now" (my
 * clock corrected by the measured offset) to the next state, which the owner
 * writes to the document.
 */

export const MINUTE_MS = 60_000;
/** The durations offered first; any whole number of minutes up to the maximum may be typed. */
export const PRESET_MINUTES = [1, 3, 5, 10, 15] as const;

export type TimerPhase = 'idle' | 'running' | 'paused' | 'expired';

export function timerPhase(state: TimerState | null, serverNow: number): TimerPhase {
  if (!state) return 'idle';
  if (!state.running) return 'paused';
  return remainingMs(state, serverNow) > 0 ? 'running' : 'expired';
}

/** Time left (never negative). */
export function remainingMs(state: TimerState | null, serverNow: number): number {
  if (!state) return 0;
  if (!state.running) return state.remainingMs ?? 0;
  return Math.max(0, (state.endsAt ?? serverNow) - serverNow);
}

function clampDuration(ms: number): number {
  return Math.min(MAX_TIMER_MS, Math.max(1000, Math.round(ms)));
}

export function startTimer(previous: TimerState | null, durationMs: number, serverNow: number, by: string): TimerState {
  const duration = clampDuration(durationMs);
  return { durationMs: duration, running: true, endsAt: serverNow + duration, remainingMs: null, by, seq: (previous?.seq ?? 0) + 1 };
}

export function pauseTimer(state: TimerState, serverNow: number): TimerState {
  if (!state.running) return state;
  return { ...state, running: false, endsAt: null, remainingMs: Math.round(remainingMs(state, serverNow)), seq: state.seq + 1 };
}

export function resumeTimer(state: TimerState, serverNow: number): TimerState {
  if (state.running) return state;
  return { ...state, running: true, endsAt: serverNow + (state.remainingMs ?? 0), remainingMs: null, seq: state.seq + 1 };
}

/** One more minute: added to what is left (an expired timer runs again for a minute). */
export function addMinute(state: TimerState, serverNow: number): TimerState {
  const left = Math.min(MAX_TIMER_MS, remainingMs(state, serverNow) + MINUTE_MS);
  const durationMs = Math.max(state.durationMs, left);
  return state.running
    ? { ...state, durationMs, endsAt: serverNow + left, seq: state.seq + 1 }
    : { ...state, durationMs, remainingMs: Math.round(left), seq: state.seq + 1 };
}

/** Back to the full duration, paused, ready to start again. */
export function resetTimer(state: TimerState): TimerState {
  return { ...state, running: false, endsAt: null, remainingMs: state.durationMs, seq: state.seq + 1 };
}

/** "4:05", counted in whole seconds rounded up, so 0:00 shows only at the end. */
export function formatClock(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * What a screen reader should hear as the clock moves from `before` to `after`
 * (remaining ms): only the minute warning and the end, never every second.
 */
export function announcementBetween(before: number, after: number): string | null {
  if (before > 0 && after <= 0) return 'Time is up';
  if (before > MINUTE_MS && after <= MINUTE_MS && after > 0) return 'One minute left';
  return null;
}

/** Parse the custom minutes field: a positive number of minutes within the maximum, else null. */
export function parseMinutes(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  if (!Number.isFinite(value) || value <= 0) return null;
  const ms = Math.round(value * MINUTE_MS);
  return ms >= 1000 && ms <= MAX_TIMER_MS ? ms : null;
}
