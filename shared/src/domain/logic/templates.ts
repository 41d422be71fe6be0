import type { LogicColumn, LogicNode, Meta } from '../../schema';

/**
 * The two logic-model templates and the facts about each column that the rest of
 * the board (checks, layout, pathway highlight) relies on.
 *
 * Column keys are stored on every card, so they are template-independent: both
 * templates draw from the same ten keys in LOGIC_COLUMNS. Decision: Kellogg's
 * single "Outcomes" column is stored as `shortTermOutcomes`. Kellogg's guide
 * places outcomes at 1-6 years with impact beyond, so the nearest ESS meaning is
 * the first outcome column; it also lets a board move between templates without
 * rewriting any card while it only uses the shared columns.
 */

export type LogicTemplateId = NonNullable<Meta['logicTemplate']>;
export type LaneColumn = 'assumptions' | 'externalFactors';
export type MainColumn = Exclude<LogicColumn, LaneColumn>;
export type ColumnRole =
  | 'situation'
  | 'input'
  | 'activity'
  | 'output'
  | 'outcome'
  | 'impact'
  | 'assumption'
  | 'externalFactor';

interface ColumnFacts {
  readonly role: ColumnRole;
  /** Position in the causal chain; links should run from lower to higher. Null for lanes. */
  readonly stage: number | null;
  /** Singular noun used in messages ("activity", "short-term outcome"). */
  readonly noun: string;
  /** Outputs and outcomes are what a partnership measures and reports to funders. */
  readonly carriesIndicators: boolean;
}

/**
 * Template-independent facts, so a card keeps its meaning whichever template is
 * shown (and even when a merge puts it in a column the template hides).
 */
export const COLUMN_FACTS: Readonly<Record<LogicColumn, ColumnFacts>> = {
  situation: { role: 'situation', stage: 0, noun: 'situation', carriesIndicators: false },
  inputs: { role: 'input', stage: 1, noun: 'input', carriesIndicators: false },
  activities: { role: 'activity', stage: 2, noun: 'activity', carriesIndicators: false },
  outputs: { role: 'output', stage: 3, noun: 'output', carriesIndicators: true },
  shortTermOutcomes: { role: 'outcome', stage: 4, noun: 'short-term outcome', carriesIndicators: true },
  mediumTermOutcomes: { role: 'outcome', stage: 5, noun: 'medium-term outcome', carriesIndicators: true },
  longTermOutcomes: { role: 'outcome', stage: 6, noun: 'long-term outcome', carriesIndicators: true },
  // Impact is the wider change others also contribute to; attributing a measure to
  // one partnership is rarely honest, so impact cards are not asked for indicators.
  impact: { role: 'impact', stage: 7, noun: 'impact', carriesIndicators: false },
  assumptions: { role: 'assumption', stage: null, noun: 'assumption', carriesIndicators: false },
  externalFactors: { role: 'externalFactor', stage: null, noun: 'external factor', carriesIndicators: false },
};

export const LANE_COLUMNS: readonly LaneColumn[] = ['assumptions', 'externalFactors'];

export function isLaneColumn(column: LogicColumn): column is LaneColumn {
  return column === 'assumptions' || column === 'externalFactors';
}

/** Outcome-like columns: short, medium, long-term outcomes and impact. */
export function isOutcomeColumn(column: LogicColumn): boolean {
  const role = COLUMN_FACTS[column].role;
  return role === 'outcome' || role === 'impact';
}

export function columnStage(column: LogicColumn): number | null {
  return COLUMN_FACTS[column].stage;
}

/** Rank for sorting by column: main columns in causal order, then the lanes. */
export function columnSortRank(column: LogicColumn): number {
  const stage = COLUMN_FACTS[column].stage;
  return stage ?? 100 + LANE_COLUMNS.indexOf(column as LaneColumn);
}

export interface TemplateColumn {
  readonly key: MainColumn;
  readonly label: string;
  readonly noun: string;
  /** Helper prompt shown in an empty column and in the header tooltip: what goes here. */
  readonly prompt: string;
  readonly carriesIndicators: boolean;
  readonly stage: number;
}

export interface TemplateLane {
  readonly key: LaneColumn;
  readonly label: string;
  readonly noun: string;
  readonly prompt: string;
}

