import { describe, expect, it } from 'vitest';
import { insertMention, mentionQuery, parseMentions, suggestPeople } from './mentions';

const people = ['Ada', 'Ada Lovelace', 'Bo', 'Émile'];

describe('mentions', () => {
  it('finds the longest known name after an @, each once', () => {
    expect(parseMentions('@Ada Lovelace and @Bo, thanks @bo', people)).toEqual(['Ada Lovelace', 'Bo']);
    expect(parseMentions('ask @Ada about it', people)).toEqual(['Ada']);
    expect(parseMentions('(@Émile)', people)).toEqual(['Émile']);
  });

  it('ignores e-mail addresses, unknown names and names that run on', () => {
    expect(parseMentions('mail ada@Bo.org', people)).toEqual([]);
    expect(parseMentions('@Zed and @Bob', people)).toEqual([]);
    expect(parseMentions('no mentions', people)).toEqual([]);
  });

  it('knows the mention being typed at the caret', () => {
    expect(mentionQuery('hi @Ad', 6)).toEqual({ start: 3, query: 'Ad' });
    expect(mentionQuery('hi @', 4)).toEqual({ start: 3, query: '' });
    expect(mentionQuery('a@b', 3)).toBeNull();
    expect(mentionQuery('@Ada\nnext', 9)).toBeNull();
    expect(mentionQuery('plain', 5)).toBeNull();
  });

  it('suggests names starting with the query first', () => {
    expect(suggestPeople('a', people)).toEqual(['Ada', 'Ada Lovelace']);
    expect(suggestPeople('o', people)).toEqual(['Ada Lovelace', 'Bo']);
    expect(suggestPeople('', people, 2)).toEqual(['Ada', 'Ada Lovelace']);
  });

  it('replaces the typed mention with the chosen name', () => {
    expect(insertMention('hi @Ad, see', 6, 3, 'Ada Lovelace')).toEqual({ text: 'hi @Ada Lovelace , see', caret: 17 });
  });
});
