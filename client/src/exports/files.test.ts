import { describe, expect, it } from 'vitest';
import { checkPickedFile, describeImport, describeOutcome, fileNameFromDisposition } from './files';

describe('fileNameFromDisposition', () => {
  it('reads the server\'s name, and falls back without one or with a path in it', () => {
    expect(fileNameFromDisposition('attachment; filename="riverside-review-pack-2026-03-31.pdf"', 'x.pdf')).toBe('riverside-review-pack-2026-03-31.pdf');
    expect(fileNameFromDisposition(null, 'board.json')).toBe('board.json');
    expect(fileNameFromDisposition('attachment; filename="../etc/passwd"', 'board.csv')).toBe('board.csv');
  });
});

describe('describeImport', () => {
  it('says what will be added, updated and left alone', () => {
    expect(describeImport({ imported: 4, added: 2, updated: 1, unchanged: 1 }, 'stakeholder')).toBe('2 new stakeholders, 1 updated, 1 already up to date');
    expect(describeImport({ imported: 1, added: 1, updated: 0, unchanged: 0 }, 'matrix row')).toBe('1 new matrix row');
    expect(describeImport({ imported: 0, added: 0, updated: 0, unchanged: 0 }, 'row')).toBe('Nothing to import');
  });
  it('describes one row', () => {
    expect(describeOutcome({ row: 3, action: 'update', label: 'Health Board', fields: ['organisation', 'power'] })).toBe('Row 3: update Health Board (organisation, power)');
    expect(describeOutcome({ row: 2, action: 'unchanged', label: 'Youth Club', fields: [] })).toBe('Row 2: no change to Youth Club');
  });
});

describe('checkPickedFile', () => {
  it('refuses empty, oversized and wrongly typed files with a reason', () => {
    expect(checkPickedFile({ name: 'a.csv', size: 0 }, 'csv', 1000)).toMatch(/empty/);
    expect(checkPickedFile({ name: 'a.csv', size: 3 * 1024 * 1024 }, 'csv', 2 * 1024 * 1024)).toMatch(/larger than 2 MB/);
    expect(checkPickedFile({ name: 'a.xlsx', size: 10 }, 'csv', 1000)).toMatch(/\.csv/);
    expect(checkPickedFile({ name: 'board.yjs', size: 10 }, 'yjs', 1000)).toBeNull();
  });
});
