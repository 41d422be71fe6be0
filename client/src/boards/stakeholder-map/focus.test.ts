import { describe, expect, it } from 'vitest';
import { stakeholderFocusLabel, stepPatch } from './focus';

const card = { power: 3, interest: 4, ring: null, x: 100, y: 200 } as const;

describe('stakeholder keyboard focus', () => {
  it('says the name, that it is a stakeholder, and where it stands', () => {
    expect(stakeholderFocusLabel({ ...card, name: 'Ardmore Health Board' }, 'grid')).toBe('Ardmore Health Board, stakeholder, power 3, interest 4');
    expect(stakeholderFocusLabel({ ...card, name: 'Ardmore Health Board', ring: 'core' }, 'onion')).toBe('Ardmore Health Board, stakeholder, Core');
    expect(stakeholderFocusLabel({ ...card, name: ' ' }, 'onion')).toBe('Unnamed, stakeholder, ring not assessed');
  });

  it('moves one grid cell: up raises power, right raises interest, nothing past the edge', () => {
    expect(stepPatch(card, 'grid', 'up', undefined)).toEqual({ power: 4 });
    expect(stepPatch(card, 'grid', 'down', undefined)).toEqual({ power: 2 });
    expect(stepPatch(card, 'grid', 'left', undefined)).toEqual({ interest: 3 });
    expect(stepPatch(card, 'grid', 'right', undefined)).toBeNull();
    expect(stepPatch({ ...card, power: 4 }, 'grid', 'up', undefined)).toBeNull();
  });

  it('moves one ring on the onion (up goes inwards; not assessed goes to the outer ring) and nudges on the network', () => {
    expect(stepPatch({ ...card, ring: 'direct' }, 'onion', 'up', undefined)).toEqual({ ring: 'core' });
    expect(stepPatch({ ...card, ring: 'core' }, 'onion', 'up', undefined)).toBeNull();
    expect(stepPatch(card, 'onion', 'up', undefined)).toEqual({ ring: 'wider' });
    expect(stepPatch(card, 'onion', 'left', undefined)).toBeNull();
    expect(stepPatch(card, 'network', 'right', undefined)).toEqual({ x: 140, y: 200 });
  });
});
