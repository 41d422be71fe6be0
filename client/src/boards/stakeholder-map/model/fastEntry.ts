/**
 * Keyboard-only creation: a workshop types or pastes a list of names, one per line,
 * before placing them. Each line becomes a new stakeholder waiting in the "to place"
 * tray (placed: false). Nothing here creates ids or touches the document: the
 * caller turns the inputs into records in one transaction.
 */
import { MAX_NAME, type RecordInput } from '@pc/shared';
import type { Point } from './grid';
import { foldText, truncateText } from './text';

export type StakeholderInput = RecordInput<'stakeholders'>;

/** The tray: a block of equal slots, filled row by row. */
export interface TrayLayout {
  x: number;
  y: number;
  columns: number;
  slotWidth: number;
  slotHeight: number;
}

export const DEFAULT_TRAY: TrayLayout = { x: 0, y: 0, columns: 4, slotWidth: 160, slotHeight: 48 };

/** A paste larger than this is almost certainly the wrong clipboard, not a stakeholder list. */
export const DEFAULT_MAX_ENTRIES = 500;

export interface FastEntryOptions {
  /** Stakeholders already on the board: matching lines are skipped, not duplicated. */
  existing?: readonly { name: string; organisation?: string }[];
  maxEntries?: number;
  tray?: TrayLayout;
  /** Cards already waiting in the tray; new cards take the slots after them. */
  trayStartIndex?: number;
}

export interface FastEntryItem {
  /** 1-based line number in the pasted text, for messages. */
  line: number;
  input: StakeholderInput;
  /**
   * Where to show the card in the tray. Not written into x/y: those hold the
   * network position, and the tray order is better derived from the unplaced
   * cards than stored (two people typing at once would claim the same slot).
   */
  trayPosition: Point;
  /** True when the name or organisation was cut to MAX_NAME characters. */
  truncated: boolean;
}

export type SkipReason = 'duplicate' | 'alreadyOnBoard' | 'tooMany';

export interface SkippedLine {
  line: number;
  text: string;
  reason: SkipReason;
}

export interface FastEntryResult {
  items: FastEntryItem[];
  skipped: SkippedLine[];
}

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/u;
/** Control characters other than tab (a spreadsheet column separator) carry no meaning in a name. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;
/** Bullets and numbering from lists pasted out of documents: "- ", "• ", "3. ", "2) ". */
const LIST_MARKER = /^(?:[-*•·‣◦▪–—]|\d{1,3}[.)])\s+/u;
/** "Name - Organisation" needs spaces round the dash so "Smith-Jones" stays one name. */
const DASH_SEPARATOR = /\s+[-–—]\s+/u;

function tidy(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * Split one line into name and organisation. A tab wins (a pasted spreadsheet row:
 * first column name, second organisation); otherwise the earliest comma or spaced
 * dash splits, so "Jo Bloggs, NHS Lothian - Public Health" keeps the organisation
 * whole.
 */
export function splitNameAndOrganisation(line: string): { name: string; organisation: string } {
  const cleaned = line.replace(CONTROL, '').trim().replace(LIST_MARKER, '');
  let name = cleaned;
  let organisation = '';
  if (cleaned.includes('\t')) {
    const [first = '', second = ''] = cleaned.split('\t');
    name = first;
    organisation = second;
  } else {
    const comma = cleaned.indexOf(',');
    const dash = DASH_SEPARATOR.exec(cleaned);
    const dashAt = dash ? dash.index : -1;
    if (comma !== -1 && (dashAt === -1 || comma < dashAt)) {
      name = cleaned.slice(0, comma);
      organisation = cleaned.slice(comma + 1);
    } else if (dash) {
      name = cleaned.slice(0, dash.index);
      organisation = cleaned.slice(dash.index + dash[0].length);
    }
  }
  name = tidy(name);
  organisation = tidy(organisation);
  // ", NHS Lothian": an organisation typed with a stray separator is the stakeholder itself.
  if (name === '' && organisation !== '') return { name: organisation, organisation: '' };
  return { name, organisation };
}

function identity(name: string, organisation: string): string {
  return `${foldText(name)}\u0000${foldText(organisation)}`;
}

/** Centre of tray slot `index` (row by row); a non-positive column count means one column. */
export function trayPosition(index: number, tray: TrayLayout = DEFAULT_TRAY): Point {
  const columns = Math.max(1, Math.floor(tray.columns) || 1);
  const slot = Math.max(0, Math.floor(index) || 0);
  const column = slot % columns;
  const row = Math.floor(slot / columns);
  return { x: tray.x + (column + 0.5) * tray.slotWidth, y: tray.y + (row + 0.5) * tray.slotHeight };
}

/**
 * Parse fast-entry text. Blank lines, and lines without a letter or digit, are
 * dropped silently; duplicates within the paste (same name and organisation,
 * ignoring case and accents), lines matching a stakeholder already on the board
 * and lines beyond maxEntries are skipped and reported. Names and organisations
 * are cut to MAX_NAME (200) characters.
 */
export function parseFastEntry(text: string, options: FastEntryOptions = {}): FastEntryResult {
  const maxEntries = Math.max(0, Math.floor(options.maxEntries ?? DEFAULT_MAX_ENTRIES));
  const tray = options.tray ?? DEFAULT_TRAY;
  const start = Math.max(0, Math.floor(options.trayStartIndex ?? 0) || 0);
  const onBoard = new Set((options.existing ?? []).map((s) => identity(tidy(s.name), tidy(s.organisation ?? ''))));
  const seen = new Set<string>();
  const items: FastEntryItem[] = [];
  const skipped: SkippedLine[] = [];
  text.split(LINE_BREAK).forEach((raw, i) => {
    const line = i + 1;
    const parsed = splitNameAndOrganisation(raw);
    // Lines of only punctuation ("-", "***", "...") are separators, not names.
    if (!/[\p{L}\p{N}]/u.test(parsed.name)) return;
    const name = truncateText(parsed.name, MAX_NAME).trim();
    const organisation = truncateText(parsed.organisation, MAX_NAME).trim();
    const key = identity(name, organisation);
    const shown = raw.trim();
    if (onBoard.has(key)) skipped.push({ line, text: shown, reason: 'alreadyOnBoard' });
    else if (seen.has(key)) skipped.push({ line, text: shown, reason: 'duplicate' });
    else if (items.length >= maxEntries) skipped.push({ line, text: shown, reason: 'tooMany' });
    else {
      seen.add(key);
      items.push({
        line,
        input: { name, organisation, placed: false },
        trayPosition: trayPosition(start + items.length, tray),
        truncated: name.length < parsed.name.length || organisation.length < parsed.organisation.length,
      });
    }
  });
  return { items, skipped };
}
