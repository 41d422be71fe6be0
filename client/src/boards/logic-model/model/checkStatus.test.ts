import { describe, expect, it } from 'vitest';
import { checkStatus } from './checkStatus';
import { getTemplate } from '@pc/shared';

describe('checkStatus', () => {
  it('says an empty model has nothing to check, and what to add first', () => {
    const status = checkStatus(getTemplate('kellogg'), 0, 0);
    expect(status).toEqual({
      kind: 'empty',
      title: 'Nothing to check yet',
      next: 'Add the change you want to see under Outcomes, then the work that brings it about under Activities. Checks appear as the model grows.',
    });
  });
  it('starts an ESS model from its situation', () => {
    const status = checkStatus(getTemplate('ess'), 0, 0);
    expect(status.kind === 'empty' && status.next).toBe(
      'Add the need it responds to under Situation, the change you want to see under Short-term outcomes, then the work that brings it about under Activities. Checks appear as the model grows.',
    );
  });
  it('is clear only when there are cards and no results', () => {
    expect(checkStatus(getTemplate('ess'), 3, 0)).toEqual({ kind: 'clear' });
    expect(checkStatus(getTemplate('ess'), 3, 2)).toEqual({ kind: 'issues' });
  });
});
