import { describe, expect, it } from 'vitest';
import { decorationVisible, fontFor, FONT_FAMILY, MIN_READABLE_TEXT_PX, textReadable } from './theme';

describe('theme: level of detail', () => {
  it('draws text only from a readable size on screen', () => {
    expect(textReadable(16, 1)).toBe(true);
    expect(textReadable(16, 0.5)).toBe(true);
    expect(textReadable(16, 0.4)).toBe(false);
    expect(textReadable(16, 0.1)).toBe(false);
    expect(textReadable(MIN_READABLE_TEXT_PX, 1)).toBe(true);
  });

  it('drops decorations under a screen pixel', () => {
    expect(decorationVisible(3, 1)).toBe(true);
    expect(decorationVisible(3, 0.34)).toBe(true);
    expect(decorationVisible(3, 0.3)).toBe(false);
  });
});

describe('theme: fonts', () => {
  it('builds canvas font strings in the app font', () => {
    expect(fontFor(13, 600)).toBe(`600 13px ${FONT_FAMILY}`);
    expect(fontFor(12)).toBe(`12px ${FONT_FAMILY}`);
    expect(fontFor(15, 'bold')).toBe(`bold 15px ${FONT_FAMILY}`);
  });
});
