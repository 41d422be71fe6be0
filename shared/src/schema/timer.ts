import { z } from 'zod';
import { finiteNumber, shortTextSchema } from './common';

/** Longest countdown a facilitator may set: a half-day session. */
export const MAX_TIMER_MS = 4 * 60 * 60 * 1000;

/**
 * The workshop timer everyone sees (`meta.timer`, owner-only). Times are in
 * the server's clock (milliseconds since the epoch) so every client, whatever
 * its own clock says, counts down to the same moment: running, it ends at
 * `endsAt`; paused, `remainingMs` is left. `durationMs` is what it was set to
 * (reset goes back to it); `seq` grows with every change.
 */
export const timerStateSchema = z
  .object({
    durationMs: z.number().int().min(1000).max(MAX_TIMER_MS),
    running: z.boolean(),
    /** Server time at which it reaches zero (running only, else null). */
    endsAt: finiteNumber.nullable(),
    /** Time left when paused (else null). */
    remainingMs: z.number().int().min(0).max(MAX_TIMER_MS).nullable(),
    by: shortTextSchema,
    seq: z.number().int().min(0),
  })
  .strict()
  .refine((t) => (t.running ? t.endsAt !== null : t.remainingMs !== null), { message: 'a running timer needs endsAt, a paused one remainingMs' });

export type TimerState = z.infer<typeof timerStateSchema>;
