/**
 * Text folding and ordering shared by search, fast entry and every layout that
 * orders cards. Everything here is locale-independent on purpose: positions are
 * derived on each partner's machine, and two browsers with different locales must
 * put the same cards in the same places.
 */

/** Letters that Unicode does not decompose into base letter + mark, folded by hand. */
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
};

const COMBINING_MARK = /\p{M}/u;

/** Fold one code point: compatibility-decompose, drop marks, lower-case. */
function foldCodePoint(char: string): string {
  const extra = EXTRA_FOLDS[char];
  if (extra !== undefined) return extra;
  let out = '';
  for (const part of char.normalize('NFKD')) {
    if (!COMBINING_MARK.test(part)) out += part;
  }
  return out.toLowerCase();
}

/**
 * Folded forms of recent strings. Sorting 2,000 cards by name compares each name
 * ~20 times, and every layout and list sorts on each change: folding once per
 * distinct string instead of per comparison keeps a drag on a big board cheap.
 * Bounded: cleared when full (names on one board are far fewer).
 */
const FOLD_CACHE_LIMIT = 20_000;
const foldCache = new Map<string, string>();

/** Case- and accent-insensitive form of a string ("Ciarán Ó Dónaill" -> "ciaran o donaill"). */
export function foldText(text: string): string {
  const cached = foldCache.get(text);
  if (cached !== undefined) return cached;
  let out = '';
  for (const char of text) out += foldCodePoint(char);
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(text, out);
  return out;
}

/**
 * The folded text plus, for each folded UTF-16 unit, the [start, end) range of the
 * original code point it came from, so a match found in folded text can be
 * highlighted in the text the user actually sees.
 */
export interface FoldedText {
  folded: string;
  sourceStart: number[];
  sourceEnd: number[];
}

export function foldTextWithMap(text: string): FoldedText {
  let folded = '';
  const sourceStart: number[] = [];
  const sourceEnd: number[] = [];
  let index = 0;
  for (const char of text) {
    const part = foldCodePoint(char);
    for (let i = 0; i < part.length; i += 1) {
      sourceStart.push(index);
      sourceEnd.push(index + char.length);
    }
    folded += part;
    index += char.length;
  }
  return { folded, sourceStart, sourceEnd };
}

/** Plain code-unit comparison: same answer in every browser and locale. */
export function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Alphabetical on the folded form, then on the raw text so distinct strings never tie. */
export function compareText(a: string, b: string): number {
  return compareCodeUnits(foldText(a), foldText(b)) || compareCodeUnits(a, b);
}

/** The one stable order of cards used by every layout: by name, then by id. */
export function compareByNameThenId(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return compareText(a.name, b.name) || compareCodeUnits(a.id, b.id);
}

/**
 * Cut a string to at most `max` UTF-16 units (what the schema's `max` counts)
 * without splitting a surrogate pair: half an emoji is not valid text.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}
