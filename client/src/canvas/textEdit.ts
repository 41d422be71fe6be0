/**
 * What finishing an in-place edit does to the record. Typed text is always kept;
 * a record that was empty and is still empty (a new card or note nobody wrote
 * in) is removed rather than left behind as "Untitled". A record that had text
 * keeps existing even if the text is cleared, so its links and details survive.
 */
export type EditOutcome = { kind: 'write'; text: string } | { kind: 'unchanged' } | { kind: 'remove' };

export function finishTextEdit(before: string, after: string): EditOutcome {
  if (after.trim() === '' && before.trim() === '') return { kind: 'remove' };
  if (after === before) return { kind: 'unchanged' };
  return { kind: 'write', text: after };
}
