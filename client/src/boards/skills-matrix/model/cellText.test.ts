import { EMPTY_CELL } from '@pc/shared';
import { describe, expect, it } from 'vitest';
import { cellDescription, cellText, coverageText, gapText } from './cellText';

describe('cell text', () => {
  it('gives the level and then the flags that are set', () => {
    expect(cellText(EMPTY_CELL)).toBe('0');
    expect(cellText({ level: 3, gives: true, receives: false })).toBe('3 gives');
    expect(cellText({ level: 1, gives: false, receives: true })).toBe('1 receives');
    expect(cellText({ level: 2, gives: true, receives: true })).toBe('2 gives receives');
  });

  it('describes a cell in words with its anchor and note', () => {
    const value = { level: 4 as const, gives: true, receives: true, note: ' two days a month ', exists: true };
    expect(cellDescription('Alba Trust', 'Safeguarding', value)).toBe(
      'Alba Trust, Safeguarding: 4 Can teach others, gives, wants to receive, note: two days a month',
    );
    expect(cellDescription('Alba Trust', 'Venues', EMPTY_CELL)).toBe('Alba Trust, Venues: 0 None');
  });

  it('names coverage warnings and writes gaps as points short', () => {
    expect(coverageText({ warnings: [], gap: 0, meetingPartnerIds: ['a', 'b'] })).toBe('Covered by 2');
    expect(coverageText({ warnings: [], gap: 1, meetingPartnerIds: [] })).toBe('Below required');
    expect(coverageText(undefined)).toBe('');
    expect(coverageText({ warnings: ['nobodyHasIt', 'nobodyGives'], gap: 3, meetingPartnerIds: [] })).toBe('Nobody has it, Nobody gives it');
    expect(coverageText({ warnings: ['singlePointOfFailure'], gap: 0, meetingPartnerIds: ['a'] })).toBe('Only one partner');
    expect(gapText(0)).toBe('0');
    expect(gapText(2)).toBe('-2');
  });
});
