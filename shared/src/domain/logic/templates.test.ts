import { LOGIC_COLUMNS, LOGIC_TEMPLATES } from '../../schema';
import { describe, expect, it } from 'vitest';
import {
  boardTemplate,
  inferLogicTemplate,
  templateShowingColumns,
  canSwitchTemplate,
  cardLabel,
  cardNoun,
  COLUMN_FACTS,
  columnLabel,
  columnSortRank,
  getTemplate,
  isLaneColumn,
  isOutcomeColumn,
  LOGIC_TEMPLATES_BY_ID,
  templateColumnKeys,
} from './templates';
import { node } from '../fixtures.testutil';

describe('templates', () => {
  it('defines every template the board meta allows', () => {
    expect(Object.keys(LOGIC_TEMPLATES_BY_ID).sort()).toEqual([...LOGIC_TEMPLATES].sort());
  });

  it('Kellogg has inputs, activities, outputs, outcomes, impact; outcomes stored as shortTermOutcomes', () => {
    const kellogg = getTemplate('kellogg');
    expect(kellogg.columns.map((c) => c.key)).toEqual([
      'inputs',
      'activities',
      'outputs',
      'shortTermOutcomes',
      'impact',
    ]);
    expect(kellogg.columns.map((c) => c.label)).toEqual(['Inputs', 'Activities', 'Outputs', 'Outcomes', 'Impact']);
    expect(cardNoun('shortTermOutcomes', 'kellogg')).toBe('outcome');
  });

  it('ESS has situation to long-term outcomes, and both templates keep the two lanes', () => {
    expect(getTemplate('ess').columns.map((c) => c.key)).toEqual([
      'situation',
      'inputs',
      'activities',
      'outputs',
      'shortTermOutcomes',
      'mediumTermOutcomes',
      'longTermOutcomes',
    ]);
    for (const id of LOGIC_TEMPLATES) {
      expect(getTemplate(id).lanes.map((l) => l.key)).toEqual(['assumptions', 'externalFactors']);
    }
  });

  it('gives every column a label and a helper prompt, and stages rise left to right', () => {
    for (const id of LOGIC_TEMPLATES) {
      const template = getTemplate(id);
      for (const c of [...template.columns, ...template.lanes]) {
        expect(c.label.length).toBeGreaterThan(0);
        expect(c.prompt.length).toBeGreaterThan(20);
      }
      const stages = template.columns.map((c) => c.stage);
      expect(stages).toEqual([...stages].sort((a, b) => a - b));
      expect(new Set(stages).size).toBe(stages.length);
    }
  });

  it('asks for indicators on outputs and outcomes only', () => {
    const carrying = LOGIC_COLUMNS.filter((c) => COLUMN_FACTS[c].carriesIndicators);
    expect(carrying).toEqual(['outputs', 'shortTermOutcomes', 'mediumTermOutcomes', 'longTermOutcomes']);
    expect(getTemplate('kellogg').columns.find((c) => c.key === 'outputs')?.carriesIndicators).toBe(true);
    expect(getTemplate('kellogg').columns.find((c) => c.key === 'activities')?.carriesIndicators).toBe(false);
  });

  it('classifies lanes and outcome columns', () => {
    expect(LOGIC_COLUMNS.filter(isLaneColumn)).toEqual(['assumptions', 'externalFactors']);
    expect(LOGIC_COLUMNS.filter(isOutcomeColumn)).toEqual([
      'shortTermOutcomes',
      'mediumTermOutcomes',
      'longTermOutcomes',
      'impact',
    ]);
    expect(columnSortRank('impact')).toBeLessThan(columnSortRank('assumptions'));
    expect(columnSortRank('assumptions')).toBeLessThan(columnSortRank('externalFactors'));
  });

  it('lists template columns then lanes', () => {
    expect(templateColumnKeys(getTemplate('kellogg'))).toEqual([
      'inputs',
      'activities',
      'outputs',
      'shortTermOutcomes',
      'impact',
      'assumptions',
      'externalFactors',
    ]);
  });

  it('labels columns per template, with a neutral fallback for hidden ones', () => {
    expect(columnLabel('shortTermOutcomes', 'kellogg')).toBe('Outcomes');
    expect(columnLabel('shortTermOutcomes', 'ess')).toBe('Short-term outcomes');
    expect(columnLabel('impact', 'ess')).toBe('Impact');
    expect(columnLabel('externalFactors')).toBe('External factor');
  });
});

