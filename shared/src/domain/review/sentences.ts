/**
 * The comparison of two board states in words, grouped per board, worded with
 * the boards' own rules (Mendelow quadrants, matrix gap analysis, logic-model
 * card labels), so a review reads the way the boards look.
 */
import type { RecordOf } from '../../doc/records';
import type { BoardView, CollectionName, HealthLevel, PartnershipStage } from '../../schema';
import type { LogicTemplateId } from '../logic/templates';
import { cardLabel } from '../logic/templates';
import { analyseRow } from '../matrix/analysis';
import { indexCells } from '../matrix/cellIndex';
import { attitudeLabel } from '../stakeholders/attitude';
import { mendelowQuadrant, QUADRANT_LABELS } from '../stakeholders/quadrants';
import { agreementSentence, diffAgreement, type AgreementChange, type AgreementTexts } from './agreement';
import { diffRecords, indexRecords, type BoardRecords, type FieldChange, type RecordChange, type RecordIndex } from './diff';

/** Where a change shows: the three boards, plus the partners every board shares and board-level comments. */
export type ReviewGroup = 'partners' | BoardView | 'comments';
export const REVIEW_GROUPS: readonly ReviewGroup[] = ['partners', 'stakeholder-map', 'skills-matrix', 'logic-model', 'health', 'comments'];
export const REVIEW_GROUP_LABELS: Readonly<Record<ReviewGroup, string>> = {
  partners: 'Partners',
  'stakeholder-map': 'Stakeholder map',
  'skills-matrix': 'Skills matrix',
  'logic-model': 'Logic model',
  health: 'Partnership health',
  comments: 'Comments',
};

export interface ReviewSentence {
  group: ReviewGroup;
  /** The record's collection, or 'agreement' for a section of the partnership agreement. */
  collection: CollectionName | 'agreement';
  /** The record the sentence is about (for highlighting it), or the agreement section's key. */
  id: string;
  kind: RecordChange['kind'];
  text: string;
}

export interface CanvasMove {
  id: string;
  view: BoardView;
  from: { x: number; y: number };
  to: { x: number; y: number };
}

export interface BoardDiff {
  changes: RecordChange[];
  sentences: ReviewSentence[];
  /** Canvas items (and stakeholders on the network layout) whose position changed: ghosts go at `from`. */
  moved: CanvasMove[];
  /** Sections of the partnership agreement whose text changed (their sentences are in `sentences`, group `health`). */
  agreement: AgreementChange[];
  /** Records, and agreement sections, added, removed and changed. */
  counts: { added: number; removed: number; changed: number };
}

interface Context {
  before: RecordIndex;
  after: RecordIndex;
  template: LogicTemplateId | null;
}

const quote = (text: string) => `'${text.replace(/\s+/g, ' ').trim().slice(0, 60) || 'untitled'}'`;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function record<C extends CollectionName>(ctx: Context, collection: C, id: string): RecordOf<C> | undefined {
  return ctx.after[collection].get(id) ?? ctx.before[collection].get(id);
}

function partnerName(ctx: Context, id: string | null | undefined): string {
  if (!id) return 'nobody';
  return record(ctx, 'partners', id)?.name ?? 'a removed partner';
}

function fieldWords(change: FieldChange, describe: (value: unknown) => string = String): string {
  return `${change.field} ${describe(change.before)} → ${describe(change.after)}`;
}

