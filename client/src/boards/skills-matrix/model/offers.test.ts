import { row, stakeholder } from '@pc/shared/testing';
import { describe, expect, it } from 'vitest';
import {
  STOP_WORDS,
  buildOfferIndex,
  candidatesForRows,
  normaliseText,
  singular,
  tokenise,
  whoCouldBringThis,
} from './offers';

describe('normaliseText', () => {
  it('lower-cases and strips accents', () => {
    expect(normaliseText('Café ÉVALUATION naïve Gàidhlig')).toBe('cafe evaluation naive gaidhlig');
  });

  it('folds ß and ligatures, and drops apostrophes', () => {
    expect(normaliseText('Straße')).toBe('strasse');
    expect(normaliseText('ﬁnance')).toBe('finance');
    expect(normaliseText("children's young people’s")).toBe('childrens young peoples');
  });
});

describe('singular', () => {
  it('drops a simple plural s', () => {
    expect(singular('venues')).toBe('venue');
    expect(singular('volunteers')).toBe('volunteer');
    expect(singular('bids')).toBe('bid');
  });

  it('turns -ies into -y', () => {
    expect(singular('communities')).toBe('community');
    expect(singular('bodies')).toBe('body');
  });

  it('leaves short words and -ss words alone', () => {
    expect(singular('bus')).toBe('bus');
    expect(singular('gas')).toBe('gas');
    expect(singular('class')).toBe('class');
    expect(singular('access')).toBe('access');
    expect(singular('ties')).toBe('tie');
  });
});

describe('tokenise', () => {
  it('splits on non-letters, drops stop words and duplicates, folds plurals', () => {
    expect(tokenise('Venues and rooms for the community, community venues!')).toEqual(['venue', 'room', 'community']);
  });

  it('drops single characters but keeps numbers and IT', () => {
    expect(tokenise('e-learning, IT support 24/7')).toEqual(['learning', 'it', 'support', '24']);
  });

  it('returns nothing for empty or all-stop-word text', () => {
    expect(tokenise('')).toEqual([]);
    expect(tokenise('  and of the  ')).toEqual([]);
  });

  it('keeps non-Latin letters', () => {
    expect(tokenise('Cymraeg: gwirfoddolwyr')).toEqual(['cymraeg', 'gwirfoddolwyr']);
  });

  it('has the usual stop words', () => {
    for (const word of ['and', 'of', 'the', 'for']) expect(STOP_WORDS.has(word)).toBe(true);
    expect(STOP_WORDS.has('it')).toBe(false);
  });
});

describe('whoCouldBringThis', () => {
  const church = stakeholder('s1', 'Church hall venue, free on weekdays', { name: 'St Mary’s Church', attitude: 1 });
  const school = stakeholder('s2', 'Venues and catering', { name: 'Hillside School', attitude: 2 });
  const council = stakeholder('s3', 'Safeguarding training for staff and volunteers', { name: 'Council' });
  const promoted = stakeholder('s4', 'Venues', { name: 'Already a partner', partnerId: 'p9' });
  const silent = stakeholder('s5', '', { name: 'Silent' });

  const all = [church, school, council, promoted, silent];

  it('finds stakeholders whose offer mentions the row, case- and plural-insensitive', () => {
    const result = whoCouldBringThis('Venues', all);
    expect(result.map((c) => c.stakeholder.id)).toEqual(['s2', 's1']);
    expect(result[0]).toMatchObject({ score: 1, matchedTokens: ['venue'], coverage: 1 });
  });

  it('excludes stakeholders already promoted to partners, and empty offers', () => {
    const ids = whoCouldBringThis('venues', all).map((c) => c.stakeholder.id);
    expect(ids).not.toContain('s4');
    expect(ids).not.toContain('s5');
  });

  it('ranks by matched tokens first', () => {
    const trainer = stakeholder('s6', 'Training', { name: 'Trainer', attitude: 2 });
    const result = whoCouldBringThis('Safeguarding training', [trainer, council]);
    expect(result.map((c) => [c.stakeholder.id, c.score])).toEqual([
      ['s3', 2],
      ['s6', 1],
    ]);
    expect(result[1]?.coverage).toBe(0.5);
    expect(result[0]?.matchedTokens).toEqual(['safeguarding', 'training']);
  });

  it('breaks score ties by attitude, then name ignoring case and accents, then id', () => {
    const b = stakeholder('b', 'volunteers', { name: 'Éire Trust' });
    const a = stakeholder('a', 'volunteers', { name: 'eire trust' });
    const z = stakeholder('z', 'volunteers', { name: 'Alpha' });
    const champion = stakeholder('c', 'volunteers', { name: 'Zed', attitude: 2 });
    expect(whoCouldBringThis('Volunteers', [b, a, z, champion]).map((c) => c.stakeholder.id)).toEqual([
      'c',
      'z',
      'a',
      'b',
    ]);
  });

  it('matches accents either way', () => {
    const s = stakeholder('s', 'Évaluation expertise');
    expect(whoCouldBringThis('evaluation', [s])).toHaveLength(1);
    expect(whoCouldBringThis('ÉVALUATION', [stakeholder('t', 'evaluation')])).toHaveLength(1);
  });

  it('matches whole tokens only', () => {
    expect(whoCouldBringThis('venue', [stakeholder('s', 'revenue funding')])).toEqual([]);
  });

  it('finds nothing for a row name made of stop words', () => {
    expect(whoCouldBringThis('The and of', all)).toEqual([]);
  });

  it('respects limit and minScore', () => {
    expect(whoCouldBringThis('venues', all, { limit: 1 }).map((c) => c.stakeholder.id)).toEqual(['s2']);
    expect(whoCouldBringThis('venues', all, { limit: 0 })).toEqual([]);
    expect(whoCouldBringThis('community venues', all, { minScore: 2 })).toEqual([]);
  });

  it('counts a repeated stakeholder once', () => {
    expect(whoCouldBringThis('venues', [school, school])).toHaveLength(1);
  });
});

describe('candidatesForRows', () => {
  it('returns ranked candidates per row id, tokenising offers once', () => {
    const rows = [row('r1', { name: 'Venues' }), row('r2', { name: 'Data protection' })];
    const people = [stakeholder('s1', 'meeting venues'), stakeholder('s2', 'GDPR and data protection advice')];
    const result = candidatesForRows(rows, people);
    expect(result.get('r1')?.map((c) => c.stakeholder.id)).toEqual(['s1']);
    expect(result.get('r2')?.map((c) => c.score)).toEqual([2]);
  });

  it('indexes only usable stakeholders', () => {
    const index = buildOfferIndex([stakeholder('a', 'x'), stakeholder('b', 'venues', { partnerId: 'p' })]);
    expect(index.entries).toEqual([]);
  });
});
