import type { Partner, Stakeholder } from '@pc/shared';
import { foldText } from './text';

/** A name as people mean it: case, accents and spacing do not make a different organisation. */
export function partnerNameKey(name: string): string {
  return foldText(name).replace(/\s+/gu, '');
}

/**
 * The partner a stakeholder would duplicate if promoted: one (not already its own)
 * whose name matches the stakeholder's name or organisation, ignoring case and spaces.
 */
export function duplicatePartnerFor(
  stakeholder: Pick<Stakeholder, 'id' | 'name' | 'organisation'>,
  partners: readonly Pick<Partner, 'id' | 'name' | 'stakeholderId'>[],
): Pick<Partner, 'id' | 'name' | 'stakeholderId'> | undefined {
  const keys = new Set([stakeholder.name, stakeholder.organisation].map(partnerNameKey).filter((key) => key !== ''));
  return partners.find((p) => p.stakeholderId !== stakeholder.id && keys.has(partnerNameKey(p.name)));
}
