import { describe, expect, it } from 'vitest';
import { deletePhrase, shareEntries } from './linkRoles';

describe('shareEntries', () => {
  const origin = 'https://canvas.example.org';

  it('lists all three roles for the facilitator, with a missing link as null', () => {
    const entries = shareEntries('board1', { owner: 'o', view: 'v' }, 'owner', origin);
    expect(entries.map((e) => [e.role, e.url, e.canRotate])).toEqual([
      ['owner', 'https://canvas.example.org/b/board1#t=o', true],
      ['edit', null, true],
      ['view', 'https://canvas.example.org/b/board1#t=v', true],
    ]);
    expect(entries[0]?.help).toMatch(/Full control/);
  });

  it('lists only the links an editor or viewer holds, without rotation', () => {
    expect(shareEntries('b', { edit: 'e', view: 'v' }, 'edit', origin).map((e) => [e.role, e.canRotate])).toEqual([
      ['edit', false],
      ['view', false],
    ]);
    expect(shareEntries('b', { view: 'v' }, 'view', origin).map((e) => e.role)).toEqual(['view']);
  });

  it('escapes ids and tokens in the link', () => {
    expect(shareEntries('a b', { view: 't&x' }, 'view', origin)[0]?.url).toBe('https://canvas.example.org/b/a%20b#t=t%26x');
  });
});

describe('deletePhrase', () => {
  it('is the title, or "delete" for an untitled board', () => {
    expect(deletePhrase('  Riverside  ')).toBe('Riverside');
    expect(deletePhrase('')).toBe('delete');
  });
});
