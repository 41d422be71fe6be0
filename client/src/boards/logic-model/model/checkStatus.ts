import { COLUMN_FACTS, type LogicTemplate } from '@pc/shared';

/**
 * What the check summary says. An empty model has nothing to check, so it never
 * claims "all clear": it says what to add first, in the template's own words.
 */
export type CheckStatus = { kind: 'empty'; title: string; next: string } | { kind: 'clear' } | { kind: 'issues' };

export function checkStatus(template: LogicTemplate, cardCount: number, resultCount: number): CheckStatus {
  if (cardCount === 0) return { kind: 'empty', title: 'Nothing to check yet', next: firstSteps(template) };
  return resultCount === 0 ? { kind: 'clear' } : { kind: 'issues' };
}

function firstSteps(template: LogicTemplate): string {
  const situation = template.columns.find((c) => COLUMN_FACTS[c.key].role === 'situation');
  const outcome = template.columns.find((c) => COLUMN_FACTS[c.key].role === 'outcome');
  const activities = template.columns.find((c) => COLUMN_FACTS[c.key].role === 'activity');
  const steps = [
    situation ? `the need it responds to under ${situation.label}` : null,
    outcome ? `the change you want to see under ${outcome.label}` : null,
    activities ? `then the work that brings it about under ${activities.label}` : null,
  ].filter((s): s is string => s !== null);
  return `Add ${steps.join(', ')}. Checks appear as the model grows.`;
}
