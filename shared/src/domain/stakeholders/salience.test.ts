import { describe, expect, it } from 'vitest';
import {
  salienceClass,
  SALIENCE_CLASSES,
  SALIENCE_DESCRIPTIONS,
  SALIENCE_LABELS,
  type SalienceFlags,
} from './salience';

function flags(power: boolean, legitimacy: boolean, urgency: boolean): SalienceFlags {
  return { saliencePower: power, salienceLegitimacy: legitimacy, salienceUrgency: urgency };
}

describe('salienceClass', () => {
  it.each([
    [false, false, false, 'nonStakeholder'],
    [true, false, false, 'dormant'],
    [false, true, false, 'discretionary'],
    [false, false, true, 'demanding'],
    [true, true, false, 'dominant'],
    [true, false, true, 'dangerous'],
    [false, true, true, 'dependent'],
    [true, true, true, 'definitive'],
  ] as const)('power %s, legitimacy %s, urgency %s -> %s', (p, l, u, expected) => {
    expect(salienceClass(flags(p, l, u))).toBe(expected);
  });

  it('counts anything but true as not held (bad document data)', () => {
    const odd = { saliencePower: 'yes', salienceLegitimacy: 1, salienceUrgency: undefined } as unknown as SalienceFlags;
    expect(salienceClass(odd)).toBe('nonStakeholder');
  });
});

describe('salience labels', () => {
  it('lists all eight classes once, with a label and a one-line description each', () => {
    expect(new Set(SALIENCE_CLASSES).size).toBe(8);
    for (const cls of SALIENCE_CLASSES) {
      expect(SALIENCE_LABELS[cls]).toMatch(/^[A-Z]/);
      expect(SALIENCE_DESCRIPTIONS[cls]).toMatch(/^[A-Z].*\.$/);
      expect(SALIENCE_DESCRIPTIONS[cls]).not.toContain('\n');
    }
  });
});
