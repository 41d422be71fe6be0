import { describe, expect, it } from 'vitest';
import { IDENTITY_KEY, USER_COLOURS, WATCH_UNNAMED_KEY, cleanDisplayName, initials, loadIdentity, rememberWatchUnnamed, saveIdentity, watchesUnnamed } from './identity';
import { memoryStore } from './storage';

describe('identity', () => {
  it('creates a random guest once and keeps it', () => {
    const store = memoryStore();
    const first = loadIdentity(store, () => 0.5);
    expect(first.name).toBe('Guest 55');
    expect(USER_COLOURS).toContain(first.colour);
    expect(first.confirmed).toBe(false);
    expect(loadIdentity(store, () => 0.1)).toEqual(first);
  });

  it('saves a cleaned name and ignores garbage in storage', () => {
    const store = memoryStore();
    const saved = saveIdentity(store, { name: '  Ada   Lovelace ', colour: '#2563eb', confirmed: true });
    expect(saved.name).toBe('Ada Lovelace');
    expect(loadIdentity(store)).toEqual(saved);
    store.setItem(IDENTITY_KEY, '{"name": 5}');
    expect(loadIdentity(store, () => 0).name).toBe('Guest 10');
    store.setItem(IDENTITY_KEY, 'not json');
    expect(loadIdentity(store, () => 0).name).toBe('Guest 10');
  });

  it('remembers that this device watches view links without a name', () => {
    const store = memoryStore();
    expect(watchesUnnamed(store)).toBe(false);
    rememberWatchUnnamed(store);
    expect(watchesUnnamed(store)).toBe(true);
    store.setItem(WATCH_UNNAMED_KEY, 'garbage');
    expect(watchesUnnamed(store)).toBe(false);
  });

  it('bounds names and makes initials', () => {
    expect(cleanDisplayName('x'.repeat(100))).toHaveLength(40);
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('guest')).toBe('GU');
    expect(initials('Guest 42')).toBe('GU');
    expect(initials('  ')).toBe('?');
    expect(initials('Fiona (facilitator)')).toBe('FI');
    expect(initials('Fiona Reid (facilitator)')).toBe('FR');
    expect(initials('Zoë Ó Briain')).toBe('ZB');
    expect(initials('42')).toBe('?');
    for (const name of ['Guest 85', 'G85', '(x) 9', 'Ana-María López']) expect(initials(name)).toMatch(/^(\p{L}{1,2}|\?)$/u);
  });
});
