import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS, timerStateSchema } from '@pc/shared';
import { bestEstimate, serverNow } from '../../collab/clockOffset';
import {
  addMinute,
  announcementBetween,
  formatClock,
  parseMinutes,
  pauseTimer,
  remainingMs,
  resetTimer,
  resumeTimer,
  startTimer,
  timerPhase,
} from './timerMath';

const MIN = 60_000;

describe('workshop timer maths', () => {
  it('counts down in server time, so two clients with different clocks agree', () => {
    // The server is 5 s ahead of A and 3 s behind B.
    const serverAt = 1_000_000;
    const a = bestEstimate([{ sentAt: serverAt - 5000 - 40, serverTime: serverAt, receivedAt: serverAt - 5000 + 40 }]);
    const b = bestEstimate([{ sentAt: serverAt + 3000 - 10, serverTime: serverAt, receivedAt: serverAt + 3000 + 10 }]);
    const timer = startTimer(null, 5 * MIN, serverNow(serverAt - 5000, a), 'Ada');
    expect(timer.endsAt).toBe(serverAt + 5 * MIN);
    // Two minutes later, each reading its own clock.
    expect(remainingMs(timer, serverNow(serverAt - 5000 + 2 * MIN, a))).toBe(3 * MIN);
    expect(remainingMs(timer, serverNow(serverAt + 3000 + 2 * MIN, b))).toBe(3 * MIN);
    expect(timerStateSchema.safeParse(timer).success).toBe(true);
  });

  it('pauses, keeps the time left while paused, and resumes from it', () => {
    const t0 = 10_000;
    const running = startTimer(null, 3 * MIN, t0, 'Ada');
    const paused = pauseTimer(running, t0 + MIN);
    expect(timerPhase(paused, t0 + 10 * MIN)).toBe('paused');
    expect(remainingMs(paused, t0 + 10 * MIN)).toBe(2 * MIN);
    const resumed = resumeTimer(paused, t0 + 10 * MIN);
    expect(remainingMs(resumed, t0 + 11 * MIN)).toBe(MIN);
    expect(resumed.seq).toBe(running.seq + 2);
    expect(pauseTimer(paused, t0)).toBe(paused);
    expect(resumeTimer(resumed, t0)).toBe(resumed);
    for (const state of [paused, resumed]) expect(timerStateSchema.safeParse(state).success).toBe(true);
  });

  it('adds a minute to what is left, running, paused or expired', () => {
    const t0 = 0;
    const running = startTimer(null, MIN, t0, 'Ada');
    expect(remainingMs(addMinute(running, t0 + 30_000), t0 + 30_000)).toBe(90_000);
    const paused = pauseTimer(running, t0 + 30_000);
    expect(remainingMs(addMinute(paused, t0 + 99 * MIN), 0)).toBe(90_000);
    // Expired: runs again for a minute from now.
    expect(timerPhase(running, t0 + 2 * MIN)).toBe('expired');
    const again = addMinute(running, t0 + 2 * MIN);
    expect(timerPhase(again, t0 + 2 * MIN)).toBe('running');
    expect(remainingMs(again, t0 + 2 * MIN)).toBe(MIN);
    // Never beyond the maximum.
    const long = startTimer(null, MAX_TIMER_MS, t0, 'Ada');
    expect(remainingMs(addMinute(long, t0), t0)).toBe(MAX_TIMER_MS);
    expect(timerStateSchema.safeParse(addMinute(long, t0)).success).toBe(true);
  });

  it('expires at zero and never goes negative; reset goes back to the full duration, paused', () => {
    const timer = startTimer(null, 5 * MIN, 0, 'Ada');
    expect(timerPhase(timer, 5 * MIN - 1)).toBe('running');
    expect(timerPhase(timer, 5 * MIN)).toBe('expired');
    expect(remainingMs(timer, 6 * MIN)).toBe(0);
    const reset = resetTimer(timer);
    expect(timerPhase(reset, 7 * MIN)).toBe('paused');
    expect(remainingMs(reset, 7 * MIN)).toBe(5 * MIN);
    expect(timerPhase(null, 0)).toBe('idle');
  });

  it('clamps a duration to one second .. the maximum', () => {
    expect(startTimer(null, 10, 0, 'Ada').durationMs).toBe(1000);
    expect(startTimer(null, 10 * MAX_TIMER_MS, 0, 'Ada').durationMs).toBe(MAX_TIMER_MS);
  });

  it('formats whole seconds rounded up', () => {
    expect(formatClock(5 * MIN)).toBe('5:00');
    expect(formatClock(61_001)).toBe('1:02');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-5)).toBe('0:00');
  });

  it('announces the last minute and the end only once each, never every second', () => {
    expect(announcementBetween(61_000, 60_000)).toBe('One minute left');
    expect(announcementBetween(60_000, 59_000)).toBeNull();
    expect(announcementBetween(1000, 0)).toBe('Time is up');
    expect(announcementBetween(0, 0)).toBeNull();
    expect(announcementBetween(5 * MIN, 5 * MIN - 1000)).toBeNull();
    // A jump straight to zero says only that time is up.
    expect(announcementBetween(5 * MIN, 0)).toBe('Time is up');
  });

  it('reads custom minutes', () => {
    expect(parseMinutes('7')).toBe(7 * MIN);
    expect(parseMinutes(' 2,5 ')).toBe(150_000);
    expect(parseMinutes('0')).toBeNull();
    expect(parseMinutes('abc')).toBeNull();
    expect(parseMinutes('100000')).toBeNull();
  });
});
