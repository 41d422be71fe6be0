import { describe, expect, it } from 'vitest';
import {
  salienceAttributeCount,
  salienceClass,
  SALIENCE_CLASSES,
  SALIENCE_DESCRIPTIONS,
  SALIENCE_LABELS,
  salienceGroup,
  type SalienceFlags,
} from './salience';

function flags(power: boolean, legitimacy: boolean, urgency: boolean): SalienceFlags {
  return { saliencePower: power, salienceLegitimacy: legitimacy, salienceUrgency: urgency };
}

describe('salienceClass', () => {
  it.each([
    [false, false, false, 'nonStakeholder', 'none'],
    [true, false, false, 'dormant', 'latent'],
    [false, true, false, 'discretionary', 'latent'],
    [false, false, true, 'demanding', 'latent'],
    [true, true, false, 'dominant', 'expectant'],
    [true, false, true, 'dangerous', 'expectant'],
    [false, true, true, 'dependent', 'expectant'],
    [true, true, true, 'definitive', 'definitive'],
  ] as const)('power %s, legitimacy %s, urgency %s -> %s (%s)', (p, l, u, expected, group) => {
    expect(salienceClass(flags(p, l, u))).toBe(expected);
    expect(salienceGroup(flags(p, l, u))).toBe(group);
    expect(salienceAttributeCount(flags(p, l, u))).toBe([p, l, u].filter(Boolean).length);
  });

  it('counts anything but true as not held (bad document data)', () => {
    const odd = { saliencePower: 'yes', salienceLegitimacy: 1, salienceUrgency: undefined } as unknown as SalienceFlags;
    expect(salienceClass(odd)).toBe('nonStakeholder');
    expect(salienceAttributeCount(odd)).toBe(0);
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
