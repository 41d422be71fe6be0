import type { BoardTab } from '../types';

export const stakeholderMapTab: BoardTab = {
  view: 'stakeholder-map',
  label: 'Stakeholder map',
  purpose: 'Who else has an interest in your partnership, and how you will work with them.',
  comingSoon:
    'Stakeholders will live here on a power/interest grid, onion rings and a relationship network.',
};
