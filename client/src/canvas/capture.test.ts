import { describe, expect, it } from 'vitest';
import { MAX_CAPTURE_PIXELS, MAX_CAPTURE_SIDE, planCapture, pngFileName, tabCaptureRect } from './capture';

describe('planCapture', () => {
  it('multiplies the area by the scale', () => {
    expect(planCapture(800, 600, 2)).toEqual({ pixelRatio: 2, width: 1600, height: 1200, reduced: false });
    expect(planCapture(800.4, 599.6, 3)).toEqual({ pixelRatio: 3, width: 2400, height: 1800, reduced: false });
  });

  it('reduces the scale to stay inside the browser canvas limits, and says so', () => {
    const wide = planCapture(12_000, 1000, 3);
    expect(wide.reduced).toBe(true);
    expect(wide.width).toBeLessThanOrEqual(MAX_CAPTURE_SIDE);
    const big = planCapture(9000, 9000, 2);
    expect(big.reduced).toBe(true);
    expect(big.width * big.height).toBeLessThanOrEqual(MAX_CAPTURE_PIXELS);
    expect(big.pixelRatio).toBeGreaterThan(1);
  });
});

describe('tabCaptureRect', () => {
  it('adds a margin around the content, and has nothing for an empty tab', () => {
    expect(tabCaptureRect({ x: 0, y: 10, width: 100, height: 50 })).toEqual({ x: -32, y: -22, width: 164, height: 114 });
    expect(tabCaptureRect(null)).toBeNull();
  });
});

describe('pngFileName', () => {
  it('names the picture after the board and the tab', () => {
    expect(pngFileName('Kinship Carers’ Partnership', 'Stakeholder map')).toBe('Kinship Carers’ Partnership - Stakeholder map.png');
  });
  it('drops characters file systems refuse', () => {
    expect(pngFileName('A/B: "plan"?', 'Logic model')).toBe('A B plan - Logic model.png');
    expect(pngFileName('  ', 'Skills matrix')).toBe('Board - Skills matrix.png');
  });
});
