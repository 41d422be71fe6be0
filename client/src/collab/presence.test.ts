import { describe, expect, it } from 'vitest';
import { parsePresence, peersFromStates, peopleKey, visibleCursors } from './presence';

describe('presence', () => {
  it('parses well-formed states and repairs doubtful fields', () => {
    expect(parsePresence({ user: { name: 'Ada', colour: '#112233' }, cursor: { x: 1, y: 2 }, view: 'logic-model' })).toEqual({
      user: { name: 'Ada', colour: '#112233' },
      cursor: { x: 1, y: 2 },
      view: 'logic-model',
      viewport: null,
    });
    expect(parsePresence({ user: { name: 'Bo', colour: 'red' }, cursor: { x: 'a' }, view: 'nope' })).toEqual({
      user: { name: 'Bo', colour: '#64748b' },
      cursor: null,
      view: 'stakeholder-map',
      viewport: null,
    });
    expect(parsePresence(null)).toBeNull();
    expect(parsePresence({})).toBeNull();
  });

  it('keeps a sound viewport and drops a hostile one', () => {
    const user = { name: 'Ada', colour: '#112233' };
    expect(parsePresence({ user, viewport: { x: -10, y: 5, width: 800, height: 600 } })?.viewport).toEqual({ x: -10, y: 5, width: 800, height: 600 });
    expect(parsePresence({ user, viewport: { x: 0, y: 0, width: 0, height: 600 } })?.viewport).toBeNull();
    expect(parsePresence({ user, viewport: { x: 0, y: 0, width: 1e300, height: 600 } })?.viewport).toBeNull();
    expect(parsePresence({ user, viewport: { x: 'a', y: 0, width: 10, height: 10 } })?.viewport).toBeNull();
    expect(parsePresence({ user, viewport: [1, 2, 3, 4] })?.viewport).toBeNull();
  });

  it('lists me first then others by name, and filters cursors by tab', () => {
    const states = new Map<number, unknown>([
      [3, { user: { name: 'Zed', colour: '#000000' }, cursor: { x: 0, y: 0 }, view: 'stakeholder-map' }],
      [1, { user: { name: 'Me', colour: '#000000' }, cursor: { x: 0, y: 0 }, view: 'stakeholder-map' }],
      [2, { user: { name: 'Amy', colour: '#000000' }, cursor: null, view: 'stakeholder-map' }],
      [4, { user: { name: 'Bea', colour: '#000000' }, cursor: { x: 5, y: 5 }, view: 'logic-model' }],
      [5, {}],
    ]);
    const peers = peersFromStates(states, 1);
    expect(peers.map((p) => p.user.name)).toEqual(['Me', 'Amy', 'Bea', 'Zed']);
    expect(visibleCursors(peers, 'stakeholder-map').map((p) => p.user.name)).toEqual(['Zed']);
  });

  it('keys the people list by who is here, not by where their cursors are', () => {
    const at = (x: number) => peersFromStates(new Map([[1, { user: { name: 'A', colour: '#000000' }, cursor: { x, y: 0 }, view: 'logic-model' }]]), 2);
    expect(peopleKey(at(1))).toBe(peopleKey(at(2)));
    const renamed = peersFromStates(new Map([[1, { user: { name: 'B', colour: '#000000' }, cursor: null }]]), 2);
    expect(peopleKey(renamed)).not.toBe(peopleKey(at(1)));
  });
});