function stakeholderSentence(ctx: Context, change: RecordChange): string {
  const s = record(ctx, 'stakeholders', change.id)!;
  if (change.kind === 'added') return `${s.name} added (${QUADRANT_LABELS[mendelowQuadrant(s.power, s.interest)]})`;
  if (change.kind === 'removed') return `${s.name} removed`;
  const old = ctx.before.stakeholders.get(change.id)!;
  const parts: string[] = [];
  let moved = false;
  for (const field of change.fields) {
    if (field.field === 'power' || field.field === 'interest') parts.push(fieldWords(field));
    else if (field.field === 'attitude') parts.push(`attitude ${attitudeWords(old.attitude)} → ${attitudeWords(s.attitude)}`);
    else if (field.field === 'x' || field.field === 'y') moved = true;
    else if (field.field === 'ownerPartnerIds') parts.push('relationship holders changed');
    else if (field.field === 'name') parts.push(`renamed from ${quote(old.name)}`);
    else if (typeof field.before === 'string' && field.before.length > 40) parts.push(`${field.field} edited`);
    else if (typeof field.after === 'string' && field.after.length > 40) parts.push(`${field.field} edited`);
    else parts.push(fieldWords(field, (v) => (v === '' ? 'none' : String(v))));
  }
  const from = mendelowQuadrant(old.power, old.interest);
  const to = mendelowQuadrant(s.power, s.interest);
  if (from !== to) parts.push(`moved to ${QUADRANT_LABELS[to]}`);
  if (moved) parts.push('moved on the network');
  return `${s.name}: ${parts.join(', ')}`;
}

function stakeholderName(ctx: Context, id: string): string {
  return record(ctx, 'stakeholders', id)?.name ?? record(ctx, 'partners', id)?.name ?? 'someone removed';
}

function relationshipSentence(ctx: Context, change: RecordChange): string {
  const r = record(ctx, 'relationships', change.id)!;
  const label = `Relationship ${stakeholderName(ctx, r.from)} → ${stakeholderName(ctx, r.to)}`;
  if (change.kind !== 'changed') return `${label} (${r.type}) ${change.kind}`;
  return `${label}: ${change.fields.map((f) => fieldWords(f)).join(', ')}`;
}

function partnerSentence(ctx: Context, change: RecordChange): string {
  const p = record(ctx, 'partners', change.id)!;
  if (change.kind !== 'changed') return `Partner ${p.name} ${change.kind}`;
  const old = ctx.before.partners.get(change.id)!;
  const parts = change.fields.map((f) =>
    f.field === 'name' ? `renamed from ${quote(old.name)}` : f.field === 'stages' ? 'stages of working together changed' : fieldWords(f),
  );
  return `Partner ${p.name}: ${parts.join(', ')}`;
}

function matrixRowSentence(ctx: Context, change: RecordChange): string {
  const r = record(ctx, 'matrixRows', change.id)!;
  if (change.kind === 'added') return `${capitalise(r.category)} ${quote(r.name)} added (required ${r.required})`;
  if (change.kind === 'removed') return `${capitalise(r.category)} ${quote(r.name)} removed`;
  const parts = change.fields.filter((f) => f.field !== 'order').map((f) => fieldWords(f));
  return parts.length ? `${r.name}: ${parts.join(', ')}` : '';
}

function cellSentence(ctx: Context, change: RecordChange): string {
  const c = record(ctx, 'matrixCells', change.id)!;
  const row = record(ctx, 'matrixRows', c.rowId)?.name ?? 'a removed row';
  const old = ctx.before.matrixCells.get(change.id);
  const now = ctx.after.matrixCells.get(change.id);
  const parts: string[] = [];
  if ((old?.level ?? 0) !== (now?.level ?? 0)) parts.push(`level ${old?.level ?? 0} → ${now?.level ?? 0}`);
  if ((old?.gives ?? false) !== (now?.gives ?? false)) parts.push(now?.gives ? 'now gives it' : 'no longer gives it');
  if ((old?.receives ?? false) !== (now?.receives ?? false)) parts.push(now?.receives ? 'now wants to receive it' : 'no longer wants to receive it');
  if ((old?.note ?? '') !== (now?.note ?? '')) parts.push('note edited');
  return parts.length ? `${row}: ${partnerName(ctx, c.partnerId)} ${parts.join(', ')}` : '';
}

