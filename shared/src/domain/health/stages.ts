import type { Partner, PartnershipStage, PartnerStage } from '../../schema';
import { PARTNERSHIP_STAGES, partnerStageKey } from '../../schema';

/** The stages of partnership working, loosest first, with what each means in a line. */
export const STAGE_LABELS: Readonly<Record<PartnershipStage, string>> = {
  networking: 'Networking',
  cooperating: 'Cooperating',
  collaborating: 'Collaborating',
  integrating: 'Integrating',
};
export const STAGE_MEANINGS: Readonly<Record<PartnershipStage, string>> = {
  networking: 'share knowledge and ideas; members come and go freely',
  cooperating: 'share information and agree to help each other',
  collaborating: 'shared goals and joint projects; influenced by each other',
  integrating: 'same brief and goals; shared budgets or jointly funded posts',
};

export function stageRank(stage: PartnershipStage | null): number {
  return stage === null ? -1 : PARTNERSHIP_STAGES.indexOf(stage);
}

export interface StageCell {
  key: string;
  current: PartnershipStage | null;
  target: PartnershipStage | null;
  /** Steps from current to target: positive means moving closer, 0 there, null when either is unset. */
  stepsToGo: number | null;
}

export interface StageMatrix {
  partners: Partner[];
  /** Cell for each ordered pair `${rowId}:${colId}` (both orders give the same cell); none on the diagonal. */
  cell(rowId: string, colId: string): StageCell;
  /** Pairs with both stages set, and how many already reached their aim. */
  summary: { pairs: number; set: number; reached: number; movingCloser: number };
}

/** The pairwise stage table for the partners on the board (records of partners who left are ignored). */
export function buildStageMatrix(partners: readonly Partner[], stages: readonly PartnerStage[]): StageMatrix {
  const byKey = new Map(stages.map((s) => [partnerStageKey(s.partnerA, s.partnerB), s]));
  const cell = (a: string, b: string): StageCell => {
    const key = partnerStageKey(a, b);
    const record = byKey.get(key);
    const current = record?.current ?? null;
    const target = record?.target ?? null;
    return { key, current, target, stepsToGo: current && target ? stageRank(target) - stageRank(current) : null };
  };
  let pairs = 0;
  let set = 0;
  let reached = 0;
  let movingCloser = 0;
  for (let i = 0; i < partners.length; i++) {
    for (let j = i + 1; j < partners.length; j++) {
      pairs++;
      const c = cell(partners[i]!.id, partners[j]!.id);
      if (c.current) set++;
      if (c.stepsToGo === 0) reached++;
      if (c.stepsToGo !== null && c.stepsToGo > 0) movingCloser++;
    }
  }
  return { partners: [...partners], cell, summary: { pairs, set, reached, movingCloser } };
}

/** A partner's own row: its stage with each other partner. */
export function stagesOfPartner(matrix: StageMatrix, partnerId: string): { partner: Partner; cell: StageCell }[] {
  return matrix.partners.filter((p) => p.id !== partnerId).map((partner) => ({ partner, cell: matrix.cell(partnerId, partner.id) }));
}
