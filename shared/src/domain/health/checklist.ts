import type { HealthEvidenceRule, HealthPrinciple } from '../../schema';

/**
 * The Compass's six good-practice principles and their action checklists, in
 * our own words. Seeded into every board as `healthItems` records (migration
 * 4); a partnership may then edit, add or remove items. Ids are fixed so two
 * servers seeding the same board at once write the same records.
 */
export const PRINCIPLE_TITLES: Readonly<Record<HealthPrinciple, string>> = {
  1: 'A clear shared purpose',
  2: 'Clear expectations, well managed',
  3: 'Open about time and resources, willing to share',
  4: 'Effective, supported leadership',
  5: 'Understood accountability',
  6: 'Learning and growing together',
};

export interface ChecklistSeed {
  id: string;
  principle: HealthPrinciple;
  text: string;
  evidenceRule: HealthEvidenceRule | null;
  reviewItem: boolean;
}

const seed = (principle: HealthPrinciple, n: number, text: string, evidenceRule: HealthEvidenceRule | null = null, reviewItem = false): ChecklistSeed => ({
  id: `compass-${principle}-${n}`,
  principle,
  text,
  evidenceRule,
  reviewItem,
});

export const COMPASS_CHECKLIST: readonly ChecklistSeed[] = [
  seed(1, 1, 'We wrote our shared vision together'),
  seed(1, 2, 'We agreed together what it takes to deliver that vision'),
  seed(1, 3, 'All partners, and outside stakeholders where it matters, support the partnership'),
  seed(1, 4, 'We check progress against the shared vision at set intervals', null, true),
  seed(1, 5, "We keep each partner's trustees and staff informed of key developments"),
  seed(2, 1, 'We know what each partner, and the partnership as a whole, wants to achieve'),
  seed(2, 2, 'We know the steps we will take to reach our goals'),
  seed(2, 3, 'We know what needs improving in our own and our joint delivery'),
  seed(2, 4, 'We share what we learn in the partnership inside our own organisations'),
  seed(2, 5, 'We have a communications strategy', 'commsStrategy'),
  seed(2, 6, 'We compare progress with our original agreement to spot changes', null, true),
  seed(2, 7, 'We log the information partners share with each other'),
  seed(3, 1, 'We have a signed agreement that partners will commit resources'),
  seed(3, 2, 'We know what each partner can contribute: time, staff, expenses, funding, logistics'),
  seed(3, 3, 'We have a stakeholder map drawn up together', 'stakeholderMap'),
  seed(3, 4, 'We use, or have considered, a community of practice'),
  seed(3, 5, 'We review our stakeholder map at regular intervals', 'stakeholderReview', true),
  seed(3, 6, 'Each meeting opens with a short update from every organisation'),
  seed(4, 1, 'We have chosen a leader for the partnership'),
  seed(4, 2, 'Leader and partners talk openly and honestly throughout'),
  seed(4, 3, "We know what support the leader needs and how we give it"),
  seed(4, 4, 'Each meeting leaves time to reflect on how the partnership itself is working', null, true),
  seed(4, 5, 'Roles and responsibilities are clear', 'rolesClear'),
  seed(5, 1, 'We have a live action plan with each task assigned to a partner', 'actionPlanUpdated'),
  seed(5, 2, 'We have agreed what happens if a partner cannot meet its responsibilities'),
  seed(5, 3, 'We know what support partners need to carry out their responsibilities'),
  seed(5, 4, 'We review the action plan regularly and keep it up to date', null, true),
  seed(5, 5, 'We review the communications strategy and stakeholder map regularly', null, true),
  seed(6, 1, 'We have a plan to share what we learn inside and outside the partnership'),
  seed(6, 2, "We hold regular 'sharing the learning' meetings"),
  seed(6, 3, "We find activities where partners can 'buddy up'"),
  seed(6, 4, 'We keep count of opportunities shared across the partnership'),
  seed(6, 5, 'We have a skills matrix and review it to find new strengths and gaps', 'skillsMatrix', true),
];
