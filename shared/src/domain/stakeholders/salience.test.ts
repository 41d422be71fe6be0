import { describe, expect, it } from 'vitest';
import {
  effectiveSalience,
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

describe('effectiveSalience', () => {
  const base = { power: 2, interest: 2, saliencePower: null, salienceLegitimacy: null, salienceUrgency: false };
  it('follows power and interest while the attributes are not set', () => {
    expect(salienceClass(effectiveSalience({ ...base, power: 4, interest: 4 }))).toBe('dominant');
    expect(salienceClass(effectiveSalience({ ...base, power: 4, interest: 4, salienceUrgency: true }))).toBe('definitive');
    expect(salienceClass(effectiveSalience(base))).toBe('nonStakeholder');
    expect(salienceClass(effectiveSalience({ ...base, interest: 3 }))).toBe('discretionary');
  });
  it('uses what someone ticked over the levels', () => {
    expect(salienceClass(effectiveSalience({ ...base, power: 4, interest: 4, saliencePower: false, salienceLegitimacy: false }))).toBe('nonStakeholder');
    expect(salienceClass(effectiveSalience({ ...base, power: 0, saliencePower: true }))).toBe('dormant');
  });
});
