import type { BoardTab } from '../types';

export const skillsMatrixTab: BoardTab = {
  view: 'skills-matrix',
  label: 'Skills matrix',
  purpose: 'What skills, knowledge and resources each partner brings, gives and needs.',
  comingSoon: 'The skills, knowledge and resources matrix will live here, with gaps and matches highlighted.',
};
