import { getCollection, listRecords, type BoardView, type CollectionName, type LockableCollection } from '@pc/shared';
import type { BoardSession } from '../collab/session';

/** What a person calls a record a vote or a lock points at: its name or text, short. */
export function targetLabel(session: BoardSession, id: string): string {
  for (const [collection, field] of LABEL_FIELDS) {
    const record = getCollection(session.doc, collection).get(id);
    if (record) {
      const text = String(record.get(field) ?? '').trim();
      return text.length > 60 ? `${text.slice(0, 57)}...` : text || '(untitled)';
    }
  }
  return '(removed)';
}

const LABEL_FIELDS: readonly [CollectionName, string][] = [
  ['canvasItems', 'text'],
  ['stakeholders', 'name'],
  ['matrixRows', 'name'],
  ['logicNodes', 'text'],
  ['partners', 'name'],
];

/** The collection a lockable record lives in, or null. */
export function lockableCollectionOf(session: BoardSession, id: string): LockableCollection | null {
  for (const collection of ['canvasItems', 'stakeholders', 'matrixRows', 'logicNodes', 'partners'] as const) {
    if (getCollection(session.doc, collection).has(id)) return collection;
  }
  return null;
}

export interface TargetChoice {
  key: string;
  label: string;
  ids(): string[];
}

/** The sets a facilitator can put to a vote on a tab: the selection, the tab's notes, its records. */
export function targetChoices(session: BoardSession, view: BoardView, selected: ReadonlySet<string>): TargetChoice[] {
  const notes = (): string[] =>
    listRecords(session.doc, 'canvasItems')
      .map(({ record }) => record)
      .filter((item) => item.view === view && item.kind === 'sticky')
      .map((item) => item.id);
  const all = (collection: CollectionName) => () => [...getCollection(session.doc, collection).keys()];
  const choices: TargetChoice[] = [];
  if (selected.size > 0) choices.push({ key: 'selection', label: `Selected items (${selected.size})`, ids: () => [...selected] });
  if (view === 'stakeholder-map') choices.push({ key: 'stakeholders', label: 'All stakeholders', ids: all('stakeholders') });
  if (view === 'skills-matrix') choices.push({ key: 'matrixRows', label: 'All matrix rows', ids: all('matrixRows') });
  if (view === 'logic-model') choices.push({ key: 'logicNodes', label: 'All logic model cards', ids: all('logicNodes') });
  choices.push({ key: 'notes', label: 'All notes on this tab', ids: notes });
  return choices;
}
