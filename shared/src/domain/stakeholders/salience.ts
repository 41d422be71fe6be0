/**
 * Stakeholder salience (Mitchell, Agle and Wood, 1997): how much attention a
 * stakeholder claims depends on how many of three attributes it holds: power to
 * influence the partnership, legitimacy of its relationship or claim, and urgency
 * of its claim.
 */
import type { Stakeholder } from '../../schema';

export type SalienceFlags = Pick<Stakeholder, 'saliencePower' | 'salienceLegitimacy' | 'salienceUrgency'>;

export type SalienceClass =
  | 'nonStakeholder'
  | 'dormant'
  | 'discretionary'
  | 'demanding'
  | 'dominant'
  | 'dangerous'
  | 'dependent'
  | 'definitive';

/** Display order: by number of attributes, then power, legitimacy, urgency as in the paper. */
export const SALIENCE_CLASSES: readonly SalienceClass[] = [
  'definitive',
  'dominant',
  'dangerous',
  'dependent',
  'dormant',
  'discretionary',
  'demanding',
  'nonStakeholder',
];

/** Indexed by the attribute bits: power = 1, legitimacy = 2, urgency = 4. */
const CLASS_BY_BITS: readonly SalienceClass[] = [
  'nonStakeholder', // none
  'dormant', // power
  'discretionary', // legitimacy
  'dominant', // power + legitimacy
  'demanding', // urgency
  'dangerous', // power + urgency
  'dependent', // legitimacy + urgency
  'definitive', // all three
];

/** Flags are read strictly (=== true) so that bad document data counts as "not held". */
export function salienceClass(flags: SalienceFlags): SalienceClass {
  const bits = (flags.saliencePower === true ? 1 : 0) | (flags.salienceLegitimacy === true ? 2 : 0) | (flags.salienceUrgency === true ? 4 : 0);
  return CLASS_BY_BITS[bits] as SalienceClass;
}

export const SALIENCE_LABELS: Readonly<Record<SalienceClass, string>> = {
  nonStakeholder: 'Non-stakeholder',
  dormant: 'Dormant',
  discretionary: 'Discretionary',
  demanding: 'Demanding',
  dominant: 'Dominant',
  dangerous: 'Dangerous',
  dependent: 'Dependent',
  definitive: 'Definitive',
};

export const SALIENCE_DESCRIPTIONS: Readonly<Record<SalienceClass, string>> = {
  nonStakeholder: 'Holds none of power, legitimacy or urgency: no claim on the partnership for now.',
  dormant: 'Has power but no legitimate or urgent claim; could become important if that changes.',
  discretionary: 'Has a legitimate claim but no power or urgency; engagement is a matter of goodwill.',
  demanding: 'Has an urgent claim but no power or legitimacy; noisy, yet unlikely to shape decisions.',
  dominant: 'Has power and a legitimate claim; expects and will receive much of the partnership’s attention.',
  dangerous: 'Has power and urgency without legitimacy; may use pressure or coercion to get its way.',
  dependent: 'Has a legitimate, urgent claim but depends on others with power to act for it.',
  definitive: 'Holds power, legitimacy and urgency: its claims need immediate priority.',
};
