import { describe, expect, it } from 'vitest';
import { parseRoute } from './routing';

describe('routes', () => {
  it('home, board with token, board without token, unknown', () => {
    expect(parseRoute('/', '')).toEqual({ page: 'home' });
    expect(parseRoute('/b/abc_DEF-123', '#t=tok123')).toEqual({ page: 'board', boardId: 'abc_DEF-123', token: 'tok123' });
    expect(parseRoute('/b/abc/', '')).toEqual({ page: 'board', boardId: 'abc', token: null });
    expect(parseRoute('/elsewhere', '')).toEqual({ page: 'not-found' });
    expect(parseRoute('/b/%E0%A4%A', '')).toEqual({ page: 'not-found' });
  });
});
