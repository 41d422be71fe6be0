import { describeItem } from '../canvas/items';
import type { BoardSession } from '../collab/session';

/**
 * The name anything on a board goes by, free item or record (stakeholder,
 * partner, matrix row, logic card), for connectors' ends in the accessible list.
 */
export function nameOfAnything(session: BoardSession, id: string): string | null {
  const item = session.canvasItems.get(id);
  if (item) return item.kind === 'connector' ? null : describeItem(item);
  const stakeholder = session.collection('stakeholders').get(id);
  if (stakeholder) return stakeholder.name;
  const partner = session.collection('partners').get(id);
  if (partner) return partner.name;
  const row = session.collection('matrixRows').get(id);
  if (row) return row.name;
  const node = session.collection('logicNodes').get(id);
  if (node) return node.text.trim() === '' ? 'Empty card' : node.text.trim();
  return null;
}
