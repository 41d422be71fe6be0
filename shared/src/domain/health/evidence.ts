import type { HealthEvidenceRule, HealthLevel, LogicNode, MatrixCell, MatrixRow, Partner, Stakeholder } from '../../schema';
import { analyseMatrix } from '../matrix/analysis';
import { isOverdue } from '../logic/actionPlan';

/**
 * Checklist items the boards answer by themselves. Each rule reads the
 * records as they are now and says how far the item is met and why, in a
 * sentence a partnership can check against the board it names.
 */

export interface EvidenceInput {
  partners: readonly Partner[];
  stakeholders: readonly Stakeholder[];
  matrixRows: readonly MatrixRow[];
  matrixCells: readonly MatrixCell[];
  logicNodes: readonly LogicNode[];
  /** Saved review points (ms since 1970), any order. */
  reviewPoints: readonly number[];
  /** When the stakeholder map was last seen to change (ms), null when not known. */
  stakeholdersChangedAt: number | null;
  reviewIntervalDays: number;
  now: number;
  /** The reader's local date, YYYY-MM-DD (for overdue dates). */
  today: string;
}

export interface Evidence {
  rule: HealthEvidenceRule;
  level: HealthLevel;
  summary: string;
  /** Which tab to look at. */
  source: 'stakeholder-map' | 'skills-matrix' | 'logic-model' | 'review-points';
}

const DAY = 86_400_000;

export function daysBetween(earlier: number, later: number): number {
  return Math.floor((later - earlier) / DAY);
}

