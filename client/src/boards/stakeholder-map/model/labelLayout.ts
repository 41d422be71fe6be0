/**
 * Line breaking for card names drawn straight onto a canvas: the same lines
 * Konva's Text (wrap "word", ellipsis, fixed width and a height of `maxLines`
 * lines) produces, so the imperative card painter draws the pixels the node
 * tree used to. Measuring is the expensive part, so the caller passes a
 * (cached) `measure`; names wrap at word boundaries, which needs a handful of
 * measurements per name instead of Konva's per-grapheme binary search.
 */

export interface LabelLine {
  text: string;
  width: number;
}

export type Measure = (text: string) => number;

export const ELLIPSIS = '…';

/** Graphemes, close enough for names: code points, keeping surrogate pairs whole. */
function graphemes(text: string): string[] {
  return Array.from(text);
}

const isBreak = (char: string) => char === ' ' || char === '-';

/** Words with their trailing break (space or dash) attached, so joining them gives the text back. */
export function breakTokens(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (const char of text) {
    current += char;
    if (isBreak(char)) {
      tokens.push(current);
      current = '';
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

/** The longest grapheme prefix of `chars[start..]` no wider than `maxWidth` (a word longer than the line). */
function longestFittingPrefix(chars: readonly string[], start: number, maxWidth: number, measure: Measure): number {
  let low = start;
  let high = chars.length;
  while (high - low > 0) {
    const mid = (low + high + 1) >>> 1;
    if (measure(chars.slice(start, mid).join('')) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Replace the end of the last line with an ellipsis, dropping graphemes until it fits. */
function addEllipsis(lines: LabelLine[], maxWidth: number, measure: Measure): void {
  const last = lines[lines.length - 1];
  if (!last) return;
  const chars = graphemes(last.text);
  let text = last.text + ELLIPSIS;
  while (chars.length && measure(text) > maxWidth) {
    chars.pop();
    text = chars.join('') + ELLIPSIS;
  }
  if (measure(text) > maxWidth) text = '';
  last.text = text;
  last.width = measure(text);
}

/**
 * Lines of `text` in a box `maxWidth` wide holding `maxLines` lines: greedy
 * word wrap (breaking after a space or a dash, inside a word only when it alone
 * is too wide), trailing spaces trimmed, and an ellipsis on the last line when
 * text is left over.
 */
export function layoutLabel(text: string, maxWidth: number, maxLines: number, measure: Measure): LabelLine[] {
  const lines: LabelLine[] = [];
  if (!text || maxLines < 1) return lines;
  const paragraphs = text.split('\n');
  const push = (line: string) => lines.push({ text: line, width: measure(line) });
  for (let p = 0; p < paragraphs.length; p += 1) {
    const paragraph = paragraphs[p]!;
    const moreParagraphs = p < paragraphs.length - 1;
    if (measure(paragraph) <= maxWidth) {
      push(paragraph);
      if (lines.length >= maxLines) {
        if (moreParagraphs) addEllipsis(lines, maxWidth, measure);
        return lines;
      }
      continue;
    }
    let tokens = breakTokens(paragraph);
    while (tokens.length > 0) {
      // The longest run of whole words that fits (a word's trailing space may overhang).
      let line = '';
      let used = 0;
      for (let i = 0; i < tokens.length; i += 1) {
        const candidate = line + tokens[i]!;
        if (measure(candidate.trimEnd()) > maxWidth) break;
        line = candidate;
        used = i + 1;
      }
      if (used === tokens.length) {
        push(line);
        if (lines.length >= maxLines && moreParagraphs) addEllipsis(lines, maxWidth, measure);
        break;
      }
      let rest: string;
      if (used === 0) {
        // A single word wider than the box: cut it where it stops fitting.
        const chars = graphemes(tokens.join(''));
        const end = longestFittingPrefix(chars, 0, maxWidth, measure);
        if (end === 0) return lines;
        line = chars.slice(0, end).join('');
        rest = chars.slice(end).join('');
      } else {
        rest = tokens.slice(used).join('');
      }
      push(line.trimEnd());
      if (lines.length >= maxLines) {
        addEllipsis(lines, maxWidth, measure);
        return lines;
      }
      tokens = breakTokens(rest.replace(/^\s+/, ''));
    }
    if (lines.length >= maxLines) return lines;
  }
  return lines;
}