export interface LogicTemplate {
  readonly id: LogicTemplateId;
  readonly name: string;
  readonly description: string;
  readonly columns: readonly TemplateColumn[];
  readonly lanes: readonly TemplateLane[];
}

function column(key: MainColumn, label: string, prompt: string, noun = COLUMN_FACTS[key].noun): TemplateColumn {
  const facts = COLUMN_FACTS[key];
  return { key, label, noun, prompt, carriesIndicators: facts.carriesIndicators, stage: facts.stage ?? 0 };
}

const INPUTS_PROMPT =
  'What the partners put in: staff and volunteer time, money, venues, data, and the skills and knowledge each partner brings.';
const ACTIVITIES_PROMPT =
  'What the partnership does with those resources: services, events, training, joint work. Give each activity a lead partner.';

/**
 * Both templates keep the two lanes. ESS draws them under the model; Kellogg's
 * guide has the same ideas as "assumptions" and "influential factors".
 */
const LANES: readonly TemplateLane[] = [
  {
    key: 'assumptions',
    label: 'Assumptions',
    noun: 'assumption',
    prompt:
      'What must hold true for the chain to work, e.g. "partners can release staff time". Link each one to the cards it underpins.',
  },
  {
    key: 'externalFactors',
    label: 'External factors',
    noun: 'external factor',
    prompt:
      'Things outside the partnership\'s control that could help or hinder: funding, policy, local events. Link each one to the cards it affects.',
  },
];

export const LOGIC_TEMPLATES_BY_ID: Readonly<Record<LogicTemplateId, LogicTemplate>> = {
  kellogg: {
    id: 'kellogg',
    name: 'Kellogg logic model',
    description: 'Five columns from resources to long-term impact (W.K. Kellogg Foundation).',
    columns: [
      column('inputs', 'Inputs', INPUTS_PROMPT),
      column('activities', 'Activities', ACTIVITIES_PROMPT),
      column(
        'outputs',
        'Outputs',
        'The direct, countable products of the activities: sessions run, people reached, materials made.',
      ),
      column(
        'shortTermOutcomes',
        'Outcomes',
        'The changes the activities lead to for people, organisations or communities: in knowledge, skills, behaviour or circumstances.',
        'outcome',
      ),
      column('impact', 'Impact', 'The long-term, wider change the partnership contributes to alongside others.'),
    ],
    lanes: LANES,
  },
  ess: {
    id: 'ess',
    name: 'ESS / Wisconsin logic model',
    description: 'The Evaluation Support Scotland model, after the University of Wisconsin-Extension.',
    columns: [
      column('situation', 'Situation', 'The need or problem the partnership responds to, and who it affects: why is this work needed?'),
      column('inputs', 'Inputs', INPUTS_PROMPT),
      column('activities', 'Activities', ACTIVITIES_PROMPT),
      column(
        'outputs',
        'Outputs',
        'What the activities produce and who takes part: how many sessions, how many people, which groups were reached.',
      ),
      column(
        'shortTermOutcomes',
        'Short-term outcomes',
        'Early changes: what people learn or become aware of (knowledge, skills, attitudes, confidence).',
      ),
      column('mediumTermOutcomes', 'Medium-term outcomes', 'Changes in what people do: behaviour, practice, decisions.'),
      column(
        'longTermOutcomes',
        'Long-term outcomes',
        'Lasting changes in people\'s lives, conditions or services that the partnership helps bring about.',
      ),
    ],
    lanes: LANES,
  },
};

export function getTemplate(id: LogicTemplateId): LogicTemplate {
  return LOGIC_TEMPLATES_BY_ID[id];
}

/** Every column key a template shows, main columns first, then lanes. */
export function templateColumnKeys(template: LogicTemplate): LogicColumn[] {
  return [...template.columns.map((c) => c.key), ...template.lanes.map((l) => l.key)];
}

export function templateShowsColumn(template: LogicTemplate, column: LogicColumn): boolean {
  return template.columns.some((c) => c.key === column) || template.lanes.some((l) => l.key === column);
}

/** Label of a column in a template; falls back to a neutral label for hidden columns. */
export function columnLabel(column: LogicColumn, templateId: LogicTemplateId | null = null): string {
  if (templateId) {
    const template = getTemplate(templateId);
    const spec = template.columns.find((c) => c.key === column) ?? template.lanes.find((l) => l.key === column);
    if (spec) return spec.label;
  }
  const noun = COLUMN_FACTS[column].noun;
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}

