import { describe, expect, it } from 'vitest';
import { finishTextEdit } from './textEdit';

describe('finishTextEdit', () => {
  it('writes what was typed into a new record', () => {
    expect(finishTextEdit('', 'Young people feel safer')).toEqual({ kind: 'write', text: 'Young people feel safer' });
  });
  it('removes a new record left empty, or holding only spaces', () => {
    expect(finishTextEdit('', '')).toEqual({ kind: 'remove' });
    expect(finishTextEdit('', '  \n ')).toEqual({ kind: 'remove' });
  });
  it('leaves an unchanged record alone', () => {
    expect(finishTextEdit('Mentoring', 'Mentoring')).toEqual({ kind: 'unchanged' });
  });
  it('keeps a record that had text even when the text is cleared', () => {
    expect(finishTextEdit('Mentoring', '')).toEqual({ kind: 'write', text: '' });
  });
  it('keeps new lines typed with Shift+Enter', () => {
    expect(finishTextEdit('', 'Line one\nLine two')).toEqual({ kind: 'write', text: 'Line one\nLine two' });
  });
});
