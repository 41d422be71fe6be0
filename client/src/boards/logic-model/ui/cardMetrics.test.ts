import { describe, expect, it } from 'vitest';
import { CARD, cardHasFooter, cardHeight, LINE_PX, wrappedLines } from './cardMetrics';

// No DOM here: widths fall back to an estimate of 0.55 em per character.
describe('card metrics', () => {
  it('wraps words to the width and counts explicit line breaks', () => {
    expect(wrappedLines('short', 150)).toBe(1);
    expect(wrappedLines('one\ntwo\n\nfour', 150)).toBe(4);
    expect(wrappedLines('a b c d e f g h i j k l m n o p q r s t u v w x y z', 60)).toBeGreaterThan(2);
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
