import type { BoardTab } from '../types';
import { HealthPage, ReviewDueNotice } from './ui/HealthPage';

export const healthTab: BoardTab = {
  view: 'health',
  label: 'Health check',
  purpose: "The Compass's six principles as a live check-up, stages between partners, and the partnership agreement.",
  comingSoon: 'Each partner rates the checklist; the boards answer what they can.',
  Page: HealthPage,
  Notice: ReviewDueNotice,
  contentCollections: ['healthResponses', 'partnerStages'],
};
