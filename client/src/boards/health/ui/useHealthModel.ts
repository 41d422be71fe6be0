import { useMemo } from 'react';
import {
  buildStageMatrix,
  evidenceFor,
  reviewsDue,
  scoreHealth,
  type Evidence,
  type HealthItem,
} from '@pc/shared';
import type { BoardSession } from '../../../collab/session';
import { useCollection } from '../../../collab/useCollection';
import { useMeta } from '../../../collab/useMeta';
import { useValue } from '../../../lib/hooks';
import { healthStore } from '../healthStore';

export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const byOrder = (a: HealthItem, b: HealthItem) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1);

/** Everything the health tab shows, derived live from the records with the shared rules. */
export function useHealthModel(session: BoardSession) {
  const store = healthStore(session);
  const items = useCollection(session.collection('healthItems'));
  const responses = useCollection(session.collection('healthResponses'));
  const aggregates = useCollection(session.collection('healthAggregates'));
  const partners = useCollection(session.collection('partners'));
  const stages = useCollection(session.collection('partnerStages'));
  const stakeholders = useCollection(session.collection('stakeholders'));
  const matrixRows = useCollection(session.collection('matrixRows'));
  const matrixCells = useCollection(session.collection('matrixCells'));
  const logicNodes = useCollection(session.collection('logicNodes'));
  const meta = useMeta(session);
  const reviewPoints = useValue(store.reviewPoints);
  const stakeholdersChangedAt = useValue(store.stakeholdersChangedAt);

  const sortedItems = useMemo(() => [...items].sort(byOrder), [items]);
  const sortedPartners = useMemo(() => [...partners].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)), [partners]);
  const summary = useMemo(() => scoreHealth({ items, partners, responses, aggregates: meta.healthAnonymous ? aggregates : [] }), [items, partners, responses, aggregates, meta.healthAnonymous]);
  const evidence = useMemo(() => {
    const now = Date.now();
    const input = {
      partners,
      stakeholders,
      matrixRows,
      matrixCells,
      logicNodes,
      reviewPoints,
      stakeholdersChangedAt,
      reviewIntervalDays: meta.healthReviewIntervalDays,
      now,
      today: localDate(new Date(now)),
    };
    const byItem = new Map<string, Evidence>();
    for (const item of items) if (item.evidenceRule) byItem.set(item.id, evidenceFor(item.evidenceRule, input));
    return byItem;
  }, [items, partners, stakeholders, matrixRows, matrixCells, logicNodes, reviewPoints, stakeholdersChangedAt, meta.healthReviewIntervalDays]);
  const due = useMemo(
    () => reviewsDue({ items, responses, aggregates, reviewPoints, intervalDays: meta.healthReviewIntervalDays, boardCreatedAt: meta.createdAt, now: Date.now() }),
    [items, responses, aggregates, reviewPoints, meta.healthReviewIntervalDays, meta.createdAt],
  );
  const stageMatrix = useMemo(() => buildStageMatrix(sortedPartners, stages), [sortedPartners, stages]);
  return { store, items: sortedItems, responses, aggregates, partners: sortedPartners, meta, summary, evidence, due, stageMatrix };
}

export type HealthModel = ReturnType<typeof useHealthModel>;
