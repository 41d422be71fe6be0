import { describe, expect, it } from 'vitest';
import { decorationVisible, MIN_READABLE_TEXT_PX, textReadable } from './levelOfDetail';

describe('level of detail', () => {
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
