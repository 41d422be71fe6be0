import type { BoardTab } from '../types';

export const logicModelTab: BoardTab = {
  view: 'logic-model',
  label: 'Logic model',
  purpose: 'Your theory of change: from inputs and activities to outcomes and impact.',
  comingSoon: 'The logic model will live here: inputs, activities, outputs, outcomes and impact, linked by causal arrows.',
};