/** Gaps opened, narrowed or closed, per row present in both states, from the matrix analysis. */
function gapSentences(ctx: Context): ReviewSentence[] {
  const partnersBefore = [...ctx.before.partners.values()];
  const partnersAfter = [...ctx.after.partners.values()];
  const cellsBefore = indexCells(ctx.before.matrixCells.values());
  const cellsAfter = indexCells(ctx.after.matrixCells.values());
  const out: ReviewSentence[] = [];
  for (const [id, rowAfter] of ctx.after.matrixRows) {
    const rowBefore = ctx.before.matrixRows.get(id);
    if (!rowBefore) continue;
    const a = analyseRow(rowBefore, partnersBefore, cellsBefore);
    const b = analyseRow(rowAfter, partnersAfter, cellsAfter);
    let text = '';
    if (a.gap > 0 && b.gap === 0) {
      const closers = b.meetingPartnerIds.filter((p) => !a.meetingPartnerIds.includes(p)).map((p) => partnerName(ctx, p));
      text = closers.length ? `gap closed by ${closers.join(' and ')}` : 'gap closed';
    } else if (a.gap === 0 && b.gap > 0) text = `gap opened (${b.gap} ${b.gap === 1 ? 'level' : 'levels'} short)`;
    else if (a.gap !== b.gap) text = `gap ${a.gap} → ${b.gap}`;
    if (text) out.push({ group: 'skills-matrix', collection: 'matrixRows', id, kind: 'changed', text: `${rowAfter.name}: ${text}` });
  }
  return out;
}

