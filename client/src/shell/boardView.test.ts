import { describe, expect, it } from 'vitest';
import { memoryStore } from '../collab/storage';
import { hashWithView, initialView, rememberView, viewFromHash } from './boardView';

describe('the tab a board opens on', () => {
  it('reads a known tab from the fragment, ignoring unknown ones', () => {
    expect(viewFromHash('#t=tok&view=logic-model')).toBe('logic-model');
    expect(viewFromHash('#view=health&t=tok')).toBe('health');
    expect(viewFromHash('#t=tok&view=elsewhere')).toBeNull();
    expect(viewFromHash('#t=tok')).toBeNull();
    expect(viewFromHash('')).toBeNull();
  });

  it('writes the tab into the fragment and keeps the token', () => {
    expect(hashWithView('#t=tok-1_A', 'skills-matrix')).toBe('#t=tok-1_A&view=skills-matrix');
    expect(hashWithView('#t=tok&view=health', 'logic-model')).toBe('#t=tok&view=logic-model');
    expect(hashWithView('', 'health')).toBe('#view=health');
    expect(new URLSearchParams(hashWithView('#t=a%2Bb', 'health').slice(1)).get('t')).toBe('a+b');
  });

  it('prefers the link, then what this device last had open on that board, then the stakeholder map', () => {
    const store = memoryStore();
    expect(initialView('b1', '#t=tok', store)).toBe('stakeholder-map');
    rememberView('b1', 'logic-model', store);
    expect(initialView('b1', '#t=tok', store)).toBe('logic-model');
    expect(initialView('b2', '#t=tok', store)).toBe('stakeholder-map');
    expect(initialView('b1', '#t=tok&view=health', store)).toBe('health');
    store.setItem('pc:view:b1', 'not-a-tab');
    expect(initialView('b1', '#t=tok', store)).toBe('stakeholder-map');
  });
});