function ago(when: number, now: number): string {
  const days = daysBetween(when, now);
  if (days <= 0) return 'today';
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function stakeholderMap(input: EvidenceInput): Evidence {
  const count = input.stakeholders.length;
  const partnerIds = new Set(input.partners.map((p) => p.id));
  const owners = new Set(input.stakeholders.flatMap((s) => s.ownerPartnerIds.filter((id) => partnerIds.has(id))));
  const changed = input.stakeholdersChangedAt === null ? '' : `; last changed ${ago(input.stakeholdersChangedAt, input.now)}`;
  if (count === 0) return { rule: 'stakeholderMap', level: 'notYet', summary: 'No stakeholders on the map yet', source: 'stakeholder-map' };
  const joint = owners.size >= 2;
  return {
    rule: 'stakeholderMap',
    level: joint ? 'fully' : 'partly',
    summary: `${plural(count, 'stakeholder')} on the map, ${owners.size === 0 ? 'no partner named as owner yet' : `owned by ${plural(owners.size, 'partner')}`}${joint ? '' : ' (a joint map has owners from two or more partners)'}${changed}`,
    source: 'stakeholder-map',
  };
}

function stakeholderReview(input: EvidenceInput): Evidence {
  const interval = input.reviewIntervalDays;
  const latest = input.reviewPoints.length ? Math.max(...input.reviewPoints) : null;
  if (input.stakeholders.length === 0) {
    return { rule: 'stakeholderReview', level: 'notYet', summary: 'There is no stakeholder map to review yet', source: 'stakeholder-map' };
  }
  if (latest !== null) {
    const age = daysBetween(latest, input.now);
    const within = age <= interval;
    return {
      rule: 'stakeholderReview',
      level: within ? 'fully' : 'partly',
      summary: `${plural(input.reviewPoints.length, 'review point')} saved; the latest ${ago(latest, input.now)}${within ? '' : `, more than ${interval} days ago`}`,
      source: 'review-points',
    };
  }
  const edited = input.stakeholdersChangedAt;
  if (edited !== null && daysBetween(edited, input.now) <= interval) {
    return { rule: 'stakeholderReview', level: 'partly', summary: `No review point saved; the map was last edited ${ago(edited, input.now)}`, source: 'stakeholder-map' };
  }
  return { rule: 'stakeholderReview', level: 'notYet', summary: 'No review point saved yet: save one after each review of the map', source: 'review-points' };
}

function skillsMatrix(input: EvidenceInput): Evidence {
  const rows = input.matrixRows.length;
  if (rows === 0) return { rule: 'skillsMatrix', level: 'notYet', summary: 'No skills, knowledge or resources in the matrix yet', source: 'skills-matrix' };
  const { summary } = analyseMatrix(input.matrixRows, input.partners, input.matrixCells);
  const rated = input.matrixCells.some((cell) => cell.level > 0);
  const gaps = `${plural(summary.rowsWithGaps, 'gap')} (${summary.totalGapPoints} gap points)`;
  return {
    rule: 'skillsMatrix',
    level: rated ? 'fully' : 'partly',
    summary: rated ? `${plural(rows, 'row')} in the matrix; ${gaps}` : `${plural(rows, 'row')} in the matrix, but no partner has rated a level yet`,
    source: 'skills-matrix',
  };
}

function commsStrategy(input: EvidenceInput): Evidence {
  const total = input.stakeholders.length;
  if (total === 0) return { rule: 'commsStrategy', level: 'notYet', summary: 'No stakeholders to plan communication with yet', source: 'stakeholder-map' };
  const partnerIds = new Set(input.partners.map((p) => p.id));
  const planned = input.stakeholders.filter((s) => s.ownerPartnerIds.some((id) => partnerIds.has(id)) && s.nextContact !== '');
  const overdue = planned.filter((s) => s.nextContact < input.today).length;
  const level: HealthLevel = planned.length === 0 ? 'notYet' : planned.length === total && overdue === 0 ? 'fully' : 'partly';
  return {
    rule: 'commsStrategy',
    level,
    summary: `${planned.length} of ${plural(total, 'stakeholder')} have an owner and a next contact date${overdue ? `; ${overdue} overdue` : ''}`,
    source: 'stakeholder-map',
  };
}

function activitiesOf(input: EvidenceInput): LogicNode[] {
  return input.logicNodes.filter((node) => node.column === 'activities');
}

function actionPlanUpdated(input: EvidenceInput): Evidence {
  const activities = activitiesOf(input);
  if (activities.length === 0) return { rule: 'actionPlanUpdated', level: 'notYet', summary: 'No activities in the logic model yet', source: 'logic-model' };
  const partnerIds = new Set(input.partners.map((p) => p.id));
  const complete = activities.filter((a) => a.leadPartnerId !== null && partnerIds.has(a.leadPartnerId) && a.dueDate !== '').length;
  const overdue = activities.filter((a) => isOverdue(a.dueDate, a.status, input.today)).length;
  const level: HealthLevel = complete === activities.length && overdue === 0 ? 'fully' : complete === 0 ? 'notYet' : 'partly';
  return {
    rule: 'actionPlanUpdated',
    level,
    summary: `${complete} of ${plural(activities.length, 'activity', 'activities')} have a lead and a due date; ${overdue} overdue`,
    source: 'logic-model',
  };
}

function rolesClear(input: EvidenceInput): Evidence {
  const activities = activitiesOf(input);
  if (activities.length === 0) return { rule: 'rolesClear', level: 'notYet', summary: 'No activities in the logic model yet', source: 'logic-model' };
  const partnerIds = new Set(input.partners.map((p) => p.id));
  const withoutLead = activities.filter((a) => a.leadPartnerId === null || !partnerIds.has(a.leadPartnerId)).length;
  return {
    rule: 'rolesClear',
    level: withoutLead === 0 ? 'fully' : withoutLead === activities.length ? 'notYet' : 'partly',
    summary: withoutLead === 0 ? `Every activity (${activities.length}) has a lead partner` : `${plural(withoutLead, 'activity', 'activities')} of ${activities.length} without a lead partner`,
    source: 'logic-model',
  };
}

const RULES: Readonly<Record<HealthEvidenceRule, (input: EvidenceInput) => Evidence>> = {
  stakeholderMap,
  stakeholderReview,
  skillsMatrix,
  commsStrategy,
  actionPlanUpdated,
  rolesClear,
};

export function evidenceFor(rule: HealthEvidenceRule, input: EvidenceInput): Evidence {
  return RULES[rule](input);
}