function logicNodeSentence(ctx: Context, change: RecordChange): string {
  const n = record(ctx, 'logicNodes', change.id)!;
  const old = ctx.before.logicNodes.get(change.id);
  const label = capitalise(cardLabel(old ?? n, ctx.template).replace(/"/g, "'"));
  if (change.kind !== 'changed') return `${label} ${change.kind}`;
  const parts: string[] = [];
  for (const f of change.fields) {
    if (f.field === 'indicators') {
      const delta = n.indicators.length - old!.indicators.length;
      if (delta > 0) parts.push(delta === 1 ? 'gained an indicator' : `gained ${delta} indicators`);
      else if (delta < 0) parts.push(delta === -1 ? 'lost an indicator' : `lost ${-delta} indicators`);
      else parts.push('indicators edited');
    } else if (f.field === 'leadPartnerId') {
      parts.push(`lead changed (${partnerName(ctx, old!.leadPartnerId)} → ${partnerName(ctx, n.leadPartnerId)})`);
    } else if (f.field === 'text') parts.push(`now reads ${quote(n.text)}`);
    else if (f.field === 'supportingPartnerIds') parts.push('supporting partners changed');
    else if (f.field === 'matrixRowIds') parts.push('needed skills changed');
    else if (f.field === 'status') parts.push(`status ${String(f.before).replace('_', ' ')} → ${String(f.after).replace('_', ' ')}`);
    else if (f.field === 'column') parts.push(`moved to ${cardLabel(n, ctx.template).split(' ')[0]} column`);
    else if (f.field !== 'order') parts.push(fieldWords(f));
  }
  if (parts.length === 0) return '';
  return `${label}: ${parts.join(', ')}`;
}

function logicLinkSentence(ctx: Context, change: RecordChange): string {
  const l = record(ctx, 'logicLinks', change.id)!;
  const end = (id: string) => {
    const node = record(ctx, 'logicNodes', id);
    return node ? cardLabel(node, ctx.template).replace(/"/g, "'") : 'a removed card';
  };
  return `Link from ${end(l.from)} to ${end(l.to)} ${change.kind === 'changed' ? 'changed' : change.kind}`;
}

const KIND_NOUN = { sticky: 'Note', text: 'Text', frame: 'Frame', connector: 'Connector' } as const;

function canvasItemSentence(ctx: Context, change: RecordChange): string {
  const item = record(ctx, 'canvasItems', change.id)!;
  const label = `${KIND_NOUN[item.kind]} ${quote(ctx.before.canvasItems.get(change.id)?.text ?? item.text)}`;
  if (change.kind !== 'changed') return `${label} ${change.kind}`;
  const parts: string[] = [];
  const fields = new Set(change.fields.map((f) => f.field));
  if (fields.has('x') || fields.has('y')) parts.push('moved');
  if (fields.has('text')) parts.push(`now reads ${quote(item.text)}`);
  if (fields.has('width') || fields.has('height')) parts.push('resized');
  if (fields.has('colour')) parts.push('colour changed');
  return parts.length ? `${label}: ${parts.join(', ')}` : '';
}

function commentSentence(ctx: Context, change: RecordChange): string {
  const c = record(ctx, 'comments', change.id)!;
  if (change.kind === 'changed') {
    const resolved = change.fields.find((f) => f.field === 'resolved');
    return resolved ? `Comment ${quote(c.text)} ${c.resolved ? 'resolved' : 'reopened'}` : `Comment ${quote(c.text)} edited`;
  }
  return `Comment ${quote(c.text)}${c.author ? ` by ${c.author}` : ''} ${change.kind}`;
}

const LEVEL_WORDS: Readonly<Record<HealthLevel, string>> = { notYet: 'not yet', partly: 'partly', fully: 'fully' };
const stageWords = (stage: PartnershipStage | null) => stage ?? 'not set';

function healthItemText(ctx: Context, itemId: string): string {
  return quote(record(ctx, 'healthItems', itemId)?.text ?? 'a removed checklist item');
}

function healthItemSentence(ctx: Context, change: RecordChange): string {
  const item = record(ctx, 'healthItems', change.id)!;
  if (change.kind !== 'changed') return `Checklist item ${quote(item.text)} ${change.kind}`;
  return change.fields.some((f) => f.field === 'text') ? `Checklist item now reads ${quote(item.text)}` : '';
}

function healthResponseSentence(ctx: Context, change: RecordChange): string {
  const r = record(ctx, 'healthResponses', change.id)!;
  const who = partnerName(ctx, r.partnerId);
  const item = healthItemText(ctx, r.itemId);
  if (change.kind === 'added') return `${who} rated ${item}: ${LEVEL_WORDS[r.level]}`;
  if (change.kind === 'removed') return `${who}'s rating of ${item} removed`;
  const parts: string[] = [];
  for (const field of change.fields) {
    if (field.field === 'level') parts.push(`${LEVEL_WORDS[field.before as HealthLevel] ?? '?'} → ${LEVEL_WORDS[field.after as HealthLevel] ?? '?'}`);
    else if (field.field === 'note') parts.push('note edited');
    else if (field.field === 'evidenceUrl') parts.push('evidence link changed');
  }
  return parts.length ? `${who}'s rating of ${item}: ${parts.join(', ')}` : '';
}

function healthAggregateSentence(ctx: Context, change: RecordChange): string {
  const a = record(ctx, 'healthAggregates', change.id)!;
  if (change.kind === 'removed') return `Anonymous ratings of ${healthItemText(ctx, a.itemId)} removed`;
  return `Anonymous ratings of ${healthItemText(ctx, a.itemId)}: ${a.fully} fully, ${a.partly} partly, ${a.notYet} not yet`;
}

function partnerStageSentence(ctx: Context, change: RecordChange): string {
  const s = record(ctx, 'partnerStages', change.id)!;
  const pair = `${partnerName(ctx, s.partnerA)} and ${partnerName(ctx, s.partnerB)}`;
  if (change.kind === 'removed') return `Stage between ${pair} removed`;
  if (change.kind === 'added') return `${pair}: ${stageWords(s.current)}, aiming for ${stageWords(s.target)}`;
  const parts: string[] = [];
  for (const field of change.fields) {
    if (field.field === 'current') parts.push(`now ${stageWords(field.after as PartnershipStage | null)} (was ${stageWords(field.before as PartnershipStage | null)})`);
    else if (field.field === 'target') parts.push(`aiming for ${stageWords(field.after as PartnershipStage | null)} (was ${stageWords(field.before as PartnershipStage | null)})`);
    else if (field.field === 'note') parts.push('note edited');
  }
  return parts.length ? `${pair}: ${parts.join(', ')}` : '';
}

function groupOf(ctx: Context, change: RecordChange): ReviewGroup | null {
  switch (change.collection) {
    case 'partners':
      return 'partners';
    case 'stakeholders':
    case 'relationships':
      return 'stakeholder-map';
    case 'matrixRows':
    case 'matrixCells':
      return 'skills-matrix';
    case 'logicNodes':
    case 'logicLinks':
      return 'logic-model';
    case 'canvasItems':
      return record(ctx, 'canvasItems', change.id)!.view;
    case 'comments':
      return 'comments';
    case 'healthItems':
    case 'healthResponses':
    case 'healthAggregates':
    case 'partnerStages':
      return 'health';
    case 'votes':
    case 'locks':
    case 'voteRounds':
      // Facilitation state, not partnership content: a review does not list it.
      return null;
  }
}

const WORDING: Partial<Record<CollectionName, (ctx: Context, change: RecordChange) => string>> = {
  partners: partnerSentence,
  stakeholders: stakeholderSentence,
  relationships: relationshipSentence,
  matrixRows: matrixRowSentence,
  matrixCells: cellSentence,
  logicNodes: logicNodeSentence,
  logicLinks: logicLinkSentence,
  canvasItems: canvasItemSentence,
  comments: commentSentence,
  healthItems: healthItemSentence,
  healthResponses: healthResponseSentence,
  healthAggregates: healthAggregateSentence,
  partnerStages: partnerStageSentence,
};

function movesOf(ctx: Context, changes: readonly RecordChange[]): CanvasMove[] {
  const moved: CanvasMove[] = [];
  for (const change of changes) {
    if (change.kind !== 'changed' || change.collection !== 'canvasItems') continue;
    if (!change.fields.some((f) => f.field === 'x' || f.field === 'y')) continue;
    const a = ctx.before.canvasItems.get(change.id)!;
    const b = ctx.after.canvasItems.get(change.id)!;
    moved.push({ id: change.id, view: b.view, from: { x: a.x, y: a.y }, to: { x: b.x, y: b.y } });
  }
  return moved;
}

/** Compare two board states: every record change, the sentences per board, the moves for ghosts, and the agreement's sections when given. */
export function diffBoards(
  before: BoardRecords,
  after: BoardRecords,
  template: LogicTemplateId | null = null,
  agreement?: { before: AgreementTexts; after: AgreementTexts },
): BoardDiff {
  const ctx: Context = { before: indexRecords(before), after: indexRecords(after), template };
  const changes = diffRecords(ctx.before, ctx.after);
  const sentences: ReviewSentence[] = [];
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const change of changes) {
    counts[change.kind]++;
    const group = groupOf(ctx, change);
    const text = group ? (WORDING[change.collection]?.(ctx, change) ?? '') : '';
    if (group && text) sentences.push({ group, collection: change.collection, id: change.id, kind: change.kind, text });
  }
  sentences.push(...gapSentences(ctx));
  const agreementChanges = agreement ? diffAgreement(agreement.before, agreement.after) : [];
  for (const change of agreementChanges) {
    counts[change.kind]++;
    sentences.push({ group: 'health', collection: 'agreement', id: change.section, kind: change.kind, text: agreementSentence(change) });
  }
  const order = new Map(REVIEW_GROUPS.map((group, i) => [group, i]));
  sentences.sort((a, b) => order.get(a.group)! - order.get(b.group)!);
  return { changes, sentences, moved: movesOf(ctx, changes), agreement: agreementChanges, counts };
}

/** "Not assessed" for a stakeholder nobody has judged yet. */
function attitudeWords(attitude: number | null): string {
  return attitude === null ? 'not assessed' : attitudeLabel(attitude);
}
