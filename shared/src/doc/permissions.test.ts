import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, metaSchema } from '../schema';
import { OWNER_ONLY_COLLECTIONS, OWNER_ONLY_META_KEYS, ownerOnlyRefusal } from './permissions';

describe('owner-only parts of a board', () => {
  it('names only real collections and board settings', () => {
    for (const name of OWNER_ONLY_COLLECTIONS) expect(COLLECTION_NAMES).toContain(name);
    for (const key of OWNER_ONLY_META_KEYS) expect(Object.keys(metaSchema.shape)).toContain(key);
  });

  it('lets the owner change anything', () => {
    expect(ownerOnlyRefusal('owner', [{ collection: 'locks', id: 'l' }], ['viewersMayVote'])).toBeNull();
  });

  it('refuses editors and viewers, naming what they touched', () => {
    expect(ownerOnlyRefusal('edit', [{ collection: 'stakeholders', id: 's' }, { collection: 'locks', id: 'l' }], [])).toBe(
      'Locks can be changed by the board owner only',
    );
    expect(ownerOnlyRefusal('view', [], ['title', 'viewersMayVote'])).toMatch(/workshop setting .* owner only/);
    expect(ownerOnlyRefusal('edit', [{ collection: 'votes', id: 'v' }], [])).toMatch(/^Votes/);
  });

  it('leaves other records and settings to editors', () => {
    expect(ownerOnlyRefusal('edit', [{ collection: 'stakeholders', id: 's' }], ['title', 'logicTemplate'])).toBeNull();
  });
});
