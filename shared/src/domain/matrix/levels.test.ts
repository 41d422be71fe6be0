import { describe, expect, it } from 'vitest';
import {
  LEVEL_ANCHORS,
  SKILL_LEVELS,
  levelAnchor,
  levelLabel,
  levelLegend,
  toSkillLevel,
} from './levels';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Expected a colour like #3366cc, got "${hex}"`);
  const [r, g, b] = match.slice(1, 4).map((part) => {
    const channel = parseInt(part, 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1 (none) to 21 (black on white). */
function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

describe('level anchors', () => {
  it('has one anchor per level, indexed by level', () => {
    expect(LEVEL_ANCHORS.map((a) => a.level)).toEqual([...SKILL_LEVELS]);
  });

  it('uses the agreed scale wording', () => {
    expect(LEVEL_ANCHORS.map((a) => a.label)).toEqual([
      'None',
      'Aware',
      'Competent with help',
      'Independent',
      'Can teach others',
    ]);
  });

  it('gives every fill a text colour with at least 4.5:1 contrast', () => {
    for (const anchor of LEVEL_ANCHORS) {
      expect(contrastRatio(anchor.fill, anchor.text)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gets strictly darker as the level rises, so it reads in greyscale', () => {
    const luminances = LEVEL_ANCHORS.map((a) => relativeLuminance(a.fill));
    for (let i = 1; i < luminances.length; i++) {
      expect(luminances[i]).toBeLessThan(luminances[i - 1] as number);
    }
  });

  it('has distinct fills', () => {
    expect(new Set(LEVEL_ANCHORS.map((a) => a.fill.toLowerCase())).size).toBe(5);
  });
});

describe('toSkillLevel', () => {
  it('keeps valid levels', () => {
    for (const level of SKILL_LEVELS) expect(toSkillLevel(level)).toBe(level);
  });

  it('rounds and clamps stray numbers', () => {
    expect(toSkillLevel(2.4)).toBe(2);
    expect(toSkillLevel(2.5)).toBe(3);
    expect(toSkillLevel(-1)).toBe(0);
    expect(toSkillLevel(9)).toBe(4);
    expect(toSkillLevel(-0.4)).toBe(0);
  });

  it('treats NaN and -Infinity as none, Infinity as the top', () => {
    expect(toSkillLevel(Number.NaN)).toBe(0);
    expect(toSkillLevel(-Infinity)).toBe(0);
    expect(toSkillLevel(Infinity)).toBe(4);
  });
});

describe('level lookups', () => {
  it('return the anchor fields, clamping out-of-range input', () => {
    expect(levelLabel(3)).toBe('Independent');
    expect(levelAnchor(0).fill).toBe(LEVEL_ANCHORS[0]?.fill);
    expect(levelAnchor(4).text).toBe('#ffffff');
    expect(levelAnchor(7).level).toBe(4);
    expect(levelLabel(Number.NaN)).toBe('None');
  });
});

describe('levelLegend', () => {
  it('lists levels lowest first with digit-first titles', () => {
    const legend = levelLegend();
    expect(legend.map((e) => e.title)).toEqual([
      '0 None',
      '1 Aware',
      '2 Competent with help',
      '3 Independent',
      '4 Can teach others',
    ]);
    expect(legend[2]).toMatchObject({ level: 2, fill: LEVEL_ANCHORS[2]?.fill, text: LEVEL_ANCHORS[2]?.text });
  });

  it('returns fresh objects the caller may mutate', () => {
    const legend = levelLegend();
    legend[0]!.title = 'changed';
    expect(levelLegend()[0]?.title).toBe('0 None');
  });
});

describe('the contrast helper above', () => {
  it('matches the WCAG extremes and is symmetric', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 5);
    expect(contrastRatio('#2171b5', '#ffffff')).toBeCloseTo(contrastRatio('#ffffff', '#2171b5'), 10);
  });
});
