import { describe, expect, it } from 'vitest';
import { stakeholderSchema } from '@pc/shared';
import { DEFAULT_TRAY, parseFastEntry, splitNameAndOrganisation, trayPosition } from './fastEntry';

describe('splitNameAndOrganisation', () => {
  it('keeps a plain line as the name', () => {
    expect(splitNameAndOrganisation('  NHS   Lothian  ')).toEqual({ name: 'NHS Lothian', organisation: '' });
  });

  it('splits on the first comma or spaced dash, whichever comes first', () => {
    expect(splitNameAndOrganisation('Jo Bloggs, NHS Lothian')).toEqual({ name: 'Jo Bloggs', organisation: 'NHS Lothian' });
    expect(splitNameAndOrganisation('Jo Bloggs - NHS Lothian')).toEqual({ name: 'Jo Bloggs', organisation: 'NHS Lothian' });
    expect(splitNameAndOrganisation('Jo Bloggs – NHS Lothian')).toEqual({ name: 'Jo Bloggs', organisation: 'NHS Lothian' });
    expect(splitNameAndOrganisation('Jo Bloggs, NHS Lothian - Public Health')).toEqual({ name: 'Jo Bloggs', organisation: 'NHS Lothian - Public Health' });
    expect(splitNameAndOrganisation('Jo Bloggs - Health, Social Care')).toEqual({ name: 'Jo Bloggs', organisation: 'Health, Social Care' });
  });

  it('does not split hyphenated names', () => {
    expect(splitNameAndOrganisation('Anne Smith-Jones')).toEqual({ name: 'Anne Smith-Jones', organisation: '' });
  });

  it('uses tabs from a pasted spreadsheet first', () => {
    expect(splitNameAndOrganisation('Smith, Jo\tCouncil\tignored')).toEqual({ name: 'Smith, Jo', organisation: 'Council' });
  });

  it('strips list markers and control characters', () => {
    expect(splitNameAndOrganisation('- Youth Club')).toEqual({ name: 'Youth Club', organisation: '' });
    expect(splitNameAndOrganisation('• Youth Club')).toEqual({ name: 'Youth Club', organisation: '' });
    expect(splitNameAndOrganisation('12. Youth\u0007 Club')).toEqual({ name: 'Youth Club', organisation: '' });
    expect(splitNameAndOrganisation('3 Rivers Trust')).toEqual({ name: '3 Rivers Trust', organisation: '' });
  });

  it('uses the organisation as the name when the name part is empty', () => {
    expect(splitNameAndOrganisation(', NHS Lothian')).toEqual({ name: 'NHS Lothian', organisation: '' });
  });
});

describe('parseFastEntry', () => {
  it('creates one unplaced input per line, skipping blank lines', () => {
    const { items, skipped } = parseFastEntry('Alice\r\n\n   \nBob, Council\rCarol\u2028');
    expect(items.map((i) => i.input)).toEqual([
      { name: 'Alice', organisation: '', placed: false },
      { name: 'Bob', organisation: 'Council', placed: false },
      { name: 'Carol', organisation: '', placed: false },
    ]);
    expect(items.map((i) => i.line)).toEqual([1, 4, 5]);
    expect(skipped).toEqual([]);
  });

  it('produces inputs the stakeholder schema accepts', () => {
    const { items } = parseFastEntry(`${'x'.repeat(300)}, ${'y'.repeat(300)}\n😀`.repeat(1));
    for (const item of items) expect(stakeholderSchema.safeParse({ id: 'new', ...item.input }).success).toBe(true);
  });

  it('skips lines without a letter or digit', () => {
    expect(parseFastEntry('---\n***\n...\n-').items).toEqual([]);
  });

  it('skips duplicates within the paste, ignoring case, accents and separator style', () => {
    const { items, skipped } = parseFastEntry('Jo Smith, NHS\njo smith - nhs\nJo Smith, Council\nCAFÉ\ncafe');
    expect(items.map((i) => `${i.input.name}|${i.input.organisation}`)).toEqual(['Jo Smith|NHS', 'Jo Smith|Council', 'CAFÉ|']);
    expect(skipped).toEqual([
      { line: 2, text: 'jo smith - nhs', reason: 'duplicate' },
      { line: 5, text: 'cafe', reason: 'duplicate' },
    ]);
  });

  it('skips stakeholders already on the board when told about them', () => {
    const { items, skipped } = parseFastEntry('Alice\nBob', { existing: [{ name: ' ALICE ', organisation: '' }] });
    expect(items.map((i) => i.input.name)).toEqual(['Bob']);
    expect(skipped).toEqual([{ line: 1, text: 'Alice', reason: 'alreadyOnBoard' }]);
  });

  it('caps names and organisations at 200 characters and says so', () => {
    const { items } = parseFastEntry(`${'n'.repeat(250)}, ${'o'.repeat(201)}\nShort`);
    expect(items[0]!.input.name).toHaveLength(200);
    expect(items[0]!.input.organisation).toHaveLength(200);
    expect(items[0]!.truncated).toBe(true);
    expect(items[1]!.truncated).toBe(false);
  });

  it('stops at maxEntries and reports the rest', () => {
    const { items, skipped } = parseFastEntry('a\nb\nc\nd', { maxEntries: 2 });
    expect(items.map((i) => i.input.name)).toEqual(['a', 'b']);
    expect(skipped.map((s) => [s.line, s.reason])).toEqual([
      [3, 'tooMany'],
      [4, 'tooMany'],
    ]);
  });

  it('gives each new card the next tray slot after the cards already waiting', () => {
    const tray = { x: 10, y: 20, columns: 2, slotWidth: 100, slotHeight: 40 };
    const { items } = parseFastEntry('a\nb\nc', { tray, trayStartIndex: 1 });
    expect(items.map((i) => i.trayPosition)).toEqual([
      { x: 160, y: 40 },
      { x: 60, y: 80 },
      { x: 160, y: 80 },
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(parseFastEntry('')).toEqual({ items: [], skipped: [] });
  });
});

describe('trayPosition', () => {
  it('fills slots row by row and clamps odd input', () => {
    expect(trayPosition(0)).toEqual({ x: DEFAULT_TRAY.slotWidth / 2, y: DEFAULT_TRAY.slotHeight / 2 });
    expect(trayPosition(-4)).toEqual(trayPosition(0));
    expect(trayPosition(Number.NaN)).toEqual(trayPosition(0));
    expect(trayPosition(2.9, { x: 0, y: 0, columns: 0, slotWidth: 10, slotHeight: 10 })).toEqual({ x: 5, y: 25 });
  });
});
