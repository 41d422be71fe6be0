import { lockedFor, sayLocked } from '../../../collab/locks';
import type { BoardSession } from '../../../collab/session';

/** True (and says why) when a facilitator's lock holds this card or link: it is then not moved, edited or removed. */
export function cardHeld(session: BoardSession, id: string): boolean {
  const message = lockedFor(session, 'logic-model', id);
  if (message) sayLocked(session, message);
  return message !== null;
}
