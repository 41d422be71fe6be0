import { updateMeta, type Summon, type TimerState } from '@pc/shared';
import type { BoardSession } from '../collab/session';

/**
 * Transaction origin of the facilitator's timer and summon writes: not the
 * person's `localOrigin`, so Ctrl+Z never restarts an old countdown or
 * re-summons the room; they are settings of the moment, not edits.
 */
export const FACILITATION_ORIGIN = { kind: 'facilitation' } as const;

export function writeTimer(session: BoardSession, timer: TimerState | null): void {
  updateMeta(session.doc, { timer }, FACILITATION_ORIGIN);
}

export function writeSummon(session: BoardSession, summon: Summon): void {
  updateMeta(session.doc, { summon }, FACILITATION_ORIGIN);
}
