import { type LogicColumn, type LogicNode, type CheckSeverity } from '@pc/shared';

/** Colours of the board, kept in one place so canvas and DOM agree. */

export const SEVERITY_COLOUR: Readonly<Record<CheckSeverity, string>> = {
  error: '#dc2626',
  warning: '#d97706',
  info: '#2563eb',
};

export const SEVERITY_LABEL: Readonly<Record<CheckSeverity, string>> = {
  error: 'Problem',
  warning: 'Warning',
  info: 'Suggestion',
};

/** A calm accent per column, shown as the card's left edge and the header rule. */
export const COLUMN_ACCENT: Readonly<Record<LogicColumn, string>> = {
  situation: '#64748b',
  inputs: '#0284c7',
  activities: '#4f46e5',
  outputs: '#0d9488',
  shortTermOutcomes: '#16a34a',
  mediumTermOutcomes: '#15803d',
  longTermOutcomes: '#166534',
  impact: '#7c3aed',
  assumptions: '#b45309',
  externalFactors: '#6b7280',
};

export const STATUS_LABEL: Readonly<Record<LogicNode['status'], string>> = {
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  stuck: 'Stuck',
};

export const STATUS_COLOUR: Readonly<Record<LogicNode['status'], { fill: string; text: string }>> = {
  planned: { fill: '#f1f5f9', text: '#475569' },
  in_progress: { fill: '#dbeafe', text: '#1d4ed8' },
  done: { fill: '#dcfce7', text: '#15803d' },
  stuck: { fill: '#fee2e2', text: '#b91c1c' },
};

export const LINK_COLOUR = {
  normal: '#94a3b8',
  highlighted: '#2563eb',
  backward: '#d97706',
  annotation: '#a8a29e',
  selected: '#1d4ed8',
} as const;
