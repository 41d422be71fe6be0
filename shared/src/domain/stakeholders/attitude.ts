/**
 * Attitude towards the partnership, -2 (blocker) .. +2 (champion): the words the
 * map's legend, its editor and the review comparison use.
 */
export const ATTITUDE_LABELS: Readonly<Record<string, string>> = {
  '-2': 'Blocker',
  '-1': 'Sceptic',
  '0': 'Neutral',
  '1': 'Supporter',
  '2': 'Champion',
};

/** Attitude clamped to -2..+2 and rounded, as a value key ('-2' .. '2'). */
export function attitudeKey(attitude: number): string {
  if (Number.isNaN(attitude)) return '0';
  return String(Math.min(2, Math.max(-2, Math.round(attitude))) || 0);
}

export function attitudeLabel(attitude: number): string {
  return ATTITUDE_LABELS[attitudeKey(attitude)]!;
}
