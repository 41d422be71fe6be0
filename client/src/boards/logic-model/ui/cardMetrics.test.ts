import { describe, expect, it } from 'vitest';
import { CARD, cardHasFooter, cardHeight, LINE_PX } from './cardMetrics';

// No DOM here: widths fall back to an estimate of 0.55 em per character.
describe('card metrics', () => {
  it('grows with the lines its text wraps to', () => {
    const one = cardHeight({ column: 'inputs', text: 'short' });
    expect(cardHeight({ column: 'inputs', text: 'one\ntwo\n\nfour' })).toBe(Math.ceil(CARD.padTop + 4 * LINE_PX + CARD.padBottom));
    expect(cardHeight({ column: 'inputs', text: 'a b c d e f g h i j k l m n o p q r s t u v w x y z '.repeat(2) })).toBeGreaterThan(one);
  });

  it('gives activities and measured cards a footer and caps tall text', () => {
    expect(cardHasFooter({ column: 'activities' })).toBe(true);
    expect(cardHasFooter({ column: 'outputs' })).toBe(true);
    expect(cardHasFooter({ column: 'inputs' })).toBe(false);
    expect(cardHeight({ column: 'inputs', text: '' })).toBe(CARD.minHeight);
    const long = cardHeight({ column: 'inputs', text: 'word '.repeat(400) });
    expect(long).toBe(Math.ceil(CARD.padTop + CARD.maxLines * LINE_PX + CARD.padBottom));
    expect(cardHeight({ column: 'activities', text: 'x' })).toBeGreaterThanOrEqual(CARD.minHeight + CARD.footer - 20);
  });
});
