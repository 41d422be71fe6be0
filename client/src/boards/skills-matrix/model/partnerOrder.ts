/**
 * Column order of partners. Partner records carry no order field and their ids are
 * random, and a Y.Map iterates in an order that can differ between clients, so the
 * matrix sorts explicitly: the lead partner first (the facilitator's organisation in
 * most workshops), then by name as people read it, then by id so every client draws
 * the same columns even when two partners share a name.
 */
import { type Partner, uniquePartners } from '@pc/shared';

export function comparePartnerColumns(a: Partner, b: Partner): number {
  if (a.isLead !== b.isLead) return a.isLead ? -1 : 1;
  return (
    a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true }) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Partners in column order, duplicates dropped. */
export function partnerColumns(partners: readonly Partner[]): Partner[] {
  return uniquePartners([...partners].sort(comparePartnerColumns));
}