describe('cardLabel', () => {
  it('quotes the text, collapses whitespace and shortens long text', () => {
    expect(cardLabel(node('a', 'activities', { text: '  Run   peer\nsupport groups ' }))).toBe(
      'activity "Run peer support groups"',
    );
    const long = cardLabel(node('b', 'outputs', { text: 'x'.repeat(100) }));
    expect(long.length).toBeLessThan(70);
    expect(long.endsWith('…"')).toBe(true);
  });

  it('names untitled cards by their column', () => {
    expect(cardLabel(node('c', 'shortTermOutcomes', { text: ' ' }), 'kellogg')).toBe('an untitled outcome');
    expect(cardLabel(node('c', 'shortTermOutcomes', { text: '' }), 'ess')).toBe('an untitled short-term outcome');
  });
});

describe('canSwitchTemplate', () => {
  it('allows a switch on an empty board', () => {
    expect(canSwitchTemplate([], { from: 'kellogg', to: 'ess' })).toEqual({ allowed: true });
    expect(canSwitchTemplate([], { from: null, to: 'kellogg' })).toEqual({ allowed: true });
  });

  it('allows a switch while every card sits in a shared column', () => {
    const nodes = [node('a', 'activities'), node('o', 'shortTermOutcomes'), node('x', 'assumptions')];
    expect(canSwitchTemplate(nodes, { from: 'kellogg', to: 'ess' }).allowed).toBe(true);
    expect(canSwitchTemplate(nodes, { from: 'ess', to: 'kellogg' }).allowed).toBe(true);
  });

  it('blocks Kellogg to ESS while impact cards exist, naming them', () => {
    const nodes = [node('a', 'activities'), node('i1', 'impact'), node('i2', 'impact')];
    const result = canSwitchTemplate(nodes, { from: 'kellogg', to: 'ess' });
    expect(result.allowed).toBe(false);
    if (result.allowed) return;
    expect(result.blockingNodeIds).toEqual(['i1', 'i2']);
    expect(result.reason).toContain('2 cards sit in Impact');
  });

  it('blocks ESS to Kellogg while situation or medium/long-term cards exist', () => {
    const nodes = [node('s', 'situation'), node('m', 'mediumTermOutcomes'), node('o', 'outputs')];
    const result = canSwitchTemplate(nodes, { from: 'ess', to: 'kellogg' });
    expect(result.allowed).toBe(false);
    if (result.allowed) return;
    expect(result.blockingNodeIds).toEqual(['s', 'm']);
    expect(result.reason).toContain('Situation, Medium-term outcomes');
  });

  it('is a no-op check when switching to the same template', () => {
    expect(canSwitchTemplate([node('s', 'situation')], { from: 'ess', to: 'ess' }).allowed).toBe(true);
  });
});

describe('inferLogicTemplate', () => {
  it('reads ESS from any ESS-only column, Kellogg from anything else, nothing from no cards', () => {
    expect(inferLogicTemplate([])).toBeNull();
    expect(inferLogicTemplate(['activities', 'outputs', 'impact'])).toBe('kellogg');
    expect(inferLogicTemplate(['assumptions'])).toBe('kellogg');
    for (const column of ['situation', 'mediumTermOutcomes', 'longTermOutcomes'] as const) {
      expect(inferLogicTemplate(['activities', column, 'impact'])).toBe('ess');
    }
  });

  it('never overrides a chosen template', () => {
    expect(boardTemplate('kellogg', [node('s', 'situation')])).toBe('kellogg');
    expect(boardTemplate(null, [node('s', 'situation')])).toBe('ess');
    expect(boardTemplate(null, [])).toBeNull();
  });
});

describe('templateShowingColumns', () => {
  it('is the template itself when every column in use is shown', () => {
    const kellogg = getTemplate('kellogg');
    expect(templateShowingColumns(kellogg, ['activities', 'impact', 'externalFactors'])).toBe(kellogg);
  });

  it('adds the columns in use it lacks, in causal order, so no card is hidden', () => {
    const shown = templateShowingColumns(getTemplate('ess'), ['impact', 'activities', 'situation']);
    expect(shown.columns.map((c) => c.key)).toEqual([
      'situation',
      'inputs',
      'activities',
      'outputs',
      'shortTermOutcomes',
      'mediumTermOutcomes',
      'longTermOutcomes',
      'impact',
    ]);
    expect(shown.columns.at(-1)?.label).toBe('Impact');
    const kellogg = templateShowingColumns(getTemplate('kellogg'), ['mediumTermOutcomes']);
    expect(kellogg.columns.map((c) => c.key)).toEqual(['inputs', 'activities', 'outputs', 'shortTermOutcomes', 'mediumTermOutcomes', 'impact']);
  });
});
