import type { BoardSession } from '../../../collab/session';
import { useValue } from '../../../lib/hooks';
import { useCollection } from '../../../collab/useCollection';
import { mapUiFor } from './mapStore';

/** Records, local UI state and the derived picture, for any part of the map. */
export function useMapModel(session: BoardSession) {
  const ui = mapUiFor(session);
  const state = useValue(ui.state);
  const stakeholders = useCollection(session.collection('stakeholders'));
  const partners = useCollection(session.collection('partners'));
  const relationships = useCollection(session.collection('relationships'));
  const derived = ui.derive(stakeholders, partners, state);
  return { ui, state, stakeholders, partners, relationships, ...derived };
}

export type MapModel = ReturnType<typeof useMapModel>;
