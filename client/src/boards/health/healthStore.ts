import { getCollection } from '@pc/shared';
import type { BoardSession } from '../../collab/session';
import { createValueStore, type ValueStore } from '../../lib/valueStore';
import { reviewPointDates } from './healthApi';

/**
 * Per-session state of the health tab: when the stakeholder map was last seen
 * to change (records carry no edit times, so this is what this session saw),
 * the review point dates from the server, and which partner this person
 * speaks for (kept on this device).
 */
export class HealthStore {
  readonly stakeholdersChangedAt: ValueStore<number | null> = createValueStore<number | null>(null);
  readonly reviewPoints: ValueStore<number[]> = createValueStore<number[]>([]);
  readonly speakingFor: ValueStore<string | null>;
  private readonly stopObserving: () => void;
  private readonly storageKey: string;

  constructor(private readonly session: BoardSession) {
    this.storageKey = `pc.health.speakingFor.${session.options.boardId}`;
    this.speakingFor = createValueStore<string | null>(readLocal(this.storageKey));
    const stakeholders = getCollection(session.doc, 'stakeholders');
    const changed = () => this.stakeholdersChangedAt.set(Date.now());
    stakeholders.observeDeep(changed);
    this.stopObserving = () => stakeholders.unobserveDeep(changed);
  }

  speakFor(partnerId: string | null): void {
    this.speakingFor.set(partnerId);
    try {
      if (partnerId) localStorage.setItem(this.storageKey, partnerId);
      else localStorage.removeItem(this.storageKey);
    } catch {
      // Private mode: the choice lasts for this visit only.
    }
  }

  /** Ask the server for review point dates; a failure keeps what we had (evidence then falls back to edit times). */
  async refreshReviewPoints(): Promise<void> {
    try {
      this.reviewPoints.set(await reviewPointDates(this.session.options.boardId, this.session.options.token));
    } catch {
      // Offline or not allowed: keep the last answer.
    }
  }

  destroy(): void {
    this.stopObserving();
  }
}

function readLocal(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function createHealthStore(session: BoardSession): HealthStore {
  return new HealthStore(session);
}

export function healthStore(session: BoardSession): HealthStore {
  return session.storeFor(createHealthStore);
}