export function cardNoun(column: LogicColumn, templateId: LogicTemplateId | null = null): string {
  if (templateId) {
    const template = getTemplate(templateId);
    const spec = template.columns.find((c) => c.key === column) ?? template.lanes.find((l) => l.key === column);
    if (spec) return spec.noun;
  }
  return COLUMN_FACTS[column].noun;
}

const LABEL_MAX = 48;

/** How a card is named in messages: its text in quotes, shortened, or "untitled". */
export function cardLabel(node: Pick<LogicNode, 'text' | 'column'>, templateId: LogicTemplateId | null = null): string {
  const noun = cardNoun(node.column, templateId);
  const text = node.text.replace(/\s+/g, ' ').trim();
  if (text === '') return `an untitled ${noun}`;
  const short = text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1).trimEnd()}…` : text;
  return `${noun} "${short}"`;
}

export type TemplateSwitchCheck =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: string; readonly blockingNodeIds: readonly string[] };

/**
 * A template switch is allowed only while the board is empty or every card sits
 * in a column both templates show. Otherwise cards would vanish from view (for
 * example Kellogg impact cards under ESS), and silently moving them would change
 * what partners agreed; the user is told which cards to move or delete first.
 * Only the target is tested: a visible card is already in a `from` column, and a
 * card a merge left in a hidden column may as well reappear if the target has it.
 */
export function canSwitchTemplate(
  nodes: readonly Pick<LogicNode, 'id' | 'column'>[],
  switchTo: { readonly from: LogicTemplateId | null; readonly to: LogicTemplateId },
): TemplateSwitchCheck {
  const target = getTemplate(switchTo.to);
  const blocked = nodes.filter((n) => !templateShowsColumn(target, n.column));
  if (blocked.length === 0) return { allowed: true };
  const columns = [...new Set(blocked.map((n) => columnLabel(n.column, switchTo.from)))];
  const count = blocked.length === 1 ? '1 card sits' : `${blocked.length} cards sit`;
  return {
    allowed: false,
    blockingNodeIds: blocked.map((n) => n.id),
    reason: `${count} in ${columns.join(', ')}, which the ${target.name} does not have. Move or delete ${blocked.length === 1 ? 'it' : 'them'} first.`,
  };
}

/** Columns only the ESS template shows (situation, medium- and long-term outcomes). */
export const ESS_ONLY_COLUMNS: readonly LogicColumn[] = templateColumnKeys(getTemplate('ess')).filter(
  (c) => !templateShowsColumn(getTemplate('kellogg'), c),
);

/**
 * The template a board's cards were written for, when nobody chose one (cards
 * imported, or written by another tool): any ESS-only column means ESS, other
 * cards mean Kellogg, and no cards means nothing to infer (null).
 */
export function inferLogicTemplate(columns: Iterable<LogicColumn>): LogicTemplateId | null {
  let any = false;
  for (const column of columns) {
    if (ESS_ONLY_COLUMNS.includes(column)) return 'ess';
    any = true;
  }
  return any ? 'kellogg' : null;
}

/** The template a board is shown with: the one chosen, else the one its cards imply. */
export function boardTemplate(chosen: LogicTemplateId | null, nodes: readonly Pick<LogicNode, 'column'>[]): LogicTemplateId | null {
  return chosen ?? inferLogicTemplate(nodes.map((n) => n.column));
}

/**
 * The template plus a column for every column in use that it does not show, so
 * no card is ever hidden (a merge or an import can put cards anywhere). Added
 * columns take the other template's label and sit in causal order; the
 * `columnNotInTemplate` check asks for their cards to be moved.
 */
export function templateShowingColumns(template: LogicTemplate, columns: Iterable<LogicColumn>): LogicTemplate {
  const extra = new Set<MainColumn>();
  for (const c of columns) if (!isLaneColumn(c) && !templateShowsColumn(template, c)) extra.add(c);
  if (extra.size === 0) return template;
  const specs = Object.values(LOGIC_TEMPLATES_BY_ID).flatMap((t) => t.columns);
  const added = [...extra].map((key) => specs.find((c) => c.key === key)!);
  return {
    ...template,
    columns: [...template.columns, ...added].sort((a, b) => a.stage - b.stage),
  };
}
